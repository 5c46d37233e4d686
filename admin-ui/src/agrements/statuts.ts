export const STATUTS_AGREMENT = [
  { id: 'DEMANDE', name: 'Demandé' },
  { id: 'ACCORDE', name: 'Accordé' },
  { id: 'REFUSE', name: 'Refusé' },
  { id: 'RETIRE', name: 'Retiré' },
  { id: 'EXPIRE', name: 'Expiré' },
];

/** The DREETS's decisions: which statut each applies to, and whether a written reason is required. */
export const DECISIONS_AGREMENT = [
  { action: 'accorder', label: 'Accorder', from: ['DEMANDE'], motif: false },
  { action: 'refuser', label: 'Refuser', from: ['DEMANDE'], motif: true },
  { action: 'retirer', label: 'Retirer', from: ['ACCORDE'], motif: true },
  { action: 'expirer', label: 'Constater l’expiration', from: ['ACCORDE'], motif: false },
] as const;

export const today = () => new Date().toISOString().slice(0, 10);
