export const NATURES_PAYS = [
  { id: 'ETAT', name: 'État actuel' },
  { id: 'ANCIEN_ETAT', name: 'Ancien État' },
  { id: 'TERRITOIRE', name: 'Territoire' },
];
