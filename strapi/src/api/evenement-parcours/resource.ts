import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCandidat } from '../candidat/territory';

/** The path's events: written by the workflows (plugins/candidats services/parcours.ts), read here. */
export const evenementParcoursResource: ResourceDefinition = {
  name: 'evenements-parcours',
  uid: 'api::evenement-parcours.evenement-parcours',
  label: 'l’événement du parcours',
  filters: { candidat: {}, type: {}, titre: {}, ccp: {}, session: {}, date: {} },
  sort: ['date', 'type', 'createdAt'],
  defaultSort: ['date', 'ASC'],
  readOnlyResource: true,
  relations: ['candidat', 'titre', 'ccp', 'session', 'inscription', 'demandeEquivalence', 'remplace'],
  territory: territoryViaCandidat('api::evenement-parcours.evenement-parcours'),
};
