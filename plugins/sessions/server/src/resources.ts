/**
 * The bridge declarations of the session family: sessions, inscriptions, membres-jury. Their rows are
 * those of the centres the user reaches (centre users: their centres; UD: the centres of their
 * départements; DREETS: of their région; Nouvelle-Calédonie: département 988).
 */
import type { FieldError, ResourceDefinition, Territory } from '@ceres/plugin-bridge/runtime';
import { changedFields, editViolations } from './domain/edit-rules';
import { REGISTRATION_OPEN_STATES, STATE_LABELS, type SessionType, type State } from './domain/states';
import { couvertureErrors, type CouvertureFacts } from './domain/couverture';
import type { CouvertureIds } from './services/store';

/** SQL selecting the ids of the sessions a territory reaches (null: every session). */
export function sessionIdsSql(territory: Territory): { sql: string; bindings: unknown[] } | null | 'none' {
  switch (territory.kind) {
    case 'national':
      return null;
    case 'centres':
      return { sql: 'SELECT l.session_id FROM sessions_centre_lnk l WHERE l.centre_id = ANY(?)', bindings: [territory.centreIds] };
    case 'departements':
      return {
        sql: `SELECT l.session_id FROM sessions_centre_lnk l
                JOIN centres_departement_lnk cd ON cd.centre_id = l.centre_id
                JOIN departements d ON d.id = cd.departement_id
               WHERE d.code = ANY(?)`,
        bindings: [territory.codes],
      };
    case 'regions':
      // the centre's région, or the région of its département when the former is not filled in
      return {
        sql: `SELECT l.session_id FROM sessions_centre_lnk l
                JOIN centres_region_lnk cr ON cr.centre_id = l.centre_id
                JOIN regions r ON r.id = cr.region_id
               WHERE r.code = ANY(?)
              UNION
              SELECT l.session_id FROM sessions_centre_lnk l
                JOIN centres_departement_lnk cd ON cd.centre_id = l.centre_id
                JOIN departements_region_lnk dr ON dr.departement_id = cd.departement_id
                JOIN regions r ON r.id = dr.region_id
               WHERE r.code = ANY(?)`,
        bindings: [territory.codes, territory.codes],
      };
    default:
      return 'none';
  }
}

const through = (linkSql: string) => (territory: Territory) => {
  const sessions = sessionIdsSql(territory);
  if (sessions === null) return 'all' as const;
  if (sessions === 'none') return 'none' as const;
  return { sql: linkSql.replace('%SESSIONS%', sessions.sql), bindings: sessions.bindings };
};

const WORKFLOW_FIELDS = [
  'numero',
  'statut',
  'departement',
  'commentaireDte',
  'dateDeclaration',
  'dateValidation',
  'dateCommandeDte',
  'dateExpeditionDte',
  'dateConvocations',
  'dateFinalisation',
  'dateTransmission',
  'dateValidationResultats',
  'dateCloture',
  'pvNumero',
  'pv',
  'motifAnnulation',
  'dateAnnulation',
  'statutAvantAnnulation',
  'motifDeverrouillage',
  'dateDeverrouillage',
  'entretienFinalDeverrouillage',
  'nbDeverrouillages',
];

/** reads the facts of the coverage rule (services/store.ts); null when the organisations module is absent */
export type CouvertureReader = (ids: CouvertureIds) => Promise<CouvertureFacts | null>;

const ref = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** the chosen site / agrément / authorisation are checked whenever one of them or the session's identity changes */
async function couvertureFieldErrors(record: Record<string, unknown>, lire: CouvertureReader): Promise<FieldError[]> {
  if (!ref(record.site) && !ref(record.agrement) && !ref(record.autorisationTemporaire)) return [];
  if (typeof record.dateDebut !== 'string' || typeof record.dateFin !== 'string') return [];
  const facts = await lire({
    type: record.type as SessionType,
    centre: ref(record.centre),
    titre: ref(record.titre),
    ccs: ref(record.ccs),
    dateDebut: record.dateDebut,
    dateFin: record.dateFin,
    site: ref(record.site),
    agrement: ref(record.agrement),
    autorisationTemporaire: ref(record.autorisationTemporaire),
  });
  return facts ? couvertureErrors(facts, false) : [];
}

