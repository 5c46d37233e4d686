import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const ccsResource: ResourceDefinition = {
  name: 'ccss',
  uid: 'api::ccs.ccs',
  label: 'le CCS',
  search: ['intitule', 'code', 'codeRncp'],
  filters: { code: {}, titre: {}, dateFinValidite: {} },
  sort: ['code', 'intitule', 'dateDebutValidite', 'dateFinValidite'],
  defaultSort: ['code', 'ASC'],
};
