import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { checkTitre, type TitreLike } from './rules';
import { checkNaturalKey } from '../../referentiels/unique';

export const titreResource: ResourceDefinition = {
  name: 'titres',
  uid: 'api::titre.titre',
  label: 'le titre',
  search: ['intitule', 'sigle', 'code', 'codeRncp'],
  filters: {
    code: {},
    version: {},
    statut: {},
    niveau: {},
    typeCertification: {},
    codeNsf: {},
    dateDebutValidite: {},
    dateFinValidite: {},
    dateFinProlongation: {},
    predecesseur: {},
    successeur: {},
  },
  sort: ['intitule', 'code', 'version', 'sigle', 'niveau', 'statut', 'dateDebutValidite', 'dateFinValidite', 'dateFinProlongation'],
  defaultSort: ['intitule', 'ASC'],
  relations: ['predecesseur', 'successeur', 'ccps', 'ccss'],
  async validate(record, context) {
    const errors = checkTitre(record as TitreLike);
    errors.push(
      ...(await checkNaturalKey('api::titre.titre', record, context.previous?.id, ['code', 'version'], (r) => `Le titre ${r.code} existe déjà en version ${r.version}.`)),
    );
    return errors;
  },
};
