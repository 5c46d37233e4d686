import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCentre } from '../../organisations/territory';
import { autorisationErrors } from '../../organisations/domain/agrement';
import { findWith, refOf } from '../../organisations/lookup';

export const autorisationTemporaireResource: ResourceDefinition = {
  name: 'autorisations-temporaires',
  uid: 'api::autorisation-temporaire.autorisation-temporaire',
  label: "l'autorisation temporaire",
  search: ['motif'],
  filters: { centre: {}, titre: {}, agrement: {}, dateDebut: {}, dateFin: {} },
  sort: ['dateDebut', 'dateFin', 'dateDecision', 'createdAt'],
  defaultSort: ['dateDebut', 'DESC'],
  territory: territoryViaCentre('api::autorisation-temporaire.autorisation-temporaire'),
  async validate(record) {
    const errors: FieldError[] = [];
    if (!record.centre) errors.push({ field: 'centre', message: "Le centre de l'autorisation temporaire est obligatoire." });
    if (!record.titre) errors.push({ field: 'titre', message: "Le titre de l'autorisation temporaire est obligatoire." });
    errors.push(...autorisationErrors(record));
    if (record.agrement && !errors.length) {
      const agrement = await findWith('api::agrement.agrement', record.agrement, ['centre', 'titre']);
      if (refOf(agrement, 'centre') !== record.centre || refOf(agrement, 'titre') !== record.titre) {
        errors.push({ field: 'agrement', message: "L'agrément indiqué ne porte pas sur ce centre et ce titre." });
      }
    }
    return errors;
  },
};
