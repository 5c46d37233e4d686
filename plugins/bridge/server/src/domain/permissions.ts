/**
 * The permission matrix: profile × resource × action. The single source read by the server on every
 * bridge call and workflow action, and by the back-office (GET /api/ra/me) to hide what would be refused.
 * Actions are the CRUD ones (list, show, create, edit, delete) plus the workflow actions a plugin
 * registers (POST /api/ra/<resource>/:id/<action>, e.g. agrements/accorder).
 *
 * Scope (which rows): a resource listed in NATIONAL_RESOURCES is read whole by every profile; any other
 * resource is territorial — the bridge applies its `territory` SQL to the user's territory (centres,
 * départements, régions), and a territorial resource without one shows no row to a territorial profile
 * (fail closed). National profiles (ADMIN_NATIONAL, AFPA, LECTURE) reach every row of what they may see.
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

/** Read-only grants for the listed profiles (on their territory). */
const readers = (...profiles: Profile[]): Grants => Object.fromEntries(profiles.map((p) => [p, READ]));

/** Documents of a session (plugins/documents/server/src/services/session-actions.ts). */
const SESSION_DOCUMENTS = ['editerConvocations', 'editerConvocationsJures', 'editerListeJurys', 'editerEmargement', 'editerProcesVerbal'];
const SESSION_CERTIFICATIONS = ['delivrerParchemins', 'delivrerLivrets'];

