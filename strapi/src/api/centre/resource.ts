import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const centreResource: ResourceDefinition = {
  name: 'centres',
  uid: 'api::centre.centre',
  label: 'le centre',
  search: ['raisonSociale', 'siret'],
  filters: {},
  sort: ['raisonSociale', 'siret'],
  defaultSort: ['raisonSociale', 'ASC'],
  territory: (territory) =>
    territory.kind === 'centres' ? { sql: 'id = ANY(?)', bindings: [territory.centreIds] } : territory.kind === 'national' ? 'all' : 'none',
};
