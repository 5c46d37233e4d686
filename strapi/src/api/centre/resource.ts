import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { centreTerritory } from '../../organisations/territory';
import { ndaError, siretError } from '../../organisations/domain/siret';

export const centreResource: ResourceDefinition = {
  name: 'centres',
  uid: 'api::centre.centre',
  label: 'le centre',
  search: ['raisonSociale', 'nomCommercial', 'siret'],
  filters: { siret: {}, region: {}, departement: {}, commune: {}, actif: {} },
  sort: ['raisonSociale', 'nomCommercial', 'siret', 'codePostal', 'createdAt'],
  defaultSort: ['raisonSociale', 'ASC'],
  // follow the commune (organisations/derive-territory.ts): they set the DREETS and UD scope
  readOnly: ['departement', 'region'],
  territory: centreTerritory,
  async validate(record) {
    const errors: FieldError[] = [];
    if (typeof record.siret === 'string') {
      const message = siretError(record.siret);
      if (message) errors.push({ field: 'siret', message });
      else {
        const twin = (await strapi.db.query('api::centre.centre').findOne({ where: { siret: record.siret }, select: ['documentId'] })) as { documentId: string } | null;
        if (twin && twin.documentId !== record.id) errors.push({ field: 'siret', message: 'Un centre portant ce SIRET existe déjà.' });
      }
    }
    if (typeof record.nda === 'string' && record.nda) {
      const message = ndaError(record.nda);
      if (message) errors.push({ field: 'nda', message });
    }
    if (!record.commune) errors.push({ field: 'commune', message: 'La commune du centre est obligatoire : elle fixe son département et sa région.' });
    return errors;
  },
};
