import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const communeResource: ResourceDefinition = {
  name: 'communes',
  uid: 'api::commune.commune',
  label: 'la commune',
  search: ['nom', 'codeInsee'],
  filters: { codeInsee: {}, type: {}, departement: {}, communeParente: {} },
  sort: ['nom', 'codeInsee', 'type', 'population'],
  defaultSort: ['nom', 'ASC'],
};
