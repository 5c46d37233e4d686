/**
 * What this plugin uses of the bridge at run time. The bridge's package entry exports only the Strapi
 * plugin object, so its modules are reached by path (same depth for sources and dist: one module
 * instance, so `instanceof BridgeError` holds in the bridge's error middleware).
 */
export { BridgeError, badRequest } from '../../../bridge/dist/server/domain/errors';
export { checkBody } from '../../../bridge/dist/server/domain/body';
export { normalizeSearchText } from '../../../bridge/dist/server/domain/search-text';
export type { AttributeDescription } from '../../../bridge/dist/server/domain/body';
export type { Registry, ActionContext } from '../../../bridge/dist/server/services/registry';
export type { Repository } from '../../../bridge/dist/server/services/repository';
export type { ResourceDefinition, FieldError } from '../../../bridge/dist/server/domain/resource';
export type { Principal, Territory } from '../../../bridge/dist/server/domain/access';
