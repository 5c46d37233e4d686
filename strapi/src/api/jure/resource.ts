import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { jureTerritory } from '../habilitation/territory';
import { entreprisesLieesErrors } from '../../organisations/domain/entreprise';

const today = () => new Date().toISOString().slice(0, 10);

/** Jurors: created and kept up to date (phone, address: v1.7.1) by the UD; habilitations are granted by the jurys plugin's actions. */
export const jureResource: ResourceDefinition = {
  name: 'jures',
  uid: 'api::jure.jure',
  label: 'le juré',
  search: ['nom', 'prenom', 'metier', 'employeur', 'email'],
  filters: { departement: {}, commune: {}, retraite: {}, codeRome: {}, centresLies: {}, codePostal: {} },
  sort: ['nom', 'prenom', 'metier', 'employeur', 'codePostal', 'telephone', 'createdAt', 'updatedAt'],
  defaultSort: ['nom', 'ASC'],
  relations: ['commune', 'departement', 'centresLies'],
  territory: jureTerritory,
  validate(record) {
    const errors: FieldError[] = [];
    if (!record.departement) errors.push({ field: 'departement', message: 'Le département du juré est obligatoire (il détermine la DDETS/UD qui le gère).' });
    if (record.retraite === true && !record.dateRetraite) {
      errors.push({ field: 'dateRetraite', message: "La date de départ en retraite est obligatoire pour un juré retraité (critère d'ancienneté)." });
    }
    if (typeof record.dateRetraite === 'string' && record.dateRetraite > today()) {
      errors.push({ field: 'dateRetraite', message: 'La date de départ en retraite ne peut pas être dans le futur.' });
    }
    if (typeof record.dateNaissance === 'string' && record.dateNaissance >= today()) {
      errors.push({ field: 'dateNaissance', message: 'La date de naissance doit être passée.' });
    }
    // companies the juror declared a link with (impartiality: flagged on a session's jury)
    errors.push(...entreprisesLieesErrors(record.entreprisesLiees));
    return errors;
  },
};
