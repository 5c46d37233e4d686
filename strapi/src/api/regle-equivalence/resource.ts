import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';

const TYPES_AVEC_SOURCE = ['CCP_COMMUN', 'CORRESPONDANCE_VERSION', 'INTERNE'];

/** Equivalence and correspondence rules: a national referential (MPCP), with valid-from / valid-to (v1.8). */
export const regleEquivalenceResource: ResourceDefinition = {
  name: 'regles-equivalence',
  uid: 'api::regle-equivalence.regle-equivalence',
  label: 'la règle d’équivalence',
  search: ['libelle', 'certificationSource', 'arreteReference'],
  filters: { type: {}, sousType: {}, titreCible: {}, ccpsCible: {}, ccpsSource: {}, valideDu: {}, valideAu: {} },
  sort: ['libelle', 'type', 'valideDu', 'valideAu'],
  defaultSort: ['libelle', 'ASC'],
  relations: ['ccpsSource', 'ccpsCible', 'titreCible'],
  territory: () => 'all',
  validate(record) {
    const errors: FieldError[] = [];
    if (typeof record.valideDu === 'string' && typeof record.valideAu === 'string' && record.valideAu < record.valideDu) {
      errors.push({ field: 'valideAu', message: 'La fin de validité de la règle précède son début.' });
    }
    if (TYPES_AVEC_SOURCE.includes(String(record.type)) && !(Array.isArray(record.ccpsSource) && record.ccpsSource.length)) {
      errors.push({ field: 'ccpsSource', message: 'Une règle de ce type précise le ou les CCP source.' });
    }
    if (record.type === 'EXTERNE' && !record.certificationSource) {
      errors.push({ field: 'certificationSource', message: 'Une équivalence externe précise la certification détenue (ex. CCE « Exercer le rôle de tuteur », RS5368).' });
    }
    if (record.type === 'INTERNE' && !record.sousType) {
      errors.push({ field: 'sousType', message: 'Une équivalence interne précise la certification : mandatés ou maître d’apprentissage / tuteur.' });
    }
    return errors;
  },
};
