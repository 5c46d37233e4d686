/**
 * The one error CERES answers with on the bridge: an HTTP status, the parameter or field at fault
 * (dotted path, e.g. "filter.dateNaissance") and a French message for the agent.
 */
export class BridgeError extends Error {
  /** recognised by the error middleware even when a plugin loaded another copy of this module */
  readonly ceresBridgeError = true;

  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  toBody() {
    return {
      error: {
        status: this.status,
        ...(this.field ? { field: this.field } : {}),
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export const badRequest = (field: string | undefined, message: string) => new BridgeError(400, message, field);
export const notFound = (message = "Enregistrement introuvable.") => new BridgeError(404, message);
export const forbidden = (message = "Action non autorisée pour votre profil.") => new BridgeError(403, message);
export const conflict = (message: string, field?: string) => new BridgeError(409, message, field);
export const unprocessable = (message: string, field?: string, details?: Record<string, unknown>) => new BridgeError(422, message, field, details);
