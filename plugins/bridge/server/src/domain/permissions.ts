/**
 * The permission matrix: profile × resource × action. The single source read by the server on every
 * bridge call and by the back-office (GET /api/ra/me) to hide what would be refused.
 * Territory (which rows) is applied separately, from the user's scope, for resources marked `scoped`.
 */
import { PROFILES, type Profile } from './access';

export const CRUD_ACTIONS = ['list', 'show', 'create', 'edit', 'delete'] as const;
export type CrudAction = (typeof CRUD_ACTIONS)[number];

const READ: CrudAction[] = ['list', 'show'];
const ALL: CrudAction[] = [...CRUD_ACTIONS];

type Grants = Partial<Record<Profile, readonly string[]>>;

const everyone = (actions: readonly string[]): Grants => Object.fromEntries(PROFILES.map((p) => [p, actions]));

/** Referentials: read by every profile whatever its territory, written by national administrators only. */
const referential: Grants = { ...everyone(READ), ADMIN_NATIONAL: ALL };

export const MATRIX: Record<string, Grants> = {
  // Traçabilité (plugins/tracabilite), read-only everywhere: the global search is the national administrators';
  // a record's history is for whoever may see that record (matrix + territory, checked by its reader).
  traces: { ADMIN_NATIONAL: READ },
  historique: everyone(['list']),

  pays: referential,
  regions: referential,
  departements: referential,
  communes: referential,
  titres: referential,
  ccps: referential,
  ccss: referential,

  // Jurys (plugins/jurys): the UD (and Nouvelle-Calédonie) keeps its jurors' records up to date (phone,
  // address: v1.7.1), records their experience and grants habilitations (jures/:id/accorder), then runs
  // their workflow; `anciennete` and `etat` are read-only actions (computed seniority, actions offered).
  // The centre reads the habilitated jurors of its titles and nothing else (v1.7: no action buttons).
  jures: {
    ADMIN_NATIONAL: [...READ, 'anciennete'],
    DREETS: [...READ, 'anciennete'],
    LECTURE: [...READ, 'anciennete'],
    CENTRE: READ,
    UD: [...READ, 'create', 'edit', 'accorder', 'anciennete'],
    NOUVELLE_CALEDONIE: [...READ, 'create', 'edit', 'accorder', 'anciennete'],
  },
  'periodes-experience': { ADMIN_NATIONAL: READ, DREETS: READ, LECTURE: READ, UD: ALL, NOUVELLE_CALEDONIE: ALL },
  habilitations: {
    ADMIN_NATIONAL: [...READ, 'etat'],
    DREETS: [...READ, 'etat'],
    LECTURE: [...READ, 'etat'],
    CENTRE: READ,
    UD: [...READ, 'edit', 'etat', 'suspendre', 'reactiver', 'retirer', 'renouveler', 'clore'],
    NOUVELLE_CALEDONIE: [...READ, 'edit', 'etat', 'suspendre', 'reactiver', 'retirer', 'renouveler', 'clore'],
  },

  // Sessions (plugins/sessions): the workflow actions mirror the session state machine
  // (plugins/sessions/server/src/domain/state-machine.ts, checked by its unit test); the state decides the rest.
  // No delete: a session is cancelled (annuler), never erased. Registrations are written through session actions.
  sessions: {
    ADMIN_NATIONAL: READ,
    LECTURE: READ,
    CENTRE: [...READ, 'create', 'edit', 'declarer', 'commanderDte', 'envoyerConvocations', 'enregistrerResultats', 'finaliser', 'reprendreSaisie', 'transmettre', 'annuler', 'inscrire', 'desinscrire', 'ajouterJure', 'retirerJure'],
    UD: [...READ, 'renvoyer', 'valider', 'validerResultats', 'cloturer', 'annuler', 'deverrouiller'],
    NOUVELLE_CALEDONIE: [...READ, 'renvoyer', 'valider', 'validerResultats', 'cloturer', 'annuler', 'deverrouiller'],
    DREETS: [...READ, 'deverrouiller'],
    AFPA: [...READ, 'expedierDte'],
  },
  inscriptions: { ...everyone(READ), CENTRE: [...READ, 'edit'] },
};

export function isAllowed(profile: Profile, resource: string, action: string): boolean {
  return MATRIX[resource]?.[profile]?.includes(action) ?? false;
}

/** The grants of one profile, as the back-office receives them: { resource: [actions] }. */
export function grantsOf(profile: Profile): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const [resource, byProfile] of Object.entries(MATRIX)) {
    const actions = byProfile[profile];
    if (actions?.length) grants[resource] = [...actions];
  }
  return grants;
}
