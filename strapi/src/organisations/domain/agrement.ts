/**
 * Agrément of a centre for a titre (or a CCS) on a site: its life cycle and its date rules.
 * The centre requests (statut DEMANDE at creation), the DREETS of the centre's région decides.
 * Pure: no Strapi, no database. Dates are ISO strings (AAAA-MM-JJ).
 */
import { dateFr } from '@ceres/plugin-bridge/runtime';

export const STATUTS_AGREMENT = ['DEMANDE', 'ACCORDE', 'REFUSE', 'RETIRE', 'EXPIRE'] as const;
export type StatutAgrement = (typeof STATUTS_AGREMENT)[number];

export const LIBELLES_STATUT_AGREMENT: Record<StatutAgrement, string> = {
  DEMANDE: 'Demandé',
  ACCORDE: 'Accordé',
  REFUSE: 'Refusé',
  RETIRE: 'Retiré',
  EXPIRE: 'Expiré',
};

export type ActionAgrement = 'accorder' | 'refuser' | 'retirer' | 'expirer';

interface Transition {
  from: StatutAgrement[];
  to: StatutAgrement;
  /** the decision needs a written reason (refusal, withdrawal) */
  motifRequis: boolean;
  /** the message shown once done: one per action (v1.7 showed the wrong one when validating) */
  succes: string;
  /** why the action is impossible from another statut */
  impossible: (statut: StatutAgrement) => string;
}

const statutLabel = (statut: StatutAgrement) => LIBELLES_STATUT_AGREMENT[statut].toLowerCase();

export const TRANSITIONS_AGREMENT: Record<ActionAgrement, Transition> = {
  accorder: {
    from: ['DEMANDE'],
    to: 'ACCORDE',
    motifRequis: false,
    succes: 'Agrément accordé.',
    impossible: (s) => `Seule une demande d'agrément peut être accordée : cet agrément est ${statutLabel(s)}.`,
  },
  refuser: {
    from: ['DEMANDE'],
    to: 'REFUSE',
    motifRequis: true,
    succes: "Demande d'agrément refusée.",
    impossible: (s) => `Seule une demande d'agrément peut être refusée : cet agrément est ${statutLabel(s)}.`,
  },
  retirer: {
    from: ['ACCORDE'],
    to: 'RETIRE',
    motifRequis: true,
    succes: 'Agrément retiré.',
    impossible: (s) => `Seul un agrément accordé peut être retiré : cet agrément est ${statutLabel(s)}.`,
  },
  expirer: {
    from: ['ACCORDE'],
    to: 'EXPIRE',
    motifRequis: false,
    succes: 'Agrément passé à l’état expiré.',
    impossible: (s) => `Seul un agrément accordé peut expirer : cet agrément est ${statutLabel(s)}.`,
  },
};

export const isActionAgrement = (name: string): name is ActionAgrement => Object.prototype.hasOwnProperty.call(TRANSITIONS_AGREMENT, name);

export interface AgrementState {
  statut: StatutAgrement;
  dateDebut?: string | null;
  dateFin?: string | null;
}

export interface DecisionInput {
  motif?: unknown;
  dateDecision?: unknown;
}

