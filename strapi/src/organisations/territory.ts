/**
 * Territory SQL of the organisations, reusable by any resource attached to a centre (sessions,
 * inscriptions…): a centre belongs to the centres of a CENTRE user, to the département (UD,
 * Nouvelle-Calédonie = 988) and to the région (DREETS) stored on it, derived from its commune.
 * Link-table names are read from Strapi's metadata, not guessed.
 */
import type { ResourceDefinition, Territory } from '@ceres/plugin-bridge';

type Condition = { sql: string; bindings: unknown[] } | 'all' | 'none';

interface Link {
  table: string;
  /** column holding the owner's id */
  own: string;
  /** column holding the target's id */
  target: string;
}

/** The join table of a relation attribute (e.g. centres_departement_lnk(centre_id, departement_id)). */
export function linkOf(uid: string, attribute: string): Link {
  const metadata = strapi.db.metadata.get(uid as never) as unknown as {
    attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
  };
  const joinTable = metadata.attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`CERES : ${uid}.${attribute} n'est pas une relation avec table de liaison`);
  return { table: joinTable.name, own: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name };
}

const tableOf = (uid: string) => (strapi.db.metadata.get(uid as never) as unknown as { tableName: string }).tableName;

/** `<column> <in the territory>`, column being an SQL expression holding a centre's numeric id. */
export function centreCondition(territory: Territory, column: string): Condition {
  switch (territory.kind) {
    case 'national':
      return 'all';
    case 'centres':
      return territory.centreIds.length ? { sql: `${column} = ANY(?)`, bindings: [territory.centreIds] } : 'none';
    case 'departements': {
      if (!territory.codes.length) return 'none';
      const link = linkOf('api::centre.centre', 'departement');
      return {
        sql: `${column} IN (SELECT cd.${link.own} FROM ${link.table} cd JOIN ${tableOf('api::departement.departement')} d ON d.id = cd.${link.target} WHERE d.code = ANY(?))`,
        bindings: [territory.codes],
      };
    }
    case 'regions': {
      if (!territory.codes.length) return 'none';
      const link = linkOf('api::centre.centre', 'region');
      return {
        sql: `${column} IN (SELECT cr.${link.own} FROM ${link.table} cr JOIN ${tableOf('api::region.region')} r ON r.id = cr.${link.target} WHERE r.code = ANY(?))`,
        bindings: [territory.codes],
      };
    }
  }
}

/** The territory of the centres themselves. */
export const centreTerritory: NonNullable<ResourceDefinition['territory']> = (territory) => centreCondition(territory, 'id');

/**
 * The territory of a content type attached to a centre through `attribute` (default "centre"):
 * its rows whose centre is in the territory. A row without centre is reached by national profiles only.
 */
export function territoryViaCentre(uid: string, attribute = 'centre'): NonNullable<ResourceDefinition['territory']> {
  return (territory) => {
    const link = linkOf(uid, attribute);
    const inner = centreCondition(territory, `l.${link.target}`);
    if (inner === 'all' || inner === 'none') return inner;
    return { sql: `id IN (SELECT l.${link.own} FROM ${link.table} l WHERE ${inner.sql})`, bindings: inner.bindings };
  };
}
