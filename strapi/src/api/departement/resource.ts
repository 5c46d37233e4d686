import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const departementResource: ResourceDefinition = {
  name: 'departements',
  uid: 'api::departement.departement',
  label: 'le département',
  search: ['nom', 'code'],
  filters: { code: {}, zone: {}, region: {} },
  sort: ['code', 'nom', 'zone'],
  defaultSort: ['code', 'ASC'],
};
