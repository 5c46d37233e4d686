/**
 * Bulk, idempotent load of referential rows with knex (tens of thousands of rows in seconds; the Document
 * Service would take minutes). Rows are upserted by natural key following ./domain/plan.ts; documentIds
 * are generated like Strapi does (cuid2), so that the rows are ordinary Strapi entries.
 */
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { planLinks, planUpsert, fingerprint } from './domain/plan';

export const SEED_STATE_TABLE = 'ceres_referentiel_seed';

export interface SeedRow {
  key: string;
  fingerprint: string;
  /** database columns → values (scalars only) */
  values: Record<string, unknown>;
  /** link name → natural keys of the targets */
  links?: Record<string, string[]>;
}

export interface LinkSpec {
  name: string;
  /** Strapi's link table, its source column, its target column */
  table: string;
  sourceColumn: string;
  targetColumn: string;
  /** order columns Strapi keeps on the link table (nullable): filled with the rank in the list */
  ordColumn?: string;
  inverseOrdColumn?: string;
  targetTable: string;
  targetKeyColumns: string[];
}

export interface DatasetSpec {
  name: string;
  table: string;
  keyColumns: string[];
  rows: SeedRow[];
  links: LinkSpec[];
}

export interface DatasetReport {
  name: string;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: boolean;
  missingTargets: string[];
  /** time spent per step, for the start-up log */
  timings: Record<string, number>;
}

export const keyOf = (values: unknown[]) => values.map((v) => (v === null || v === undefined ? '' : String(v))).join('|');

/** a SeedRow whose fingerprint covers its values and links */
export function seedRow(key: string, values: Record<string, unknown>, links?: Record<string, string[]>): SeedRow {
  return { key, values, links, fingerprint: fingerprint({ values, links: links ?? {} }) };
}

export async function ensureSeedStateTable(knex: Knex) {
  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ${SEED_STATE_TABLE} (dataset varchar(40) NOT NULL, cle varchar(120) NOT NULL, empreinte varchar(16) NOT NULL, PRIMARY KEY (dataset, cle))`,
  );
}

async function keyMap(trx: Knex, table: string, keyColumns: string[]): Promise<Map<string, number>> {
  const rows = (await trx(table).select('id', ...keyColumns)) as Record<string, unknown>[];
  return new Map(rows.map((row) => [keyOf(keyColumns.map((c) => row[c])), row.id as number]));
}

/**
 * INSERT of many rows as one JSON parameter (json_populate_recordset): no per-value bindings to build,
 * an order of magnitude faster than knex's multi-row insert for tens of thousands of rows.
 */
async function insertJson(trx: Knex, table: string, rows: Record<string, unknown>[], returning: string[] = []): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", ?::json)${
    returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(', ')}` : ''
  }`;
  const result = (await trx.raw(sql, [JSON.stringify(rows)])) as { rows: Record<string, unknown>[] };
  return result.rows;
}

/** json/jsonb values go to knex as JSON text (a JS array would be sent as a PostgreSQL array) */
const forUpdate = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v]));

/**
 * Trigram (GIN) indexes cost more to maintain row by row than to rebuild: around a large load they are
 * dropped and recreated from their own definition.
 */
async function withoutGinIndexes<T>(trx: Knex, table: string, enabled: boolean, work: () => Promise<T>, step: (name: string) => void = () => undefined): Promise<T> {
  if (!enabled) return work();
  const indexes = (await trx.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexdef ILIKE '%USING gin%'`, [table])) as {
    rows: { indexname: string; indexdef: string }[];
  };
  for (const index of indexes.rows) await trx.raw(`DROP INDEX "${index.indexname}"`);
  step('dropIndexes');
  const result = await work();
  step('insert');
  for (const index of indexes.rows) await trx.raw(index.indexdef);
  step('createIndexes');
  return result;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/**
 * A documentId of the same shape as Strapi's (cuid2: 24 characters, a lower-case letter then [a-z0-9]),
 * from the system's CSPRNG (≈ 120 random bits). cuid2's createId hashes every id with SHA-3: on 37,000
 * communes it cost seconds on a loaded machine.
 */
