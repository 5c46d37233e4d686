import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCentre } from '../../organisations/territory';

export const siteResource: ResourceDefinition = {
  name: 'sites',
  uid: 'api::site.site',
  label: 'le site',
  search: ['nom', 'adresse'],
  filters: { centre: {}, commune: {}, actif: {} },
  sort: ['nom', 'codePostal', 'createdAt'],
  defaultSort: ['nom', 'ASC'],
  territory: territoryViaCentre('api::site.site'),
  validate(record) {
    return record.centre ? [] : [{ field: 'centre', message: 'Le centre du site est obligatoire.' }];
  },
};
