import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCentre } from '../../organisations/territory';
import { periodeErrors, LIBELLES_STATUT_AGREMENT, type StatutAgrement } from '../../organisations/domain/agrement';
import { findWith, refOf } from '../../organisations/lookup';
import { certificationOf, parentAgrementError } from '../../organisations/agrement-rules';

export const agrementResource: ResourceDefinition = {
  name: 'agrements',
  uid: 'api::agrement.agrement',
  label: "l'agrément",
  filters: { centre: {}, site: {}, titre: {}, ccs: {}, statut: {}, dateDebut: {}, dateFin: {}, dateDecision: {}, prolongation: {} },
  sort: ['dateDebut', 'dateFin', 'statut', 'dateDecision', 'dateDemande', 'createdAt'],
  defaultSort: ['dateDebut', 'DESC'],
  // the statut and the decision belong to the workflow (POST /api/ra/agrements/:id/accorder …)
  readOnly: ['statut', 'dateDecision', 'motifDecision', 'dateDemande'],
  territory: territoryViaCentre('api::agrement.agrement'),
  async validate(record, { mode, previous }) {
    const errors: FieldError[] = [];
    if (mode === 'update' && previous?.statut !== 'DEMANDE') {
      const statut = LIBELLES_STATUT_AGREMENT[previous?.statut as StatutAgrement]?.toLowerCase() ?? String(previous?.statut);
      return [{ field: 'statut', message: `Cet agrément est ${statut} : il ne se modifie plus, seule une décision de la DREETS le fait évoluer.` }];
    }
    if (!record.centre) errors.push({ field: 'centre', message: "Le centre de l'agrément est obligatoire." });
    if (!record.site) errors.push({ field: 'site', message: "Le site (plateau technique) de l'agrément est obligatoire." });
    if (!record.titre === !record.ccs) errors.push({ field: 'titre', message: 'Un agrément porte soit sur un titre, soit sur un CCS (un seul des deux).' });
    if (errors.length) return errors;
    // an update is judged on what it changes: a comment must not be refused because the title was shortened since
    const changed = (...fields: string[]) => mode === 'create' || fields.some((f) => previous?.[f] !== record[f]);
    if (changed('site', 'centre')) {
      const site = await findWith('api::site.site', record.site, ['centre']);
      if (refOf(site, 'centre') !== record.centre) errors.push({ field: 'site', message: "Ce site n'appartient pas au centre choisi." });
    }
    if (changed('dateDebut', 'dateFin', 'titre', 'ccs')) errors.push(...periodeErrors(record, await certificationOf(record)));
    if (record.ccs && changed('ccs', 'centre')) {
      const parent = await parentAgrementError(record.centre as string, record.ccs as string);
      if (parent) errors.push({ field: 'ccs', message: parent });
    }
    return errors;
  },
};
