import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { habilitationTerritory } from './territory';

/**
 * Habilitations are written only by the jurys plugin's workflow actions (jures/:id/accorder,
 * habilitations/:id/suspendre|reactiver|retirer|renouveler|clore): through the generic PUT, only the
 * observations change. The plugin also guards every write (Document Service middleware): no ACTIVE
 * habilitation on a closed title, whoever writes.
 */
export const habilitationResource: ResourceDefinition = {
  name: 'habilitations',
  uid: 'api::habilitation.habilitation',
  label: "l'habilitation",
  filters: { jure: {}, titre: {}, ccs: {}, statut: {}, departement: {}, dateDebut: {}, dateFin: {}, precedente: {} },
  sort: ['dateDebut', 'dateFin', 'statut', 'createdAt', 'updatedAt'],
  defaultSort: ['dateDebut', 'DESC'],
  readOnly: ['jure', 'titre', 'ccs', 'dateDebut', 'dateFin', 'statut', 'departement', 'precedente', 'ancienneteRetenue', 'motif', 'historique'],
  territory: habilitationTerritory,
};
