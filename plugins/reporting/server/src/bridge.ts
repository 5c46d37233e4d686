/**
 * What this plugin uses of the bridge (reached by path, as plugins/tracabilite does: server/src and
 * dist/server sit at the same depth, so one module instance — `instanceof BridgeError` keeps working).
 */
export { BridgeError, badRequest, forbidden, notFound } from '../../../bridge/dist/server/domain/errors';
export { principalOf } from '../../../bridge/dist/server/services/principal';
export type { Registry, FileAnswer } from '../../../bridge/dist/server/services/registry';
export type { ListQuery, ResourceDefinition, ReaderRecord } from '../../../bridge/dist/server/domain/resource';
export type { Principal, Territory } from '../../../bridge/dist/server/domain/access';
