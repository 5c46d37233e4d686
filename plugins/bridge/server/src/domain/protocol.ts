/**
 * Parsing of the react-admin simple-REST query (sort, range, filter), with the French 400 answers
 * the agents' browser and the tests see. Pure: it knows the resource's allow-lists, not Strapi.
 */
import { badRequest } from './errors';
import type { FilterOperator, ListQuery, ResourceDefinition } from './resource';

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_RANGE = { start: 0, end: 24 };

function parseJson(raw: unknown, param: string): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(param, `Le paramètre « ${param} » doit être du JSON (une seule occurrence).`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(param, `Le paramètre « ${param} » n'est pas du JSON valide.`);
  }
}

export function parseSort(raw: unknown, resource: ResourceDefinition): ListQuery['sort'] {
  const value = parseJson(raw, 'sort');
  const [defaultField, defaultOrder] = resource.defaultSort ?? ['id', 'ASC'];
  if (value === undefined) return { field: defaultField, order: defaultOrder };
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badRequest('sort', 'Le paramètre « sort » doit être de la forme ["champ","ASC"] ou ["champ","DESC"].');
  }
  const [field, order] = value as [string, string];
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw badRequest('sort', `Ordre de tri inconnu « ${order} » : utilisez ASC ou DESC.`);
  }
  if (field !== 'id' && !(resource.sort ?? []).includes(field)) {
    throw badRequest('sort', `Le tri sur le champ « ${field} » n'est pas autorisé pour ${resource.label}.`);
  }
  return { field, order: upper };
}

export function parseRange(raw: unknown): ListQuery['range'] {
  const value = parseJson(raw, 'range');
  if (value === undefined) return DEFAULT_RANGE;
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => Number.isSafeInteger(n))) {
    throw badRequest('range', 'Le paramètre « range » doit être de la forme [début,fin] avec deux entiers.');
  }
  const [start, end] = value as [number, number];
  if (start < 0 || end < 0) throw badRequest('range', 'Le paramètre « range » ne peut pas être négatif.');
  if (end < start) throw badRequest('range', 'Le paramètre « range » est inversé : la fin précède le début.');
  if (end - start + 1 > MAX_PAGE_SIZE) {
    throw badRequest('range', `Une page contient au plus ${MAX_PAGE_SIZE} enregistrements.`);
  }
  return { start, end };
}

export function parseFilter(raw: unknown): Record<string, unknown> {
  const value = parseJson(raw, 'filter');
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('filter', 'Le paramètre « filter » doit être un objet JSON.');
  }
  return value as Record<string, unknown>;
}

export function parseListQuery(query: Record<string, unknown>, resource: ResourceDefinition): ListQuery {
  const unknown = Object.keys(query).filter((key) => !['sort', 'range', 'filter'].includes(key));
  if (unknown.length) throw badRequest(unknown[0], `Paramètre inconnu « ${unknown[0]} » : seuls sort, range et filter sont acceptés.`);
  return { sort: parseSort(query.sort, resource), range: parseRange(query.range), filter: parseFilter(query.filter) };
}

const SUFFIXES: FilterOperator[] = ['gte', 'lte', 'gt', 'lt', 'neq', 'null'];

/** Splits "dateNaissance_gte" into the declared filter key and its operator. */
export function splitFilterKey(key: string): { key: string; operator: FilterOperator | undefined } {
  const match = /^(.*)_(gte|lte|gt|lt|neq|null)$/.exec(key);
  if (match && SUFFIXES.includes(match[2] as FilterOperator)) return { key: match[1], operator: match[2] as FilterOperator };
  return { key, operator: undefined };
}
