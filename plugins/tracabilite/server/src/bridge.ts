/**
 * What this plugin uses of the bridge. The bridge's package entry exports only the Strapi plugin object,
 * so its runtime modules are reached by path: server/src and dist/server sit at the same depth, so the
 * same relative path holds for the TypeScript sources and the compiled output (one module instance:
 * `instanceof BridgeError` keeps working in the bridge's error middleware).
 */
export { BridgeError, badRequest, forbidden, notFound } from '../../../bridge/dist/server/domain/errors';
export { isAllowed } from '../../../bridge/dist/server/domain/permissions';
export type { Registry, WriteEvent } from '../../../bridge/dist/server/services/registry';
export type { Repository } from '../../../bridge/dist/server/services/repository';
export type { ListQuery, ResourceDefinition } from '../../../bridge/dist/server/domain/resource';
export type { Principal } from '../../../bridge/dist/server/domain/access';
