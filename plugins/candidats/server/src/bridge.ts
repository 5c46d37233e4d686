/**
 * The bridge's own error class, at run time: its error middleware recognises a BridgeError by class, and
 * a plugin's package entry only exposes the Strapi plugin object. dist/server/ here mirrors the bridge's
 * dist/server/, hence the relative path.
 */
import type { BridgeError as BridgeErrorClass } from '@ceres/plugin-bridge';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const errors = require('../../../bridge/dist/server/domain/errors') as { BridgeError: typeof BridgeErrorClass };

export const BridgeError = errors.BridgeError;
export const badRequest = (field: string | undefined, message: string) => new BridgeError(400, message, field);
export const notFound = (message: string) => new BridgeError(404, message);
export const unprocessable = (message: string, field?: string) => new BridgeError(422, message, field);

/** Today in metropolitan France (AAAA-MM-JJ): dates of decisions and requests are the agents' dates. */
export const aujourdhui = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
