/**
 * Which jurors and habilitations a territory reaches (SQL on Strapi's link tables, see docs/architecture.md):
 * - UD / Nouvelle-Calédonie: the habilitations delivered by their département, the jurors living there;
 * - DREETS: the same for the départements of their région;
 * - centre: the ACTIVE habilitations on a title or CCS it holds an agrément ACCORDE for, and their jurors
 *   (the read-only list a centre picks its jury from, v1.7).
 */
import type { Territory } from '@ceres/plugin-bridge';

type Condition = { sql: string; bindings: unknown[] } | 'all' | 'none';

/** ids of the ACTIVE habilitations a centre may see (two bindings: the centre ids, twice) */
const HABILITATIONS_DES_CENTRES = `
  SELECT ht.habilitation_id FROM habilitations_titre_lnk ht
    JOIN agrements_titre_lnk agt ON agt.titre_id = ht.titre_id
    JOIN agrements ag ON ag.id = agt.agrement_id AND ag.statut = 'ACCORDE'
    JOIN agrements_centre_lnk agc ON agc.agrement_id = ag.id
   WHERE agc.centre_id = ANY(?)
  UNION
  SELECT hc.habilitation_id FROM habilitations_ccs_lnk hc
    JOIN agrements_ccs_lnk agx ON agx.ccs_id = hc.ccs_id
    JOIN agrements ag ON ag.id = agx.agrement_id AND ag.statut = 'ACCORDE'
    JOIN agrements_centre_lnk agc ON agc.agrement_id = ag.id
   WHERE agc.centre_id = ANY(?)`;

const DEPARTEMENTS_DE_REGIONS = `SELECT dr.departement_id FROM departements_region_lnk dr JOIN regions r ON r.id = dr.region_id WHERE r.code = ANY(?)`;

export function habilitationTerritory(territory: Territory): Condition {
  switch (territory.kind) {
    case 'national':
      return 'all';
    case 'departements':
      return {
        sql: `id IN (SELECT l.habilitation_id FROM habilitations_departement_lnk l JOIN departements d ON d.id = l.departement_id WHERE d.code = ANY(?))`,
        bindings: [territory.codes],
      };
    case 'regions':
      return { sql: `id IN (SELECT l.habilitation_id FROM habilitations_departement_lnk l WHERE l.departement_id IN (${DEPARTEMENTS_DE_REGIONS}))`, bindings: [territory.codes] };
    case 'centres':
      return {
        sql: `statut = 'ACTIVE' AND id IN (${HABILITATIONS_DES_CENTRES})`,
        bindings: [territory.centreIds, territory.centreIds],
      };
  }
}

export function jureTerritory(territory: Territory): Condition {
  switch (territory.kind) {
    case 'national':
      return 'all';
    case 'departements':
      return { sql: `id IN (SELECT l.jure_id FROM jures_departement_lnk l JOIN departements d ON d.id = l.departement_id WHERE d.code = ANY(?))`, bindings: [territory.codes] };
    case 'regions':
      return { sql: `id IN (SELECT l.jure_id FROM jures_departement_lnk l WHERE l.departement_id IN (${DEPARTEMENTS_DE_REGIONS}))`, bindings: [territory.codes] };
    case 'centres':
      return {
        sql: `id IN (SELECT hj.jure_id FROM habilitations_jure_lnk hj JOIN habilitations h ON h.id = hj.habilitation_id AND h.statut = 'ACTIVE' WHERE hj.habilitation_id IN (${HABILITATIONS_DES_CENTRES}))`,
        bindings: [territory.centreIds, territory.centreIds],
      };
  }
}

/** experience periods: those of the jurors the territory reaches, never a centre's business */
export function periodeTerritory(territory: Territory): Condition {
  if (territory.kind === 'centres') return 'none';
  const jures = jureTerritory(territory);
  if (typeof jures === 'string') return jures;
  return { sql: `id IN (SELECT l.periode_experience_id FROM periodes_experience_jure_lnk l WHERE l.jure_id IN (SELECT id FROM jures WHERE ${jures.sql}))`, bindings: jures.bindings };
}
