/**
 * The trace table: created at bootstrap by SQL (it is not a Strapi content type, so neither the stock
 * content API nor Strapi's admin panel can reach it), append-only by trigger, written in the transaction
 * of the write it records, read through the bridge's `traces` and `historique` resources.
 */
import type { Knex } from 'knex';
import type { WriteEvent } from '@ceres/plugin-bridge/runtime';
import { diffRecords } from '../domain/diff';
import type { Bound, TraceFilter } from '../domain/query';

export const TRACE_TABLE = 'ceres_trace';

export const TRACE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS ceres_trace (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  username text,
  profile text,
  resource text NOT NULL,
  document_id text NOT NULL,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE ceres_trace IS 'CERES : traçabilité des écritures (qui, quand, quoi, avant/après). Ajout seul : UPDATE, DELETE et TRUNCATE sont refusés par trigger.';

CREATE OR REPLACE FUNCTION ceres_trace_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'ceres_trace est en ajout seul : % refusé', TG_OP USING ERRCODE = '42501';
END
$fn$;

-- statement-level: even an UPDATE or DELETE matching no row is refused
CREATE OR REPLACE TRIGGER ceres_trace_no_update_delete BEFORE UPDATE OR DELETE ON ceres_trace
  FOR EACH STATEMENT EXECUTE FUNCTION ceres_trace_append_only();
CREATE OR REPLACE TRIGGER ceres_trace_no_truncate BEFORE TRUNCATE ON ceres_trace
  FOR EACH STATEMENT EXECUTE FUNCTION ceres_trace_append_only();

-- a record's history; a user's actions over a period; a period (optionally one resource)
CREATE INDEX IF NOT EXISTS ceres_trace_record_idx ON ceres_trace (resource, document_id, id DESC);
CREATE INDEX IF NOT EXISTS ceres_trace_user_idx ON ceres_trace (user_id, at DESC);
CREATE INDEX IF NOT EXISTS ceres_trace_username_idx ON ceres_trace (lower(username) text_pattern_ops);
CREATE INDEX IF NOT EXISTS ceres_trace_at_idx ON ceres_trace (at DESC);
CREATE INDEX IF NOT EXISTS ceres_trace_resource_at_idx ON ceres_trace (resource, at DESC);
`;

export async function ensureTraceTable(knex: Knex) {
  await knex.raw(TRACE_SCHEMA_SQL);
}

/** One row per write, on the write's own connection (so it commits or rolls back with it). */
export async function writeTrace(connection: Knex | Knex.Transaction, event: WriteEvent) {
  await connection(TRACE_TABLE).insert({
    user_id: event.principal.userId,
    username: event.principal.username,
    profile: event.principal.profile,
    resource: event.resource,
    document_id: event.documentId,
    action: event.action,
    changes: JSON.stringify(diffRecords(event.before, event.after)),
  });
}

export interface TraceRow {
  id: string;
  at: Date;
  user_id: number | null;
  username: string | null;
  profile: string | null;
  resource: string;
  document_id: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }> | string;
}

/** The record the back-office receives: read-only, `id` is the trace's number. */
export function toRecord(row: TraceRow) {
  return {
    id: String(row.id),
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    userId: row.user_id,
    username: row.username,
    profile: row.profile,
    resource: row.resource,
    record: row.document_id,
    action: row.action,
    // Strapi's pg connection leaves jsonb as text
    changes: typeof row.changes === 'string' ? (JSON.parse(row.changes) as Record<string, unknown>) : row.changes,
  };
}

const COLUMNS: Record<string, string> = { at: 'at', id: 'id', username: 'username', resource: 'resource', action: 'action' };

function bound(qb: Knex.QueryBuilder, knex: Knex, b: Bound, side: 'from' | 'until') {
  if ('instant' in b) qb.where('at', side === 'from' ? '>=' : '<=', b.instant);
  // a day is a French day: [00:00, next day 00:00) in Europe/Paris
  else if (side === 'from') qb.where('at', '>=', knex.raw(`(?::date)::timestamp AT TIME ZONE 'Europe/Paris'`, [b.day]));
  else qb.where('at', '<', knex.raw(`((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Paris'`, [b.day]));
}

export async function searchTraces(
  knex: Knex,
  filter: TraceFilter,
  sort: { field: string; order: 'ASC' | 'DESC' },
  range: { start: number; end: number },
) {
  const base = knex(TRACE_TABLE);
  if (filter.userId !== undefined) base.where('user_id', filter.userId);
  if (filter.username) base.whereRaw(`lower(username) LIKE ? ESCAPE '\\'`, [`${filter.username.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
  if (filter.resource) base.where('resource', filter.resource);
  if (filter.record) base.where('document_id', filter.record);
  if (filter.action) base.where('action', filter.action);
  if (filter.ids) base.whereIn('id', filter.ids);
  if (filter.from) bound(base, knex, filter.from, 'from');
  if (filter.until) bound(base, knex, filter.until, 'until');
  const order = sort.order.toLowerCase() as 'asc' | 'desc';
  const column = COLUMNS[sort.field] ?? 'id';
  const [count, rows] = await Promise.all([
    base.clone().count<{ count: string }[]>({ count: '*' }),
    base
      .clone()
      .select('*')
      .orderBy([{ column, order }, { column: 'id', order }])
      .offset(range.start)
      .limit(range.end - range.start + 1),
  ]);
  return { total: Number(count[0].count), records: (rows as TraceRow[]).map(toRecord) };
}

export async function findTrace(knex: Knex, id: string) {
  if (!/^\d{1,15}$/.test(id)) return null;
  const row = (await knex(TRACE_TABLE).where('id', Number(id)).first()) as TraceRow | undefined;
  return row ? toRecord(row) : null;
}
