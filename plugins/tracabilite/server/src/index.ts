/**
 * Traçabilité: every write made through the bridge (create, update, delete, workflow action) leaves one
 * row in ceres_trace, written by the bridge's write listener inside the write's own transaction.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Registry } from '@ceres/plugin-bridge/runtime';
import { ensureTraceTable, writeTrace } from './services/store';
import { traceResources } from './services/resources';
import { traceWritesOutsideBridge } from './services/outside-bridge';

export { diffRecords } from './domain/diff';
export { TRACE_TABLE } from './services/store';

/** the current transaction's connection (the bridge always emits inside one), the pool otherwise */
async function connection(strapi: Core.Strapi): Promise<Knex> {
  if (!strapi.db.inTransaction()) return strapi.db.connection as unknown as Knex;
  const { trx } = await strapi.db.transaction(async ({ trx }) => ({ trx }));
  return trx as unknown as Knex;
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const registry = strapi.plugin('ra').service('registry') as Registry;
    for (const resource of traceResources(strapi)) registry.register(resource);
    registry.onWrite(async (event) => writeTrace(await connection(strapi), event));
    // Strapi's admin panel writes the same content types: traced as well
    traceWritesOutsideBridge(strapi, () => connection(strapi));
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureTraceTable(strapi.db.connection as unknown as Knex);
  },
  routes: {},
  controllers: {},
  services: {},
  contentTypes: {},
  config: { default: {}, validator() {} },
};
