/**
 * Errors whose French message is meant for the agent. They carry an HTTP status and the field at fault,
 * and the flag `ceresBridgeError` by which the bridge answers them as its own errors (a plugin cannot
 * import the bridge's BridgeError class at run time: the package's entry is strapi-server.js).
 */
abstract class PublicError extends Error {
  readonly ceresBridgeError = true;
  abstract readonly status: number;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** These data cannot make the document (missing birth place, unreadable date…): 422, naming the field. */
export class DocumentDataError extends PublicError {
  readonly status = 422;
  readonly name = 'DocumentDataError';
  constructor(field: string, message: string) {
    super(message, field);
  }
  declare readonly field: string;
}

/** A rule of issue refuses the document (results not validated, nobody registered…): 409. */
export class DocumentRuleError extends PublicError {
  readonly status = 409;
  readonly name = 'DocumentRuleError';
}

/** The request itself is malformed (unknown filter, inverted period…): 400, naming the field. */
export class DocumentRequestError extends PublicError {
  readonly status = 400;
  readonly name = 'DocumentRequestError';
  constructor(field: string, message: string) {
    super(message, field);
  }
}
