/**
 * The filters the trace search accepts (global search and a record's "Historique"), checked before any
 * SQL is built. Pure: a wrong value gives a QueryError naming the filter, turned into a 400 by the service.
 */
export class QueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TraceFilter {
  userId?: number;
  /** prefix of the username, case-insensitive */
  username?: string;
  resource?: string;
  /** the traced record's documentId */
  record?: string;
  action?: string;
  /** inclusive lower bound */
  from?: Bound;
  /** inclusive upper bound: a day includes its whole day (French time) */
  until?: Bound;
  ids?: number[];
}

export const TRACE_FILTERS = ['userId', 'username', 'resource', 'record', 'action', 'at_gte', 'at_lte', 'id', 'q'] as const;
export const TRACE_SORTS = ['at', 'id', 'username', 'resource', 'action'] as const;

/** A calendar day (the agents' days are French days: the SQL reads it in Europe/Paris) or an exact instant. */
export type Bound = { day: string } | { instant: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function text(key: string, value: unknown, max = 100): string {
  if (typeof value !== 'string' || value.trim() === '') throw new QueryError(`filter.${key}`, `Le filtre « ${key} » attend un texte.`);
  if (value.length > max) throw new QueryError(`filter.${key}`, `Le filtre « ${key} » est trop long (${max} caractères au plus).`);
  return value.trim();
}

function identifier(key: string, value: unknown): string {
  const v = text(key, value, 64);
  if (!NAME.test(v)) throw new QueryError(`filter.${key}`, `Le filtre « ${key} » attend un identifiant (lettres, chiffres, - et _).`);
  return v;
}

function bound(key: string, value: unknown): Bound {
  if (typeof value !== 'string') throw new QueryError(`filter.${key}`, `Le filtre « ${key} » attend une date (AAAA-MM-JJ).`);
  if (DATE.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
      throw new QueryError(`filter.${key}`, `Le filtre « ${key} » contient une date qui n'existe pas : ${value}.`);
    }
    return { day: value };
  }
  const parsed = Date.parse(value);
  if (value.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(parsed)) {
    throw new QueryError(`filter.${key}`, `Le filtre « ${key} » attend une date (AAAA-MM-JJ).`);
  }
  return { instant: new Date(parsed).toISOString() };
}

const boundKey = (b: Bound) => ('day' in b ? `${b.day}T00:00:00.000Z` : b.instant);

export function parseTraceFilter(filter: Record<string, unknown>): TraceFilter {
  const out: TraceFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    switch (key) {
      case 'userId': {
        const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new QueryError('filter.userId', 'Le filtre « userId » attend un numéro d’utilisateur.');
        out.userId = n;
        break;
      }
      case 'username':
      case 'q':
        out.username = text(key, value);
        break;
      case 'resource':
        out.resource = identifier(key, value);
        break;
      case 'record':
        out.record = identifier(key, value);
        break;
      case 'action':
        out.action = identifier(key, value);
        break;
      case 'at_gte':
        out.from = bound(key, value);
        break;
      case 'at_lte':
        out.until = bound(key, value);
        break;
      case 'id': {
        const list = Array.isArray(value) ? value : [value];
        const ids = list.map((v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v));
        if (ids.length > 1000 || !ids.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) {
          throw new QueryError('filter.id', 'Le filtre « id » attend un identifiant de trace ou une liste d’au plus 1000 identifiants.');
        }
        out.ids = ids as number[];
        break;
      }
      default:
        throw new QueryError(`filter.${key}`, `Le filtre « ${key} » n'est pas autorisé pour les traces (filtres : ${TRACE_FILTERS.join(', ')}).`);
    }
  }
  if (out.from && out.until && boundKey(out.from) > boundKey(out.until)) throw new QueryError('filter.at_gte', 'La période est vide : la date de début suit la date de fin.');
  return out;
}