export const createSessionResource = (lire: CouvertureReader): ResourceDefinition => ({
  ...sessionResource,
  relations: [...(sessionResource.relations ?? []), 'site', 'agrement', 'autorisationTemporaire'],
  filters: { ...sessionResource.filters, site: {}, agrement: {} },
  validate: async (record, context) => [...(await sessionResource.validate!(record, context)), ...(await couvertureFieldErrors(record, lire))],
});

const sessionResource: ResourceDefinition = {
  name: 'sessions',
  uid: 'api::session.session',
  label: 'la session',
  search: ['numero', 'responsableSession', 'lieu'],
  filters: { statut: {}, type: {}, centre: {}, titre: {}, departement: {}, dateDebut: {}, dateFin: {}, numero: {} },
  sort: ['numero', 'dateDebut', 'dateFin', 'statut', 'type', 'createdAt', 'updatedAt'],
  defaultSort: ['dateDebut', 'DESC'],
  readOnly: WORKFLOW_FIELDS,
  relations: ['centre', 'departement', 'titre', 'ccs', 'ccps'],
  territory: (territory) => {
    const sessions = sessionIdsSql(territory);
    if (sessions === null) return 'all';
    if (sessions === 'none') return 'none';
    return { sql: `id IN (${sessions.sql})`, bindings: sessions.bindings };
  },
  validate: (record, context) => {
    const errors: FieldError[] = [];
    if (typeof record.dateDebut === 'string' && typeof record.dateFin === 'string' && record.dateFin < record.dateDebut) {
      errors.push({ field: 'dateFin', message: 'La date de fin de la session précède sa date de début.' });
    }
    if (record.type === 'CCS' && Array.isArray(record.ccps) && record.ccps.length) {
      errors.push({ field: 'ccps', message: 'Une session CCS ne vise pas de CCP.' });
    }
    if (record.type === 'TITRE' && record.ccs) errors.push({ field: 'ccs', message: 'Une session titre ne vise pas de CCS.' });
    if (context.mode === 'update' && context.previous) {
      errors.push(...editViolations(context.previous.statut as State, changedFields(context.previous, record)));
    }
    return errors;
  },
};

export const inscriptionResource: ResourceDefinition = {
  name: 'inscriptions',
  uid: 'api::inscription.inscription',
  label: "l'inscription",
  filters: { session: {}, candidat: {}, statut: {}, presence: {}, decision: {}, voieAcces: {} },
  sort: ['dateInscription', 'statut', 'presence', 'decision', 'createdAt'],
  defaultSort: ['createdAt', 'ASC'],
  // registration, unregistration and results go through the session's actions
  readOnly: ['session', 'candidat', 'statut', 'dateInscription', 'dateDesinscription', 'motifDesinscription', 'dateConvocation', 'presence', 'justificatifAbsence', 'pieceAbsence', 'resultatsCcp', 'entretienFinal', 'decision', 'historiqueResultats'],
  territory: through('id IN (SELECT il.inscription_id FROM inscriptions_session_lnk il WHERE il.session_id IN (%SESSIONS%))'),
  validate: async (record, context) => {
    if (context.mode !== 'update' || typeof record.session !== 'string') return [];
    const session = await context.lookup('sessions', record.session);
    const statut = session?.statut as State | undefined;
    if (statut && !REGISTRATION_OPEN_STATES.includes(statut)) {
      return [{ field: 'voieAcces', message: `L'inscription ne se modifie plus : la session est « ${STATE_LABELS[statut]} ».` }];
    }
    return [];
  },
};

export const membreJuryResource: ResourceDefinition = {
  name: 'membres-jury',
  uid: 'api::membre-jury.membre-jury',
  label: 'le membre du jury',
  filters: { session: {}, jure: {}, present: {}, lienSignale: {} },
  sort: ['dateAjout', 'createdAt'],
  defaultSort: ['createdAt', 'ASC'],
  readOnlyResource: true,
  territory: through('id IN (SELECT ml.membre_jury_id FROM membres_jury_session_lnk ml WHERE ml.session_id IN (%SESSIONS%))'),
};
