/**
 * The habilitation of a juror on a title or on a CCS (v1.7.1): its states, the actions a DDETS/UD may
 * take, and the guards. Granted by a UD, valid nationally, never beyond the end of validity of what it
 * targets. Inactive habilitations on a closed title (v1.7.1) may only be viewed, closed, or renewed onto
 * the successor title; nothing creates or reactivates an active habilitation on a closed title.
 *
 *   (accorder) ─► ACTIVE ─suspendre─► SUSPENDUE ─reactiver─► ACTIVE
 *                 ACTIVE | SUSPENDUE ─retirer─► RETIREE
 *                 ACTIVE | SUSPENDUE ─(end date passed / title closed: nightly sweep)─► EXPIREE
 *                 any but CLOSE ─renouveler─► CLOSE, plus a new ACTIVE one (same title, or its successor)
 *                 SUSPENDUE | EXPIREE | RETIREE ─clore─► CLOSE (terminal, kept for the record)
 */
import { formatDate, isIsoDate } from './dates';

export const STATUTS = ['ACTIVE', 'SUSPENDUE', 'EXPIREE', 'RETIREE', 'CLOSE'] as const;
export type StatutHabilitation = (typeof STATUTS)[number];

export const STATUT_LABELS: Record<StatutHabilitation, string> = {
  ACTIVE: 'active',
  SUSPENDUE: 'suspendue',
  EXPIREE: 'expirée',
  RETIREE: 'retirée',
  CLOSE: 'close',
};

/** workflow actions on an existing habilitation (accorder creates one: it is an action on the juror) */
export const ACTIONS = ['suspendre', 'reactiver', 'retirer', 'renouveler', 'clore'] as const;
export type ActionHabilitation = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<ActionHabilitation | 'accorder', string> = {
  accorder: 'accorder',
  suspendre: 'suspendre',
  reactiver: 'réactiver',
  retirer: 'retirer',
  renouveler: 'renouveler',
  clore: 'clore',
};

/** what a habilitation targets: a title, or a CCS (whose parent title counts too) */
export interface Cible {
  nature: 'titre' | 'ccs';
  /** e.g. "TP-01280 (2023) Développeur web et web mobile" */
  libelle: string;
  /** title status (ACTIF, EN_PROLONGATION, CLOTURE, REMPLACE); CCS have none */
  statut?: string | null;
  dateFinValidite?: string | null;
  parent?: Cible | null;
}

const STATUTS_TITRE_CLOS = ['CLOTURE', 'REMPLACE'];

/** A title is closed once its status says so or its end of validity has passed; a CCS also when its title is. */
export function cibleClose(cible: Cible, aujourdhui: string): boolean {
  if (cible.statut && STATUTS_TITRE_CLOS.includes(cible.statut)) return true;
  if (cible.dateFinValidite && cible.dateFinValidite < aujourdhui) return true;
  return cible.parent ? cibleClose(cible.parent, aujourdhui) : false;
}

/** the last day a habilitation on this target may run: the earliest end of validity up the chain */
export function finValidite(cible: Cible): string | null {
  const own = cible.dateFinValidite ?? null;
  const parent = cible.parent ? finValidite(cible.parent) : null;
  if (own && parent) return own < parent ? own : parent;
  return own ?? parent;
}

export interface EtatHabilitation {
  statut: StatutHabilitation;
  dateDebut: string;
  dateFin: string;
}

export interface ContexteCible {
  cibleClose: boolean;
  /** an open successor title exists to renew onto */
  successeurOuvert: boolean;
}

/** The actions that make sense for this habilitation now (the UI offers these, the server allows only these). */
export function actionsPossibles(h: EtatHabilitation, ctx: ContexteCible, aujourdhui: string): ActionHabilitation[] {
  if (h.statut === 'CLOSE') return [];
  if (ctx.cibleClose) {
    // v1.7.1: on a closed title, only view, close, or renew onto the successor title
    const actions: ActionHabilitation[] = [];
    if (ctx.successeurOuvert) actions.push('renouveler');
    actions.push('clore');
    return actions;
  }
  switch (h.statut) {
    case 'ACTIVE':
      return ['suspendre', 'retirer', 'renouveler'];
    case 'SUSPENDUE':
      return h.dateFin >= aujourdhui ? ['reactiver', 'retirer', 'renouveler', 'clore'] : ['retirer', 'renouveler', 'clore'];
    case 'EXPIREE':
    case 'RETIREE':
      return ['renouveler', 'clore'];
  }
}

