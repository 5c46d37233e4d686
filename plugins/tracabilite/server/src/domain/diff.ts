/**
 * What a trace row records about a write: for each field that changed, its value before and after.
 * Pure: works on the records as the bridge returns them ({ id: documentId, …fields }).
 */
export type FieldChange = { before: JsonValue; after: JsonValue };
export type Changes = Record<string, FieldChange>;
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Bookkeeping fields every write touches: they say nothing about the decision being traced. */
export const IGNORED_FIELDS: readonly string[] = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy'];

/** A value as it is stored in jsonb: dates as ISO strings, undefined as null, keys in a stable order. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = toJson(v);
    }
    return out;
  }
  return String(value);
}

const same = (a: JsonValue, b: JsonValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changed fields between two states of a record. A creation lists every field set (before null),
 * a deletion every field that was set (after null); an empty array counts as unset.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignored: readonly string[] = IGNORED_FIELDS,
): Changes {
  const skip = new Set(ignored);
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of [...keys].sort()) {
    if (skip.has(key)) continue;
    const b = toJson(before?.[key]);
    const a = toJson(after?.[key]);
    const unset = (v: JsonValue) => v === null || (Array.isArray(v) && v.length === 0);
    if (same(a, b) || (unset(a) && unset(b))) continue;
    changes[key] = { before: b, after: a };
  }
  return changes;
}
