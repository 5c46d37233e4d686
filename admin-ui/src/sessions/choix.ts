/**
 * Value lists of the session screens. States, actions and who may take them come from the one state
 * machine (plugins/sessions/server/src/domain), so that the buttons shown are exactly those the server allows.
 */
import { STATES, STATE_LABELS, type State } from '../../../plugins/sessions/server/src/domain/states';
import { ACTION_LABELS, availableActions, type ActionName } from '../../../plugins/sessions/server/src/domain/state-machine';

export { availableActions, ACTION_LABELS, STATE_LABELS };
export type { ActionName, State };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const STATUTS = STATES.map((id) => ({ id, name: capitalise(STATE_LABELS[id]) }));
export const TYPES = [
  { id: 'TITRE', name: 'Session titre' },
  { id: 'CCP', name: 'Session CCP' },
  { id: 'CCS', name: 'Session CCS' },
];
export const MODALITES = [
  { id: 'PRESENTIEL', name: 'Présentiel' },
  { id: 'DISTANCE', name: 'À distance' },
];
export const VOIES_ACCES = [
  { id: 'FORMATION_CONTINUE', name: 'Parcours continu (formation)' },
  { id: 'PARCOURS_PROGRESSIF', name: 'Parcours progressif (capitalisation)' },
  { id: 'APPRENTISSAGE', name: 'Apprentissage' },
  { id: 'CONTRAT_PRO', name: 'Contrat de professionnalisation' },
  { id: 'VAE', name: 'VAE' },
  { id: 'REUSSITE_PARTIELLE', name: 'Après réussite partielle' },
];
export const PRESENCES = [
  { id: 'PRESENT', name: 'Présent' },
  { id: 'ABSENT', name: 'Absent' },
  { id: 'ABSENT_JUSTIFIE', name: 'Absent justifié' },
  { id: 'ABANDON', name: 'Abandon' },
];
export const DECISIONS = [
  { id: 'TITRE_OBTENU', name: 'Titre obtenu' },
  { id: 'REUSSITE_PARTIELLE', name: 'Réussite partielle' },
  { id: 'ECHEC', name: 'Échec' },
  { id: 'ABSENT', name: 'Absent' },
  { id: 'CCS_OBTENU', name: 'CCS obtenu' },
  { id: 'CCS_NON_OBTENU', name: 'CCS non obtenu' },
];
export const decisionsOf = (type: string) =>
  DECISIONS.filter((d) => (type === 'CCS' ? ['CCS_OBTENU', 'CCS_NON_OBTENU', 'ABSENT'] : type === 'CCP' ? ['REUSSITE_PARTIELLE', 'ECHEC', 'ABSENT'] : ['TITRE_OBTENU', 'REUSSITE_PARTIELLE', 'ECHEC', 'ABSENT']).includes(d.id));
export const STATUTS_INSCRIPTION = [
  { id: 'INSCRIT', name: 'Inscrit' },
  { id: 'DESINSCRIT', name: 'Désinscrit' },
];

/** the workflow transitions shown in the page's toolbar; the others live in their tab */
export const TOOLBAR_ACTIONS: ActionName[] = [
  'declarer',
  'renvoyer',
  'valider',
  'commanderDte',
  'expedierDte',
  'envoyerConvocations',
  'finaliser',
  'reprendreSaisie',
  'transmettre',
  'validerResultats',
  'cloturer',
  'deverrouiller',
  'annuler',
];

export const dateFr = (iso?: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');
