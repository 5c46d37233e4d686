import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { periodeTerritory } from '../habilitation/territory';

/** A juror's periods in the trade, from which the jurys plugin computes seniority. */
export const periodeExperienceResource: ResourceDefinition = {
  name: 'periodes-experience',
  uid: 'api::periode-experience.periode-experience',
  label: "la période d'expérience",
  filters: { jure: {}, dateDebut: {}, dateFin: {} },
  sort: ['dateDebut', 'dateFin', 'employeur'],
  defaultSort: ['dateDebut', 'DESC'],
  territory: periodeTerritory,
  validate(record, context) {
    const errors: FieldError[] = [];
    if (!record.jure) errors.push({ field: 'jure', message: 'Le juré de la période est obligatoire.' });
    if (context.mode === 'update' && context.previous && record.jure !== context.previous.jure) {
      errors.push({ field: 'jure', message: "Une période d'expérience ne change pas de juré." });
    }
    if (typeof record.dateFin === 'string' && typeof record.dateDebut === 'string' && record.dateFin < record.dateDebut) {
      errors.push({ field: 'dateFin', message: 'La date de fin de la période précède sa date de début.' });
    }
    if (typeof record.dateDebut === 'string' && record.dateDebut > new Date().toISOString().slice(0, 10)) {
      errors.push({ field: 'dateDebut', message: "Une période d'expérience ne peut pas commencer dans le futur." });
    }
    return errors;
  },
};
