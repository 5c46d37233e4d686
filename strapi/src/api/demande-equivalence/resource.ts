import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCandidat } from '../candidat/territory';
import { candidatsPlugin } from '../candidat/plugin';

/** Equivalence / correspondence requests (v1.6): decided by the UD through the accorder / refuser actions. */
export const demandeEquivalenceResource: ResourceDefinition = {
  name: 'demandes-equivalence',
  uid: 'api::demande-equivalence.demande-equivalence',
  label: 'la demande d’équivalence',
  search: ['certificationExterne', 'commentaire'],
  filters: { candidat: {}, type: {}, statut: {}, regle: {}, dateDemande: {} },
  sort: ['dateDemande', 'type', 'statut', 'dateDecision', 'createdAt'],
  defaultSort: ['createdAt', 'DESC'],
  readOnly: ['statut', 'motifDecision', 'dateDecision', 'decidePar', 'pieces'],
  relations: ['candidat', 'regle', 'ccpsSource', 'ccpsCible'],
  territory: territoryViaCandidat('api::demande-equivalence.demande-equivalence'),
  validate: (record, context) => candidatsPlugin().equivalences.verifier(record, context.mode, context.previous),
};