export type DecisionResult =
  | { ok: true; changes: { statut: StatutAgrement; dateDecision: string; motifDecision: string | null }; message: string }
  | { ok: false; status: 400 | 409; field?: string; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value;

/** The decision an action makes on an agrément, or why it cannot be made (409: wrong statut, 400: bad input). */
export function decide(agrement: AgrementState, action: ActionAgrement, input: DecisionInput, today: string): DecisionResult {
  const transition = TRANSITIONS_AGREMENT[action];
  if (!transition.from.includes(agrement.statut)) return { ok: false, status: 409, field: 'statut', message: transition.impossible(agrement.statut) };
  const motif = typeof input.motif === 'string' ? input.motif.trim() : '';
  if (input.motif !== undefined && input.motif !== null && typeof input.motif !== 'string') {
    return { ok: false, status: 400, field: 'motif', message: 'Le motif doit être un texte.' };
  }
  if (transition.motifRequis && !motif) return { ok: false, status: 400, field: 'motif', message: `Le motif est obligatoire pour ${action === 'refuser' ? 'refuser une demande' : 'retirer un agrément'}.` };
  if (motif.length > 2000) return { ok: false, status: 400, field: 'motif', message: 'Le motif est trop long (2000 caractères au plus).' };
  let dateDecision = today;
  if (input.dateDecision !== undefined && input.dateDecision !== null && input.dateDecision !== '') {
    if (!isIsoDate(input.dateDecision)) return { ok: false, status: 400, field: 'dateDecision', message: 'La date de décision doit être une date (AAAA-MM-JJ).' };
    if (input.dateDecision > today) return { ok: false, status: 400, field: 'dateDecision', message: 'La date de décision ne peut pas être dans le futur.' };
    dateDecision = input.dateDecision;
  }
  if (action === 'accorder' && (!agrement.dateDebut || !agrement.dateFin)) {
    return { ok: false, status: 400, field: agrement.dateDebut ? 'dateFin' : 'dateDebut', message: "Les dates de début et de fin de l'agrément doivent être renseignées avant de l'accorder." };
  }
  if (action === 'expirer' && (!agrement.dateFin || agrement.dateFin >= today)) {
    return { ok: false, status: 409, field: 'dateFin', message: "Cet agrément n'est pas arrivé à échéance : il ne peut pas encore expirer." };
  }
  return { ok: true, changes: { statut: transition.to, dateDecision, motifDecision: motif || null }, message: transition.succes };
}

/** Agrément and habilitation end no later than the title's end of validity plus its prolongation (1 year). */
export const PROLONGATION_MOIS = 12;

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export interface Certification {
  /** "TP-01280 Développeur web" — for messages */
  libelle: string;
  dateFinValidite?: string | null;
  dateFinProlongation?: string | null;
}

/** The last day an agrément on this certification may run to, or null when the certification has no end. */
export function finMaximale(certification: Certification): string | null {
  if (certification.dateFinProlongation) return certification.dateFinProlongation;
  if (certification.dateFinValidite) return addMonths(certification.dateFinValidite, PROLONGATION_MOIS);
  return null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Period of an agrément: start before end, end no later than the certification's end + prolongation. */
export function periodeErrors(record: { dateDebut?: unknown; dateFin?: unknown }, certification: Certification | null): FieldError[] {
  const errors: FieldError[] = [];
  const { dateDebut, dateFin } = record;
  if (isIsoDate(dateDebut) && isIsoDate(dateFin) && dateFin < dateDebut) {
    errors.push({ field: 'dateFin', message: 'La date de fin doit être postérieure ou égale à la date de début.' });
  }
  const limite = certification ? finMaximale(certification) : null;
  if (limite && isIsoDate(dateFin) && dateFin > limite) {
    errors.push({
      field: 'dateFin',
      message: `La date de fin (${dateFr(dateFin)}) dépasse la fin de validité de ${certification!.libelle} prolongation comprise (${dateFr(limite)}).`,
    });
  }
  return errors;
}

/** A temporary authorisation is time-boxed: a start, an end, at most this many months apart. */
export const AUTORISATION_TEMPORAIRE_DUREE_MAX_MOIS = 12;

export function autorisationErrors(record: { dateDebut?: unknown; dateFin?: unknown; motif?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  const { dateDebut, dateFin } = record;
  if (isIsoDate(dateDebut) && isIsoDate(dateFin)) {
    if (dateFin < dateDebut) errors.push({ field: 'dateFin', message: 'La date de fin doit être postérieure ou égale à la date de début.' });
    else if (dateFin > addMonths(dateDebut, AUTORISATION_TEMPORAIRE_DUREE_MAX_MOIS)) {
      errors.push({ field: 'dateFin', message: `Une autorisation temporaire dure au plus ${AUTORISATION_TEMPORAIRE_DUREE_MAX_MOIS} mois.` });
    }
  }
  if (typeof record.motif === 'string' && !record.motif.trim()) errors.push({ field: 'motif', message: 'Le motif est obligatoire.' });
  return errors;
}

/** Does a temporary authorisation apply on a given day? */
export const autorisationEnCours = (autorisation: { dateDebut: string; dateFin: string }, jour: string) =>
  autorisation.dateDebut <= jour && jour <= autorisation.dateFin;
