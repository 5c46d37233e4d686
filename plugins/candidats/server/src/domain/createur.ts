/**
 * Who registered a candidate keeps them in scope (issue 5, decided in session 2): an agent registers the
 * person in front of them, wherever that person lives — a UD or a DREETS registering a candidate for a session
 * of its territory, a centre before the first registration. The creating service is recorded at creation
 * (never sent by the client) and the candidate territory rule (strapi/src/api/candidat/territory.ts) reads it:
 * address in the territory OR registered in a session of the territory OR created by that service.
 */
import type { Territory } from '@ceres/plugin-bridge';

export interface Createur {
  /** the creating centre (numeric id), when the agent belongs to exactly one */
  centreCreateur?: number;
  /** the creating UD's département (Nouvelle-Calédonie: 988) */
  departementCreateur?: string;
  /** the creating DREETS's région */
  regionCreateur?: string;
}

/** What to record on a new candidate for an agent of `territory` (national profiles: nothing). */
export function createurDe(territory: Territory): Createur {
  switch (territory.kind) {
    case 'centres':
      return territory.centreIds.length === 1 ? { centreCreateur: territory.centreIds[0] } : {};
    // an agent covering several départements (régions) records the first: the candidate stays in that agent's scope
    case 'departements':
      return territory.codes.length ? { departementCreateur: territory.codes[0] } : {};
    case 'regions':
      return territory.codes.length ? { regionCreateur: territory.codes[0] } : {};
    default:
      return {};
  }
}
