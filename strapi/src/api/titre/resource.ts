import type { ResourceDefinition } from '@ceres/plugin-bridge';

export const titreResource: ResourceDefinition = {
  name: 'titres',
  uid: 'api::titre.titre',
  label: 'le titre',
  search: ['intitule', 'sigle', 'code', 'codeRncp'],
  filters: { code: {}, version: {}, statut: {}, niveau: {}, typeCertification: {}, codeNsf: {}, dateFinValidite: {}, predecesseur: {}, successeur: {} },
  sort: ['intitule', 'code', 'version', 'sigle', 'niveau', 'statut', 'dateDebutValidite', 'dateFinValidite'],
  defaultSort: ['intitule', 'ASC'],
  relations: ['predecesseur', 'successeur', 'ccps', 'ccss'],
};
