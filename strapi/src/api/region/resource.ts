import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const regionResource: ResourceDefinition = {
  name: 'regions',
  uid: 'api::region.region',
  label: 'la région',
  search: ['nom', 'code'],
  filters: { code: {} },
  sort: ['nom', 'code'],
  defaultSort: ['code', 'ASC'],
};
