import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const ccpResource: ResourceDefinition = {
  name: 'ccps',
  uid: 'api::ccp.ccp',
  label: 'le CCP',
  search: ['intitule', 'code', 'codeBlocRncp'],
  filters: { code: {}, rang: {}, titres: {}, correspondances: {} },
  sort: ['code', 'intitule', 'rang'],
  defaultSort: ['code', 'ASC'],
  relations: ['titres', 'correspondances'],
};