export function newDocumentIds(count: number): string[] {
  const bytes = randomBytes(24 * count);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const offset = n * 24;
    let id = ALPHABET[bytes[offset] % 26];
    for (let i = 1; i < 24; i += 1) id += ALPHABET[bytes[offset + i] % 36];
    ids.push(id);
  }
  return ids;
}

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Upserts one dataset then rewrites the links of the rows it inserted or updated. Run inside a transaction. */
export async function loadDataset(trx: Knex, dataset: DatasetSpec): Promise<DatasetReport> {
  const report: DatasetReport = { name: dataset.name, total: dataset.rows.length, inserted: 0, updated: 0, unchanged: 0, skipped: false, missingTargets: [], timings: {} };
  let lap = Date.now();
  const step = (name: string) => {
    report.timings[name] = (report.timings[name] ?? 0) + Date.now() - lap;
    lap = Date.now();
  };
  const whole = fingerprint(dataset.rows.map((r) => r.fingerprint));
  const previousWhole = await trx(SEED_STATE_TABLE).where({ dataset: dataset.name, cle: '*' }).first('empreinte');
  if (previousWhole?.empreinte === whole) {
    report.skipped = true;
    report.unchanged = dataset.rows.length;
    return report;
  }

  const existing = await keyMap(trx, dataset.table, dataset.keyColumns);
  const appliedRows = (await trx(SEED_STATE_TABLE).where({ dataset: dataset.name }).whereNot({ cle: '*' }).select('cle', 'empreinte')) as {
    cle: string;
    empreinte: string;
  }[];
  const applied = new Map(appliedRows.map((r) => [r.cle, r.empreinte]));
  const plan = planUpsert(dataset.rows, existing, applied);
  step('plan');
  if (plan.duplicates.length) throw new Error(`Référentiel ${dataset.name} : clés en double dans le fichier de données (${plan.duplicates.slice(0, 5).join(', ')})`);

  const now = new Date();
  const touched: { id: number; row: SeedRow }[] = [];
  await withoutGinIndexes(trx, dataset.table, plan.inserts.length > 2000, async () => {
    for (const batch of chunks(plan.inserts, 10000)) {
      const ids = newDocumentIds(batch.length);
      const values = batch.map((row, i) => ({ document_id: ids[i], ...row.values, created_at: now, updated_at: now, published_at: now }));
      step('ids');
      const inserted = await insertJson(trx, dataset.table, values, ['id', ...dataset.keyColumns]);
      const byKey = new Map(batch.map((row) => [row.key, row]));
      for (const r of inserted) {
        const row = byKey.get(keyOf(dataset.keyColumns.map((c) => r[c])));
        if (row) touched.push({ id: r.id as number, row });
      }
    }
  }, step);
  for (const { id, row } of plan.updates) {
    await trx(dataset.table).where({ id }).update({ ...forUpdate(row.values), updated_at: now });
    touched.push({ id, row });
  }
  step('updates');
  report.inserted = plan.inserts.length;
  report.updated = plan.updates.length;
  report.unchanged = plan.unchanged;

  for (const link of dataset.links) {
    const sources = touched.filter((t) => t.row.links && link.name in t.row.links);
    if (!sources.length) continue;
    const targetIds = await keyMap(trx, link.targetTable, link.targetKeyColumns);
    const { pairs, missing } = planLinks(
      sources.map((s) => ({ id: s.id, targets: s.row.links?.[link.name] ?? [] })),
      targetIds,
    );
    report.missingTargets.push(...missing.map((m) => `${link.name}:${m}`));
    // rows just inserted have no link yet: only updated rows lose their former links
    const updatedIds = new Set(plan.updates.map((u) => u.id));
    for (const ids of chunks(sources.filter((s) => updatedIds.has(s.id)).map((s) => s.id), 5000)) {
      await trx(link.table).whereRaw('?? = ANY(?)', [link.sourceColumn, ids]).del();
    }
    for (const batch of chunks(pairs, 20000)) {
      await insertJson(
        trx,
        link.table,
        batch.map((p) => ({
          [link.sourceColumn]: p.sourceId,
          [link.targetColumn]: p.targetId,
          ...(link.ordColumn ? { [link.ordColumn]: p.rank } : {}),
          ...(link.inverseOrdColumn ? { [link.inverseOrdColumn]: 1 } : {}),
        })),
      );
    }
    step(link.name);
  }

  const states = [...dataset.rows.map((r) => ({ dataset: dataset.name, cle: r.key, empreinte: r.fingerprint })), { dataset: dataset.name, cle: '*', empreinte: whole }];
  await trx(SEED_STATE_TABLE).where({ dataset: dataset.name }).del();
  for (const batch of chunks(states, 20000)) await insertJson(trx, SEED_STATE_TABLE, batch);
  step('state');
  return report;
}
