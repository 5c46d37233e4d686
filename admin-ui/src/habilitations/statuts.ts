export const STATUTS_HABILITATION = [
  { id: 'ACTIVE', name: 'Active' },
  { id: 'SUSPENDUE', name: 'Suspendue' },
  { id: 'EXPIREE', name: 'Expirée' },
  { id: 'RETIREE', name: 'Retirée' },
  { id: 'CLOSE', name: 'Close' },
];

export const libelleStatut = (statut: string) => STATUTS_HABILITATION.find((s) => s.id === statut)?.name ?? statut;

/**
 * The workflow actions of a habilitation. Which ones are offered comes from the server (POST …/etat: the
 * state machine, the title closed or not, a successor title or not), intersected with the profile's rights.
 */
export const ACTIONS_HABILITATION = [
  { action: 'suspendre', label: 'Suspendre', motif: 'obligatoire', dates: false },
  { action: 'reactiver', label: 'Réactiver', motif: 'facultatif', dates: false },
  { action: 'retirer', label: 'Retirer', motif: 'obligatoire', dates: false },
  { action: 'renouveler', label: 'Renouveler', motif: 'facultatif', dates: true },
  { action: 'clore', label: 'Clore', motif: 'facultatif', dates: false },
] as const;

export const today = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** JJ/MM/AAAA from AAAA-MM-JJ, without going through Date (no time-zone shift) */
export const jjmmaaaa = (iso?: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '');
