export const TYPES_CONTROLE = [
  { id: 'SUR_PLACE', name: 'Sur place' },
  { id: 'SUR_PIECES', name: 'Sur pièces' },
  { id: 'INOPINE', name: 'Inopiné' },
];
export const STATUTS_CONTROLE = [
  { id: 'PROGRAMME', name: 'Programmé' },
  { id: 'REALISE', name: 'Réalisé' },
  { id: 'CLOS', name: 'Clos' },
];
export const SUITES_CONTROLE = [
  { id: 'AUCUNE', name: 'Aucune' },
  { id: 'OBSERVATIONS', name: 'Observations' },
  { id: 'MISE_EN_DEMEURE', name: 'Mise en demeure' },
  { id: 'SUSPENSION_AGREMENT', name: "Suspension d'agrément" },
  { id: 'RETRAIT_AGREMENT', name: "Retrait d'agrément" },
];
