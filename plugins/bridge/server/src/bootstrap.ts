/**
 * At start-up: the search function and indexes of the registered resources, one users-permissions
 * role per CERES profile, and the bridge's routes granted to those roles (and to them only).
 * Strapi's stock content API (/api/<type>) is granted to nobody.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PROFILES, PROFILE_LABELS } from './domain/access';
import { scopeOf } from './domain/permissions';
import { NORMALIZE_FUNCTION_SQL, ensureSearchIndex } from './services/search-sql';
import { PIECES_SQL } from './services/pieces';
import { sessionIndexSql } from './services/auth';
import type { Registry } from './services/registry';
import type { Repository } from './services/repository';

const BRIDGE_ACTIONS = ['me', 'list', 'create', 'findOne', 'update', 'delete', 'action'].map((a) => `plugin::ra.bridge.${a}`);
const AUTH_ACTIONS = ['callback', 'refresh', 'logout'].map((a) => `plugin::users-permissions.auth.${a}`);

async function ensureRoles(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const profile of PROFILES) {
    const type = profile.toLowerCase();
    let role = (await roles.findOne({ where: { type } })) as { id: number } | null;
    if (!role) role = (await roles.create({ data: { type, name: profile, description: PROFILE_LABELS[profile] } })) as { id: number };
    const granted = (await permissions.findMany({ where: { role: role.id }, select: ['action'] })) as { action: string }[];
    const have = new Set(granted.map((p) => p.action));
    for (const action of [...BRIDGE_ACTIONS, 'plugin::users-permissions.auth.logout', 'plugin::users-permissions.user.me']) {
      if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
    }
    // anything else (stock content API) is taken away: the bridge is the only door
    const extra = granted.filter((p) => !p.action.startsWith('plugin::ra.') && !p.action.startsWith('plugin::users-permissions.'));
    if (extra.length) await permissions.deleteMany({ where: { role: role.id, action: { $in: extra.map((p) => p.action) } } });
  }
  // the public role may only log in, refresh and log out
  const publicRole = (await roles.findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (publicRole) {
    const granted = (await permissions.findMany({ where: { role: publicRole.id }, select: ['action'] })) as { action: string }[];
    const have = new Set(granted.map((p) => p.action));
    for (const action of AUTH_ACTIONS) if (!have.has(action)) await permissions.create({ data: { action, role: publicRole.id } });
    const extra = granted.filter((p) => !AUTH_ACTIONS.includes(p.action));
    if (extra.length) await permissions.deleteMany({ where: { role: publicRole.id, action: { $in: extra.map((p) => p.action) } } });
  }
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = strapi.db.connection as unknown as Knex;
  await knex.raw(NORMALIZE_FUNCTION_SQL);
  for (const sql of PIECES_SQL) await knex.raw(sql);
  const registry = strapi.plugin('ra').service('registry') as Registry;
  const repository = strapi.plugin('ra').service('repository') as Repository;
  for (const resource of registry.resources()) {
    if (!resource.search?.length) continue;
    const { tableName, attributes } = repository.meta(resource);
    const columns = resource.search.map((field) => attributes[field]?.columnName ?? field);
    await ensureSearchIndex(knex, tableName, columns);
  }
  // the first page of a list (its default sort, with the id as tie-breaker) read from an index: a page of a big
  // table is then an index scan, not a sort of every row (repository.list orders by exactly these columns)
  for (const resource of registry.resources()) {
    if (resource.reader || !resource.defaultSort || resource.defaultSort[0] === 'id') continue;
    const { tableName, attributes } = repository.meta(resource);
    const field = resource.defaultSort[0];
    const column = attributes[field]?.columnName ?? { createdAt: 'created_at', updatedAt: 'updated_at' }[field];
    if (!column || attributes[field]?.type === 'relation') continue;
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, id)', [`${tableName}_${column}_sort_idx`.slice(0, 63), tableName, column]);
  }
  await knex.raw(sessionIndexSql(strapi));
  const unscoped = registry.resources().filter((r) => !r.territory && !r.reader && scopeOf(r.name) === 'territorial');
  if (unscoped.length) {
    strapi.log.warn(`CERES : ressources territoriales sans règle de territoire, invisibles aux profils territoriaux : ${unscoped.map((r) => r.name).join(', ')}`);
  }
  await ensureRoles(strapi);
};
