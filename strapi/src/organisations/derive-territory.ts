/**
 * A centre's département and région are not typed in: they follow its commune (the DREETS and UD
 * scopes are built on them). Document Service middleware, so that every write path (bridge, seed,
 * Strapi admin) keeps them in step.
 */
import type { Core } from '@strapi/strapi';

type RelationValue = string | number | { documentId?: string; id?: number } | { connect?: unknown[]; set?: unknown[] } | null | undefined;

/** documentId or numeric id of a to-one relation value in the shapes the Document Service accepts. */
function reference(value: RelationValue): { documentId: string } | { id: number } | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if ('connect' in value || 'set' in value) {
    const list = ((value as { connect?: unknown[] }).connect ?? (value as { set?: unknown[] }).set ?? []) as RelationValue[];
    return list.length ? reference(list[0]) : null;
  }
  const { documentId, id } = value as { documentId?: string; id?: number };
  if (documentId) return { documentId };
  if (typeof id === 'number') return { id };
  return undefined;
}

export async function territoryOfCommune(strapi: Core.Strapi, where: { documentId: string } | { id: number }) {
  const commune = (await strapi.db.query('api::commune.commune').findOne({
    where,
    populate: { departement: { select: ['id', 'documentId'], populate: { region: { select: ['id', 'documentId'] } } } },
  })) as { departement?: { documentId: string; region?: { documentId: string } | null } | null } | null;
  return { departement: commune?.departement?.documentId ?? null, region: commune?.departement?.region?.documentId ?? null };
}

export function registerCentreTerritoryDerivation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::centre.centre' || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const communeRef = reference(params.data?.commune as RelationValue);
    if (communeRef === undefined) return next();
    const derived = communeRef === null ? { departement: null, region: null } : await territoryOfCommune(strapi, communeRef);
    params.data = { ...params.data, ...derived };
    return next();
  });
}
