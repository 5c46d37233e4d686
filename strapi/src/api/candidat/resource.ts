import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { candidatTerritory } from './territory';
import { candidatsPlugin } from './plugin';
import { employeurErrors } from '../../organisations/domain/entreprise';

export const candidatResource: ResourceDefinition = {
  name: 'candidats',
  uid: 'api::candidat.candidat',
  label: 'le candidat',
  search: ['nomNaissance', 'nomUsage', 'prenoms', 'email'],
  filters: { dateNaissance: {}, sexe: {}, nationalite: {}, paysNaissance: {}, communeNaissance: {}, departementResidence: {}, centreCreateur: {} },
  sort: ['nomNaissance', 'nomUsage', 'dateNaissance', 'createdAt', 'updatedAt'],
  defaultSort: ['nomNaissance', 'ASC'],
  // derived by the server (plugins/candidats services/candidats.ts) or recorded by the homonym control
  readOnly: ['communeNaissanceDepartement', 'departementResidence', 'controleHomonymie', 'centreCreateur', 'departementCreateur', 'regionCreateur'],
  relations: ['communeNaissance', 'paysNaissance', 'nationalite', 'centreCreateur'],
  territory: candidatTerritory,
  // the employer (impartiality of the jury, sessions plugin) is checked here with the organisations' SIRET rule
  validate: async (record, context) => [...(await candidatsPlugin().candidats.verifier(record, context)), ...employeurErrors(record)],
};
