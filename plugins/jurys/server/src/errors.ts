/**
 * The bridge's own BridgeError class, taken from the bridge's build: its error middleware recognises
 * errors with `instanceof`, so they must come from the very module Strapi loaded (plugins/bridge/dist).
 * The bridge package only exports its plugin object at run time, hence the relative path (same depth
 * from server/src and from dist/server).
 */
export { BridgeError } from '../../../bridge/dist/server/domain/errors';
import { BridgeError } from '../../../bridge/dist/server/domain/errors';

export const badRequest = (field: string | undefined, message: string) => new BridgeError(400, message, field);
/** a domain rule refuses (seniority, closed title, end of validity) */
export const unprocessable = (message: string, field?: string, details?: Record<string, unknown>) => new BridgeError(422, message, field, details);
/** the record's state forbids the action, or a duplicate exists */
export const conflict = (message: string, field?: string) => new BridgeError(409, message, field);
