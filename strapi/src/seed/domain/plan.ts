/**
 * Pure planning of an idempotent referential load (no database access here).
 *
 * Each data-file row carries a natural key and a fingerprint (hash of its content). The fingerprint last
 * applied is remembered per key, so that a reseed changes only what the data file changed: a row edited by a
 * national administrator in the back-office keeps its edit until the data file itself changes that row.
 */
import { createHash } from 'node:crypto';

export interface IncomingRow {
  key: string;
  fingerprint: string;
}

export interface UpsertPlan<R extends IncomingRow> {
  /** rows absent from the table: to insert */
  inserts: R[];
  /** rows present whose data-file content changed since last applied (or never applied): to update, with the existing id */
  updates: { id: number; row: R }[];
  /** rows left as they are */
  unchanged: number;
  /** keys seen twice in the data file (the first one wins) */
  duplicates: string[];
}

/**
 * @param incoming rows of the data file
 * @param existingIds natural key → id of the rows already in the table
 * @param applied natural key → fingerprint last applied by a seed
 */
export function planUpsert<R extends IncomingRow>(incoming: R[], existingIds: Map<string, number>, applied: Map<string, string>): UpsertPlan<R> {
  const plan: UpsertPlan<R> = { inserts: [], updates: [], unchanged: 0, duplicates: [] };
  const seen = new Set<string>();
  for (const row of incoming) {
    if (seen.has(row.key)) {
      plan.duplicates.push(row.key);
      continue;
    }
    seen.add(row.key);
    const id = existingIds.get(row.key);
    const previous = applied.get(row.key);
    if (id === undefined) {
      // deleted by an administrator after a seed that applied this very content: not resurrected
      if (previous === row.fingerprint) plan.unchanged += 1;
      else plan.inserts.push(row);
    } else if (previous !== row.fingerprint) {
      plan.updates.push({ id, row });
    } else {
      plan.unchanged += 1;
    }
  }
  return plan;
}

/** A stable fingerprint of a plain JSON value (object keys sorted): 16 hex digits of its SHA-1. */
export function fingerprint(value: unknown): string {
  return createHash('sha1').update(stableStringify(value)).digest('hex').slice(0, 16);
}

export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * Links to write for the rows just inserted or updated: for each such source, the wanted target ids
 * (unknown target keys are reported, not invented).
 */
export function planLinks(
  sources: { id: number; targets: string[] }[],
  targetIds: Map<string, number>,
): { pairs: { sourceId: number; targetId: number; rank: number }[]; missing: string[] } {
  const pairs: { sourceId: number; targetId: number; rank: number }[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    let rank = 0;
    const done = new Set<number>();
    for (const key of source.targets) {
      const targetId = targetIds.get(key);
      if (targetId === undefined) {
        missing.push(key);
        continue;
      }
      if (done.has(targetId)) continue;
      done.add(targetId);
      rank += 1;
      pairs.push({ sourceId: source.id, targetId, rank });
    }
  }
  return { pairs, missing };
}
