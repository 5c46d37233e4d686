import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const paysResource: ResourceDefinition = {
  name: 'pays',
  uid: 'api::pays.pays',
  label: 'le pays',
  search: ['nom', 'libelleCog', 'codeInsee'],
  filters: { nature: {}, codeInsee: {}, dateFin: {}, successeur: {} },
  sort: ['nom', 'codeInsee', 'libelleCog', 'nature', 'dateDebut', 'dateFin'],
  defaultSort: ['nom', 'ASC'],
};
