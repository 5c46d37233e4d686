/**
 * Which candidates a territory reaches (issue 5 §5): a centre, those registered in its own sessions
 * (and those it created, until their first registration); UD / DREETS, those registered in a session of
 * a centre of their département / région, or living there, or created by their service (a UD's creations are
 * also its DREETS's); national profiles, all.
 * The same rule scopes the candidate's path events and equivalence requests.
 */
import type { ResourceDefinition, Territory } from '@ceres/plugin-bridge';
import { centreCondition, linkOf } from '../../organisations/territory';

type Condition = { sql: string; bindings: unknown[] } | 'all' | 'none';

const hasLink = (uid: string, attribute: string) => {
  if (!strapi.db.metadata.has(uid)) return false;
  const attributes = (strapi.db.metadata.get(uid as never) as unknown as { attributes: Record<string, { joinTable?: unknown }> }).attributes;
  return Boolean(attributes[attribute]?.joinTable);
};
const tableOf = (uid: string) => (strapi.db.metadata.get(uid as never) as unknown as { tableName: string }).tableName;

/**
 * SQL condition on a candidate's numeric id held by `column`: `column IN (ids reached one way UNION ids reached
 * another way …)`. One IN over a UNION rather than an OR of INs: PostgreSQL then gathers the (few) ids reached,
 * each way by its own index, and reads those candidates, instead of testing every one of two million candidates
 * against each branch (a centre's list: ≈ 300 ms → a few ms at national scale, bench/report.md).
 */
export function candidatCondition(territory: Territory, column: string): Condition {
  if (territory.kind === 'national') return 'all';
  const reached: string[] = [];
  const bindings: unknown[] = [];
  const table = tableOf('api::candidat.candidat');

  // registered in a session of a centre of the territory (inscription → candidat, inscription → session → centre)
  if (hasLink('api::inscription.inscription', 'candidat') && hasLink('api::inscription.inscription', 'session') && hasLink('api::session.session', 'centre')) {
    const ic = linkOf('api::inscription.inscription', 'candidat');
    const is = linkOf('api::inscription.inscription', 'session');
    const sc = linkOf('api::session.session', 'centre');
    const inner = centreCondition(territory, `sc.${sc.target}`);
    if (inner !== 'none') {
      const where = inner === 'all' ? 'true' : inner.sql;
      reached.push(`SELECT ic.${ic.target} FROM ${ic.table} ic JOIN ${is.table} isl ON isl.${is.own} = ic.${ic.own} JOIN ${sc.table} sc ON sc.${sc.own} = isl.${is.target} WHERE ${where}`);
      if (inner !== 'all') bindings.push(...inner.bindings);
    }
  }
  if (territory.kind === 'centres' && territory.centreIds.length) {
    const cc = linkOf('api::candidat.candidat', 'centreCreateur');
    reached.push(`SELECT cc.${cc.own} FROM ${cc.table} cc WHERE cc.${cc.target} = ANY(?)`);
    bindings.push(territory.centreIds);
  }
  // living in the territory, or created by its service (UD / Nouvelle-Calédonie: département; DREETS: région,
  // or one of its départements' UD) — plugins/candidats domain/createur.ts
  if (territory.kind === 'departements' && territory.codes.length) {
    reached.push(`SELECT r.id FROM ${table} r WHERE r.departement_residence = ANY(?)`, `SELECT r.id FROM ${table} r WHERE r.departement_createur = ANY(?)`);
    bindings.push(territory.codes, territory.codes);
  }
  if (territory.kind === 'regions' && territory.codes.length) {
    const dr = linkOf('api::departement.departement', 'region');
    const departements = `SELECT d.code FROM ${tableOf('api::departement.departement')} d JOIN ${dr.table} dr ON dr.${dr.own} = d.id JOIN ${tableOf('api::region.region')} g ON g.id = dr.${dr.target} WHERE g.code = ANY(?)`;
    reached.push(
      `SELECT r.id FROM ${table} r WHERE r.departement_residence IN (${departements})`,
      `SELECT r.id FROM ${table} r WHERE r.departement_createur IN (${departements})`,
      `SELECT r.id FROM ${table} r WHERE r.region_createur = ANY(?)`,
    );
    bindings.push(territory.codes, territory.codes, territory.codes);
  }
  return reached.length ? { sql: `${column} IN (${reached.join(' UNION ')})`, bindings } : 'none';
}

export const candidatTerritory: NonNullable<ResourceDefinition['territory']> = (territory) => candidatCondition(territory, 'id');

/** The territory of a content type attached to a candidate through its `candidat` relation. */
export function territoryViaCandidat(uid: string): NonNullable<ResourceDefinition['territory']> {
  return (territory) => {
    const link = linkOf(uid, 'candidat');
    const inner = candidatCondition(territory, `l.${link.target}`);
    if (inner === 'all' || inner === 'none') return inner;
    return { sql: `id IN (SELECT l.${link.own} FROM ${link.table} l WHERE ${inner.sql})`, bindings: inner.bindings };
  };
}
