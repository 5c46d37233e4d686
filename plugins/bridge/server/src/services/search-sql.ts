/**
 * Database side of the accent-insensitive search: the ceres_norm() function (same folding as
 * domain/search-text.ts) and one trigram GIN index per searchable resource, on exactly the
 * expression the list query filters on, so that `LIKE '%mot%'` is answered from the index.
 */
import type { Knex } from 'knex';

export const NORMALIZE_FUNCTION_SQL = `
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION ceres_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $fn$;
`;

/** The SQL expression searched for a resource: its searchable columns, normalised and concatenated. */
export function searchExpression(columns: string[]): string {
  const parts = columns.map((column) => `coalesce("${column}"::text, '')`).join(` || ' ' || `);
  return `ceres_norm(${parts})`;
}

export async function ensureSearchIndex(knex: Knex, table: string, columns: string[]) {
  const name = `${table}_search_trgm`.slice(0, 63);
  await knex.raw(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" USING gin ((${searchExpression(columns)}) gin_trgm_ops)`);
}