/** the state an action leads the habilitation it is applied to */
export const STATUT_APRES: Record<ActionHabilitation, StatutHabilitation> = {
  suspendre: 'SUSPENDUE',
  reactiver: 'ACTIVE',
  retirer: 'RETIREE',
  renouveler: 'CLOSE',
  clore: 'CLOSE',
};

/** null when allowed, else the French reason */
export function refusAction(action: ActionHabilitation, h: EtatHabilitation, cible: Cible, ctx: ContexteCible, aujourdhui: string): string | null {
  if (actionsPossibles(h, ctx, aujourdhui).includes(action)) return null;
  const label = ACTION_LABELS[action];
  if (h.statut === 'CLOSE') return `Impossible de ${label} cette habilitation : elle est close.`;
  if (ctx.cibleClose) {
    if (action === 'renouveler') return `Impossible de renouveler cette habilitation : ${cible.nature === 'ccs' ? 'le CCS' : 'le titre'} ${cible.libelle} est clôturé et n'a pas de titre successeur en vigueur. Vous pouvez la clore.`;
    return `Impossible de ${label} cette habilitation : ${cible.nature === 'ccs' ? 'le CCS' : 'le titre'} ${cible.libelle} est clôturé. Seuls la consultation, la clôture et le renouvellement sur le titre successeur sont possibles.`;
  }
  if (action === 'reactiver' && h.statut === 'SUSPENDUE') return `Impossible de réactiver cette habilitation : sa date de fin (${formatDate(h.dateFin)}) est passée. Renouvelez-la.`;
  return `Impossible de ${label} une habilitation ${STATUT_LABELS[h.statut]}.`;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Dates of an ACTIVE habilitation about to be created (accorder, renouveler): start before end, end no
 * later than the target's end of validity, and never on a closed target.
 */
export function erreursPeriode(periode: { dateDebut: unknown; dateFin: unknown }, cible: Cible, aujourdhui: string): FieldError[] {
  const errors: FieldError[] = [];
  const quoi = cible.nature === 'ccs' ? 'le CCS' : 'le titre';
  if (cibleClose(cible, aujourdhui)) {
    errors.push({ field: cible.nature, message: `${quoi.charAt(0).toUpperCase()}${quoi.slice(1)} ${cible.libelle} est clôturé : aucune habilitation active ne peut y être accordée.` });
    return errors;
  }
  if (!isIsoDate(periode.dateDebut)) errors.push({ field: 'dateDebut', message: 'La date de début est obligatoire (AAAA-MM-JJ).' });
  if (!isIsoDate(periode.dateFin)) errors.push({ field: 'dateFin', message: `La date de fin est obligatoire (AAAA-MM-JJ)${finValidite(cible) ? '' : ` : ${quoi} n'a pas de date de fin de validité`}.` });
  if (errors.length) return errors;
  const debut = periode.dateDebut as string;
  const fin = periode.dateFin as string;
  if (fin < debut) errors.push({ field: 'dateFin', message: `La date de fin (${formatDate(fin)}) précède la date de début (${formatDate(debut)}).` });
  const limite = finValidite(cible);
  if (limite && fin > limite) {
    errors.push({ field: 'dateFin', message: `La date de fin (${formatDate(fin)}) dépasse la fin de validité ${cible.nature === 'ccs' ? 'du CCS' : 'du titre'} ${cible.libelle} (${formatDate(limite)}).` });
  }
  if (fin < aujourdhui) errors.push({ field: 'dateFin', message: `La date de fin (${formatDate(fin)}) est déjà passée.` });
  return errors;
}

/** The nightly sweep: an active or suspended habilitation past its end, or on a closed target, expires. */
export function doitExpirer(h: EtatHabilitation, cibleEstClose: boolean, aujourdhui: string): boolean {
  return (h.statut === 'ACTIVE' || h.statut === 'SUSPENDUE') && (h.dateFin < aujourdhui || cibleEstClose);
}

/** A juror is habilitated for a session when one of their habilitations is ACTIVE over the whole period. */
export function couvrePeriode(h: EtatHabilitation, du: string, au: string): boolean {
  return h.statut === 'ACTIVE' && h.dateDebut <= du && h.dateFin >= au;
}

export interface EntreeHistorique {
  /** ISO date-time */
  le: string;
  action: ActionHabilitation | 'accorder' | 'expirer';
  de: StatutHabilitation | null;
  vers: StatutHabilitation;
  par: string;
  motif?: string;
  anciennete?: string;
  /** documentId of the habilitation created by a renewal, or renewed by this one */
  lien?: string;
}
