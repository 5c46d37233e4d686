/**
 * `@ceres/plugin-bridge/runtime`: what other plugins and the app use of the bridge at run time (the package's
 * main entry is the Strapi plugin object). Loading it through the package name gives the very module instance
 * Strapi loaded (workspaces symlink the package, Node follows the link), so `instanceof BridgeError` holds.
 * Pure modules only, plus principalOf (types from @strapi/strapi, no runtime import).
 */
export { BridgeError, badRequest, notFound, forbidden, conflict, unprocessable } from './domain/errors';
export { checkBody, type AttributeDescription } from './domain/body';
export { normalizeSearchText } from './domain/search-text';
export { isAllowed } from './domain/permissions';
export { aujourdhui, dateFr } from './domain/calendar';
export { principalOf } from './services/principal';
export type { ResourceDefinition, FieldError, ValidationContext, ListQuery, ReaderRecord } from './domain/resource';
export type { Principal, Profile, Territory } from './domain/access';
export type { Registry, ActionDefinition, ActionContext, UploadedFile, WriteEvent, FileAnswer } from './services/registry';
export type { Repository } from './services/repository';
export type { Writes } from './services/writes';
