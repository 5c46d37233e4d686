/**
 * The bridge's one database layer. Lists and counts are built with knex on the content type's own
 * table (so that search, relation filters and the territory scope are single indexed SQL queries);
 * records are then read and written through Strapi's query engine and Document Service.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { badRequest, notFound } from '../domain/errors';
import { splitFilterKey } from '../domain/protocol';
import type { FilterOperator, ListQuery, ResourceDefinition } from '../domain/resource';
import type { Territory } from '../domain/access';
import { scopeOf } from '../domain/permissions';
import { searchTokens } from '../domain/search-text';
import { isToManyRelation, type AttributeDescription } from '../domain/body';
import { searchExpression } from './search-sql';

export interface MetaAttribute {
  type: string;
  columnName?: string;
  private?: boolean;
  relation?: string;
  target?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
  };
}

export type RaRecord = Record<string, unknown> & { id: string };

/** from this many rows (planner's estimate), the total of an unfiltered, unscoped list is estimated */
export const ESTIMATE_FROM = 100_000;
/** a filtered or scoped list is counted exactly up to this many rows; beyond, PostgreSQL's estimate of the query */
export const EXACT_COUNT_UP_TO = 10_000;

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createRepository(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  /** the current transaction's connection when inside strapi.db.transaction(), the pool otherwise */
  async function connection(): Promise<Knex> {
    if (!strapi.db.inTransaction()) return knex();
    const { trx } = await strapi.db.transaction(async ({ trx }) => ({ trx }));
    return trx as unknown as Knex;
  }

  function meta(resource: ResourceDefinition) {
    const metadata = strapi.db.metadata.get(resource.uid) as unknown as { tableName: string; attributes: Record<string, MetaAttribute> };
    return metadata;
  }

  function contentTypeAttributes(resource: ResourceDefinition): Record<string, AttributeDescription> {
    return (strapi.contentType(resource.uid as never) as unknown as { attributes: Record<string, AttributeDescription> }).attributes;
  }

  function column(resource: ResourceDefinition, field: string) {
    if (field === 'id') return 'document_id';
    const attribute = meta(resource).attributes[field];
    return attribute?.columnName ?? snake(field);
  }

  function relationsOf(resource: ResourceDefinition): string[] {
    const attributes = contentTypeAttributes(resource);
    if (resource.relations) return resource.relations;
    return Object.entries(attributes)
      .filter(([name, a]) => a.type === 'relation' && !isToManyRelation(a) && !a.private && !name.startsWith('createdBy') && !name.startsWith('updatedBy'))
      .map(([name]) => name);
  }

  /** `main.id IN (ids of rows linked to targets whose documentId is in values)` */
  function relationCondition(resource: ResourceDefinition, field: string, values: string[]) {
    const attribute = meta(resource).attributes[field];
    const joinTable = attribute?.joinTable;
    if (!joinTable || !attribute.target) throw badRequest(`filter.${field}`, `Le filtre « ${field} » n'est pas une relation.`);
    const targetTable = (strapi.db.metadata.get(attribute.target as never) as unknown as { tableName: string }).tableName;
    return knex()
      .select(`lnk.${joinTable.joinColumn.name}`)
      .from({ lnk: joinTable.name })
      .join({ target: targetTable }, `target.id`, `lnk.${joinTable.inverseJoinColumn.name}`)
      .whereIn('target.document_id', values);
  }

  function checkScalar(attribute: AttributeDescription | undefined, value: unknown, key: string): unknown {
    const param = `filter.${key}`;
    if (value === null || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
      throw badRequest(param, `La valeur du filtre « ${key} » doit être un texte, un nombre ou un booléen.`);
    }
    switch (attribute?.type) {
      case 'date':
        if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value) {
          throw badRequest(param, `Le filtre « ${key} » attend une date au format AAAA-MM-JJ.`);
        }
        return value;
      case 'datetime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badRequest(param, `Le filtre « ${key} » attend une date.`);
        return value;
      case 'integer':
      case 'biginteger':
      case 'float':
      case 'decimal': {
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof number !== 'number' || !Number.isFinite(number)) throw badRequest(param, `Le filtre « ${key} » attend un nombre.`);
        return number;
      }
      case 'boolean':
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') throw badRequest(param, `Le filtre « ${key} » attend vrai ou faux.`);
        return value === true || value === 'true';
      case 'enumeration':
        if (!attribute.enum?.includes(String(value))) {
          throw badRequest(param, `Valeur inconnue « ${String(value)} » pour le filtre « ${key} » (valeurs : ${attribute.enum?.join(', ')}).`);
        }
        return value;
      default:
        if (String(value).length > 200) throw badRequest(param, `La valeur du filtre « ${key} » est trop longue.`);
        return String(value);
    }
  }

  /** restricts the query to the territory's rows; false when the territory reaches every row */
  function applyTerritory(qb: Knex.QueryBuilder, resource: ResourceDefinition, territory: Territory): boolean {
    if (territory.kind === 'national') return false;
    // fail closed: a territorial resource that forgot its territory SQL shows nothing to a territorial profile
    const condition = resource.territory ? resource.territory(territory) : scopeOf(resource.name) === 'national' ? 'all' : 'none';
    if (condition === 'all') return false;
    if (condition === 'none') qb.whereRaw('false');
    else qb.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
    return true;
  }

  /**
   * The total of a list. A filtered or scoped list is counted exactly up to EXACT_COUNT_UP_TO rows (the count
   * stops there: a LIMIT inside it); beyond, the total is PostgreSQL's estimate of that very query (EXPLAIN),
   * never below the rows already counted. For the whole of a big table (≥ ESTIMATE_FROM rows by the planner's
   * statistics) it is the table's estimate (pg_class.reltuples, kept by autovacuum/ANALYZE). Why: counting the
   * 700 000 women born since 1990 among two million candidates costs a scan of them at every page turn (≈ 0.3 s
   * to 4 s at national scale, bench/report.md) while "about 700 000" is what an agent needs there; small lists —
   * every list a centre or a UD pages through — stay exact.
   */
  async function total(db: Knex, base: Knex.QueryBuilder, tableName: string, whole: boolean): Promise<number> {
    if (whole) {
      const { rows } = (await db.raw('SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = to_regclass(?)', [tableName])) as { rows: { estimate: string | null }[] };
      const estimate = Number(rows[0]?.estimate ?? -1);
      if (estimate >= ESTIMATE_FROM) return estimate;
    }
    const capped = base.clone().clearSelect().clearOrder().select(db.raw('1')).limit(EXACT_COUNT_UP_TO + 1);
    const [row] = (await db.count<{ count: string }[]>({ count: '*' }).from(capped.as('capped'))) as { count: string }[];
    const counted = Number(row.count);
    if (counted <= EXACT_COUNT_UP_TO) return counted;
    const { sql, bindings } = base.clone().clearSelect().clearOrder().select(db.raw("1")).toSQL();
    const explained = (await db.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as Knex.RawBinding[])) as { rows: { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[] };
    const estimate = Math.round(Number(explained.rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0));
    // an estimate below what was just counted means stale statistics (a bulk load autovacuum has not seen yet):
    // count exactly rather than show a wrong figure
    if (estimate < counted) {
      const [exact] = await base.clone().clearOrder().count<{ count: string }[]>({ count: '*' });
      return Number(exact.count);
    }
    return estimate;
  }

  function applyFilter(qb: Knex.QueryBuilder, resource: ResourceDefinition, filter: Record<string, unknown>) {
    const attributes = contentTypeAttributes(resource);
    for (const [rawKey, value] of Object.entries(filter)) {
      if (value === undefined || value === '') continue;
      if (rawKey === 'q') {
        if (typeof value !== 'string') throw badRequest('filter.q', 'La recherche « q » doit être un texte.');
        if (value.length > 200) throw badRequest('filter.q', 'La recherche « q » est trop longue (200 caractères au plus).');
        if (!resource.search?.length) throw badRequest('filter.q', `La recherche libre n'est pas disponible pour ${resource.label}.`);
        const expression = searchExpression(resource.search.map((f) => column(resource, f)));
        for (const token of searchTokens(value)) qb.whereRaw(`${expression} LIKE ?`, [`%${token}%`]);
        continue;
      }
      if (rawKey === 'id') {
        const ids = Array.isArray(value) ? value : [value];
        if (ids.length > 1000 || !ids.every((v) => typeof v === 'string' || typeof v === 'number')) {
          throw badRequest('filter.id', 'Le filtre « id » attend un identifiant ou une liste d’au plus 1000 identifiants.');
        }
        qb.whereIn('document_id', ids.map(String));
        continue;
      }
      const { key, operator } = splitFilterKey(rawKey);
      const definition = resource.filters?.[rawKey] ? { key: rawKey, operator: undefined } : { key, operator };
      const declared = resource.filters?.[definition.key];
      if (!declared) throw badRequest(`filter.${rawKey}`, `Le filtre « ${rawKey} » n'est pas autorisé pour ${resource.label}.`);
      const field = declared.field ?? definition.key;
      const attribute = attributes[field];
      if (!attribute || attribute.private) throw badRequest(`filter.${rawKey}`, `Le filtre « ${rawKey} » n'est pas autorisé pour ${resource.label}.`);
      const op: FilterOperator = definition.operator ?? (Array.isArray(value) ? 'in' : 'eq');
      const allowed = declared.operators ?? defaultOperators(attribute);
      if (!allowed.includes(op)) throw badRequest(`filter.${rawKey}`, `L'opérateur « ${op} » n'est pas autorisé sur le filtre « ${definition.key} ».`);

      if (attribute.type === 'relation') {
        const values = Array.isArray(value) ? value : [value];
        if (op === 'null') {
          const sub = relationCondition(resource, field, []).clearWhere();
          if (value === true || value === 'true') qb.whereNotIn('id', sub);
          else qb.whereIn('id', sub);
          continue;
        }
        if (values.length > 1000 || !values.every((v) => typeof v === 'string' && v.length <= 40)) {
          throw badRequest(`filter.${rawKey}`, `Le filtre « ${rawKey} » attend un identifiant ou une liste d’identifiants.`);
        }
        qb.whereIn('id', relationCondition(resource, field, values as string[]));
        continue;
      }
      const col = column(resource, field);
      if (op === 'null') {
        if (value === true || value === 'true') qb.whereNull(col);
        else qb.whereNotNull(col);
      } else if (op === 'in') {
        if (!Array.isArray(value) || value.length > 1000) throw badRequest(`filter.${rawKey}`, `Le filtre « ${rawKey} » attend une liste d’au plus 1000 valeurs.`);
        qb.whereIn(col, value.map((v) => checkScalar(attribute, v, rawKey)) as Knex.Value[]);
      } else {
        const checked = checkScalar(attribute, value, rawKey) as Knex.Value;
        const sqlOp = { eq: '=', neq: '<>', gte: '>=', lte: '<=', gt: '>', lt: '<' }[op];
        qb.where(col, sqlOp, checked);
      }
    }
  }

  function defaultOperators(attribute: AttributeDescription): FilterOperator[] {
    if (['date', 'datetime', 'integer', 'biginteger', 'float', 'decimal'].includes(attribute.type)) return ['eq', 'in', 'gte', 'lte', 'gt', 'lt', 'null'];
    return ['eq', 'in', 'neq', 'null'];
  }

  /**
   * The columns of a page: every readable scalar under its attribute name, and each returned relation as
   * documentId(s) through a correlated sub-select — one SQL query for a whole page, relations included.
   */
  function pageColumns(resource: ResourceDefinition, alias: string): Knex.Raw[] {
    const attributes = contentTypeAttributes(resource);
    const metaAttributes = meta(resource).attributes;
    const hidden = new Set(resource.hidden ?? []);
    const db = knex();
    const columns: Knex.Raw[] = [db.raw('??.id AS "__id"', [alias]), db.raw('??.document_id AS "id"', [alias])];
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.private || hidden.has(name) || attribute.type === 'relation') continue;
      const columnName = metaAttributes[name]?.columnName;
      if (columnName) columns.push(db.raw('??.?? AS ??', [alias, columnName, name]));
    }
    columns.push(db.raw('??.created_at AS "createdAt"', [alias]), db.raw('??.updated_at AS "updatedAt"', [alias]));
    for (const name of relationsOf(resource)) {
      const attribute = metaAttributes[name];
      const joinTable = attribute?.joinTable;
      if (!joinTable || !attribute.target) continue;
      const targetTable = (strapi.db.metadata.get(attribute.target as never) as unknown as { tableName: string }).tableName;
      const related = `SELECT t.document_id FROM ?? l JOIN ?? t ON t.id = l.?? WHERE l.?? = ??.id`;
      const bindings = [joinTable.name, targetTable, joinTable.inverseJoinColumn.name, joinTable.joinColumn.name, alias];
      columns.push(
        isToManyRelation(attributes[name] ?? { type: 'relation' })
          ? db.raw(`ARRAY(${related} ORDER BY l.id) AS ??`, [...bindings, name])
          : db.raw(`(${related} LIMIT 1) AS ??`, [...bindings, name]),
      );
    }
    return columns;
  }

  /** Strapi's pg connection returns json as text and numerics as strings: give them their attribute's type */
  function toRecord(resource: ResourceDefinition, row: Record<string, unknown>): RaRecord {
    const { __id: _numericId, ...record } = row;
    for (const [name, attribute] of Object.entries(contentTypeAttributes(resource))) {
      const value = record[name];
      if (value === null || value === undefined) continue;
      if (attribute.type === 'json' && typeof value === 'string') record[name] = JSON.parse(value);
      else if ((attribute.type === 'decimal' || attribute.type === 'float') && typeof value === 'string') record[name] = Number(value);
      else if (attribute.type === 'biginteger' && typeof value !== 'string') record[name] = String(value);
    }
    return record as RaRecord;
  }

  async function recordsByIds(resource: ResourceDefinition, ids: number[]): Promise<RaRecord[]> {
    if (!ids.length) return [];
    const { tableName } = meta(resource);
    const rows = (await (await connection())(tableName).select(pageColumns(resource, tableName)).whereIn('id', ids)) as Record<string, unknown>[];
    const byId = new Map(rows.map((row) => [row.__id as number, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is Record<string, unknown> => Boolean(row)).map((row) => toRecord(resource, row));
  }

  return {
    meta,
    contentTypeAttributes,

    async list(resource: ResourceDefinition, query: ListQuery, territory: Territory) {
      const { tableName } = meta(resource);
      const db = await connection();
      const base = db(tableName);
      const scoped = applyTerritory(base, resource, territory);
      applyFilter(base, resource, query.filter);
      const filtered = Object.values(query.filter).some((value) => value !== undefined && value !== '');
      const sortColumn = column(resource, query.sort.field);
      // PostgreSQL's own order (empty values last going up, first going down) with the id in the same
      // direction: exactly what a btree index on (column, id) reads forwards or backwards, so that a page of
      // a big table is an index scan and not a sort of every matching row
      const order = query.sort.order === 'DESC' ? 'desc' : 'asc';
      // count and page in parallel: two statements, the page carrying its relations
      const [count, rows] = await Promise.all([
        total(db, base, tableName, !scoped && !filtered),
        base
          .clone()
          .select(pageColumns(resource, tableName))
          .orderBy([{ column: `${tableName}.${sortColumn}`, order }, { column: `${tableName}.id`, order }])
          .offset(query.range.start)
          .limit(query.range.end - query.range.start + 1),
      ]);
      return { total: count, records: (rows as Record<string, unknown>[]).map((row) => toRecord(resource, row)) };
    },

    /** the numeric id of a record the territory reaches, or a 404 */
    async resolveId(resource: ResourceDefinition, documentId: string, territory: Territory, lock = false): Promise<number> {
      if (typeof documentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(documentId)) throw notFound();
      const qb = (await connection())(meta(resource).tableName).select('id').where('document_id', documentId);
      applyTerritory(qb, resource, territory);
      if (lock) qb.forUpdate();
      const row = await qb.first();
      if (!row) throw notFound(`${capitalize(resource.label)} introuvable.`);
      return row.id as number;
    },

    /** a record the territory reaches, read in the same statement as the territory check (a show page), or a 404 */
    async findVisible(resource: ResourceDefinition, documentId: string, territory: Territory): Promise<RaRecord> {
      if (typeof documentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(documentId)) throw notFound();
      const { tableName } = meta(resource);
      const qb = (await connection())(tableName).select(pageColumns(resource, tableName)).where(`${tableName}.document_id`, documentId);
      applyTerritory(qb, resource, territory);
      const row = (await qb.first()) as Record<string, unknown> | undefined;
      if (!row) throw notFound(`${capitalize(resource.label)} introuvable.`);
      return toRecord(resource, row);
    },

    async findOne(resource: ResourceDefinition, id: number): Promise<RaRecord> {
      const [record] = await recordsByIds(resource, [id]);
      if (!record) throw notFound(`${capitalize(resource.label)} introuvable.`);
      return record;
    },

    /**
     * Relation documentIds must name existing records, and records of the user's territory when the target
     * is a territorial resource (no linking to another centre's site by id): a 400 naming the field otherwise,
     * with one message for both cases so that the answer does not reveal what exists elsewhere.
     */
    async checkRelations(resource: ResourceDefinition, data: Record<string, unknown>, territory: Territory = { kind: 'national' }) {
      const attributes = meta(resource).attributes;
      const registry = strapi.plugin('ra').service('registry') as { resources(): ResourceDefinition[] };
      for (const [field, value] of Object.entries(data)) {
        const attribute = attributes[field];
        if (attribute?.type !== 'relation' || value === null || !attribute.target) continue;
        const ids = [...new Set(Array.isArray(value) ? (value as string[]) : [value as string])];
        if (!ids.length) continue;
        const targetTable = (strapi.db.metadata.get(attribute.target as never) as unknown as { tableName: string }).tableName;
        const query = (await connection())(targetTable).whereIn('document_id', ids);
        const target = territory.kind === 'national' ? undefined : registry.resources().find((r) => r.uid === attribute.target);
        if (target) applyTerritory(query, target, territory);
        const found = await query.countDistinct<{ count: string }[]>({ count: 'document_id' });
        if (Number(found[0].count) !== ids.length) {
          const scoped = target && scopeOf(target.name) === 'territorial';
          throw badRequest(field, `Le champ « ${field} » désigne un enregistrement qui n'existe pas${scoped ? ' ou hors de votre périmètre' : ''}.`);
        }
      }
    },

    async lookup(uid: string, documentId: string) {
      return (await strapi.db.query(uid as never).findOne({ where: { documentId } })) as Record<string, unknown> | null;
    },
  };
}

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type Repository = ReturnType<typeof createRepository>;