/** Agrément workflow (strapi/src/organisations): the centre requests (create), the DREETS of its région decides. */
const AGREMENT_DECISIONS = ['accorder', 'refuser', 'retirer', 'expirer'];

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
  // Session documents (plugins/documents, PDF answers): the centre edits convocations, lists and the PV; the
  // State service (UD, DREETS, Nouvelle-Calédonie) also delivers parchemins and livrets after validated results.
  sessions: {
    ADMIN_NATIONAL: READ,
    LECTURE: READ,
    CENTRE: [...READ, 'create', 'edit', 'declarer', 'commanderDte', 'envoyerConvocations', 'enregistrerResultats', 'finaliser', 'reprendreSaisie', 'transmettre', 'annuler', 'inscrire', 'desinscrire', 'ajouterJure', 'retirerJure', 'joindrePv', ...SESSION_DOCUMENTS],
    UD: [...READ, 'renvoyer', 'valider', 'validerResultats', 'cloturer', 'annuler', 'deverrouiller', ...SESSION_DOCUMENTS, ...SESSION_CERTIFICATIONS],
    NOUVELLE_CALEDONIE: [...READ, 'renvoyer', 'valider', 'validerResultats', 'cloturer', 'annuler', 'deverrouiller', ...SESSION_DOCUMENTS, ...SESSION_CERTIFICATIONS],
    DREETS: [...READ, 'deverrouiller', 'editerListeJurys', 'editerProcesVerbal', ...SESSION_CERTIFICATIONS],
    AFPA: [...READ, 'expedierDte'],
  },
  // one candidate's documents (plugins/documents): convocation; reissue of a parchemin by the State service
  inscriptions: {
    ...everyone(READ),
    // joindreJustificatifAbsence (plugins/sessions services/pieces.ts): the document of a justified absence
    CENTRE: [...READ, 'edit', 'editerConvocation', 'joindreJustificatifAbsence'],
    UD: [...READ, 'editerConvocation', 'reediterParchemin'],
    NOUVELLE_CALEDONIE: [...READ, 'editerConvocation', 'reediterParchemin'],
    DREETS: [...READ, 'reediterParchemin'],
  },
  'membres-jury': everyone(READ),

  // Candidats (plugins/candidats): agents of every territorial profile record and correct candidates (the
  // territory decides which); the homonym search (homonymes) is national, its out-of-scope answers show only
  // identity. The UD (Nouvelle-Calédonie) decides equivalence requests; the path is read-only, written by workflows.
  candidats: { ...readers('LECTURE'), ...Object.fromEntries((['ADMIN_NATIONAL', 'UD', 'DREETS', 'NOUVELLE_CALEDONIE', 'CENTRE'] as Profile[]).map((p) => [p, [...READ, 'create', 'edit']])) },
  homonymes: Object.fromEntries((['ADMIN_NATIONAL', 'UD', 'DREETS', 'NOUVELLE_CALEDONIE', 'CENTRE'] as Profile[]).map((p) => [p, ['list']])),
  parcours: readers('ADMIN_NATIONAL', 'UD', 'DREETS', 'NOUVELLE_CALEDONIE', 'CENTRE', 'LECTURE'),
  'evenements-parcours': readers('ADMIN_NATIONAL', 'UD', 'DREETS', 'NOUVELLE_CALEDONIE', 'CENTRE', 'LECTURE'),
  'regles-equivalence': referential,
  'demandes-equivalence': {
    ...readers('DREETS', 'CENTRE', 'LECTURE'),
    ADMIN_NATIONAL: [...READ, 'create', 'edit'],
    UD: [...READ, 'create', 'edit', 'accorder', 'refuser', 'ajouterPieces'],
    NOUVELLE_CALEDONIE: [...READ, 'create', 'edit', 'accorder', 'refuser', 'ajouterPieces'],
  },
  // supporting documents (plugins/bridge services/pieces.ts): readable by whoever may read the record owning them
  // (its resource's 'show' and its territory, checked by the reader); a justified absence's document (often a
  // medical certificate) only by the services that handle absences ('justificatif-absence'): not AFPA, not LECTURE
  pieces: { ...everyone(['show']), ...Object.fromEntries((['ADMIN_NATIONAL', 'UD', 'DREETS', 'NOUVELLE_CALEDONIE', 'CENTRE'] as Profile[]).map((p) => [p, ['show', 'justificatif-absence']])) },

  // Organisations. The DREETS (and Nouvelle-Calédonie for its territory) instructs; the centre manages
  // its sites and requests its agréments; UD and national consultation read.
  // imprimerListeJurys (plugins/documents jury-list-action.ts): the centre prints its habilitated jurors' list (PDF)
  centres: { ...readers('UD', 'AFPA', 'LECTURE'), CENTRE: [...READ, 'imprimerListeJurys'], ADMIN_NATIONAL: ALL, DREETS: ['list', 'show', 'create', 'edit'], NOUVELLE_CALEDONIE: ['list', 'show', 'create', 'edit'] },
  sites: { ...readers('UD', 'AFPA', 'LECTURE'), ADMIN_NATIONAL: ALL, DREETS: ALL, NOUVELLE_CALEDONIE: ALL, CENTRE: ALL },
  agrements: {
    ...readers('ADMIN_NATIONAL', 'UD', 'LECTURE'),
    DREETS: [...READ, 'create', 'edit', ...AGREMENT_DECISIONS],
    NOUVELLE_CALEDONIE: [...READ, 'create', 'edit', ...AGREMENT_DECISIONS],
    CENTRE: [...READ, 'create', 'edit'],
  },
  'autorisations-temporaires': { ...readers('ADMIN_NATIONAL', 'UD', 'CENTRE', 'LECTURE'), DREETS: ALL, NOUVELLE_CALEDONIE: ALL },
  controles: { ...readers('ADMIN_NATIONAL', 'UD', 'LECTURE'), DREETS: ALL, NOUVELLE_CALEDONIE: ALL },

  // Reporting (plugins/reporting): every profile runs the weekly extraction on its own territory (create =
  // "lancer maintenant"), lists and downloads its runs, and reads the statistics of its territory.
  extractions: everyone(['list', 'show', 'create', 'telecharger']),

  // Documents (plugins/documents services/resources.ts): batches of certifications by région and period are
  // launched by the State (create = launch, the territory keeps a DREETS to its régions, 988 to Nouvelle-Calédonie),
  // their PDF downloaded by `telecharger`; the edition log is read by every profile on its own territory.
  'lots-edition': { ADMIN_NATIONAL: [...READ, 'create', 'telecharger'], DREETS: [...READ, 'create', 'telecharger'], NOUVELLE_CALEDONIE: [...READ, 'create', 'telecharger'] },
  editions: readers('ADMIN_NATIONAL', 'DREETS', 'UD', 'NOUVELLE_CALEDONIE', 'CENTRE', 'LECTURE'),
  statistiques: everyone(['list']),
  'statistiques-sessions': everyone(['list']),
};

/** Resources every profile reaches whole, whatever its territory (referentials). Any other one is territorial. */
export const NATIONAL_RESOURCES = new Set(['pays', 'regions', 'departements', 'communes', 'titres', 'ccps', 'ccss', 'regles-equivalence']);

export const scopeOf = (resource: string): 'national' | 'territorial' => (NATIONAL_RESOURCES.has(resource) ? 'national' : 'territorial');

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
