/**
 * Equivalence and correspondence requests (newsletter v1.6, one procedure for every kind; validity v1.8):
 * a request names a rule, the CCPs concerned and its supporting documents; the UD grants or refuses it
 * (with a reason). A rule carries valid-from / valid-to: a request outside them is refused, saying so.
 */
import { dateFr } from './texte';
import type { FieldError } from './identite';

export const TYPES_EQUIVALENCE = ['EXTERNE', 'CCP_COMMUN', 'CORRESPONDANCE_VERSION', 'INTERNE'] as const;
export type TypeEquivalence = (typeof TYPES_EQUIVALENCE)[number];
export const SOUS_TYPES_INTERNE = ['MANDATES', 'MAITRE_APPRENTISSAGE_TUTEUR'] as const;
export const STATUTS_DEMANDE = ['DEPOSEE', 'ACCORDEE', 'REFUSEE'] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];

export const LIBELLES_TYPE: Record<TypeEquivalence, string> = {
  EXTERNE: 'équivalence externe (autre certification → CCP ou titre)',
  CCP_COMMUN: 'CCP commun à plusieurs titres',
  CORRESPONDANCE_VERSION: 'correspondance entre CCP de deux versions d’un titre',
  INTERNE: 'équivalence interne entre CCP distincts',
};

export interface Regle {
  id: string;
  libelle: string;
  type: TypeEquivalence;
  valideDu?: string | null;
  valideAu?: string | null;
  ccpsSource: string[];
  ccpsCible: string[];
}

export interface Demande {
  type?: TypeEquivalence | null;
  sousType?: string | null;
  regle?: string | null;
  dateDemande?: string | null;
  certificationExterne?: string | null;
  ccpsSource?: string[];
  ccpsCible?: string[];
  statut?: StatutDemande | null;
  motifDecision?: string | null;
}

export function regleValide(regle: Pick<Regle, 'valideDu' | 'valideAu'>, date: string): boolean {
  return (!regle.valideDu || date >= regle.valideDu) && (!regle.valideAu || date <= regle.valideAu);
}

export function periodeValidite(regle: Pick<Regle, 'valideDu' | 'valideAu'>): string {
  if (regle.valideDu && regle.valideAu) return `du ${dateFr(regle.valideDu)} au ${dateFr(regle.valideAu)}`;
  if (regle.valideDu) return `à partir du ${dateFr(regle.valideDu)}`;
  if (regle.valideAu) return `jusqu’au ${dateFr(regle.valideAu)}`;
  return 'sans limite';
}

export function messageHorsValidite(regle: Pick<Regle, 'libelle' | 'valideDu' | 'valideAu'>, date: string): string {
  return `Demande hors de la période de validité de la règle « ${regle.libelle} » : valable ${periodeValidite(regle)}, demande du ${dateFr(date)}.`;
}

/** A rule's own consistency (regle-equivalence record). */
export function verifierRegle(regle: Partial<Regle>): FieldError[] {
  const errors: FieldError[] = [];
  if (regle.valideDu && regle.valideAu && regle.valideAu < regle.valideDu) {
    errors.push({ field: 'valideAu', message: 'La fin de validité de la règle précède son début.' });
  }
  if (regle.type && regle.type !== 'EXTERNE' && !(regle.ccpsSource ?? []).length) {
    errors.push({ field: 'ccpsSource', message: `Une règle « ${LIBELLES_TYPE[regle.type]} » précise le ou les CCP source.` });
  }
  return errors;
}

/** A request as submitted: type-specific fields, rule type and validity, CCPs within the rule. */
export function verifierDemande(demande: Demande, regle: Regle | null, aujourdhui: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = demande.type;
  if (!type) return [{ field: 'type', message: 'Le type de demande est obligatoire.' }];
  if (type === 'INTERNE' && !SOUS_TYPES_INTERNE.includes(demande.sousType as never)) {
    errors.push({ field: 'sousType', message: 'Précisez la certification concernée : mandatés ou maître d’apprentissage / tuteur.' });
  }
  if (type !== 'INTERNE' && demande.sousType) {
    errors.push({ field: 'sousType', message: 'Le sous-type ne concerne que les équivalences internes.' });
  }
  if (type === 'EXTERNE' && !demande.certificationExterne?.trim()) {
    errors.push({ field: 'certificationExterne', message: 'Indiquez la certification détenue par le candidat (équivalence externe).' });
  }
  if (type !== 'EXTERNE' && !(demande.ccpsSource ?? []).length) {
    errors.push({ field: 'ccpsSource', message: 'Sélectionnez le ou les CCP détenus par le candidat qui fondent la demande.' });
  }
  if (!(demande.ccpsCible ?? []).length) {
    errors.push({ field: 'ccpsCible', message: 'Sélectionnez le ou les CCP demandés.' });
  }
  const date = demande.dateDemande ?? aujourdhui;
  if (date > aujourdhui) errors.push({ field: 'dateDemande', message: 'La date de la demande ne peut pas être dans le futur.' });
  if (!regle) {
    errors.push({ field: 'regle', message: 'Choisissez la règle d’équivalence ou de correspondance appliquée.' });
    return errors;
  }
  if (regle.type !== type) {
    errors.push({ field: 'regle', message: `La règle « ${regle.libelle} » est une ${LIBELLES_TYPE[regle.type]}, pas une ${LIBELLES_TYPE[type]}.` });
  }
  if (!regleValide(regle, date)) errors.push({ field: 'regle', message: messageHorsValidite(regle, date) });
  const horsRegle = (demande.ccpsCible ?? []).filter((c) => regle.ccpsCible.length && !regle.ccpsCible.includes(c));
  if (horsRegle.length) errors.push({ field: 'ccpsCible', message: `Ce ou ces CCP ne sont pas accordés par la règle « ${regle.libelle} ».` });
  const sourcesHorsRegle = (demande.ccpsSource ?? []).filter((c) => regle.ccpsSource.length && !regle.ccpsSource.includes(c));
  if (sourcesHorsRegle.length) errors.push({ field: 'ccpsSource', message: `Ce ou ces CCP source ne sont pas prévus par la règle « ${regle.libelle} ».` });
  return errors;
}

export type Decision = { decision: 'ACCORD' } | { decision: 'REFUS'; motif: string };

/**
 * The UD's decision on a submitted request. An accord is refused outside the rule's validity and when
 * the candidate does not hold the source CCPs (at the decision date); a refusal needs a reason.
 * Returns the error message, or null when the decision may be recorded.
 */
export function verifierDecision(
  demande: Demande,
  regle: Regle | null,
  decision: Decision,
  ccpsDetenus: Set<string>,
  aujourdhui: string,
): FieldError | null {
  if (demande.statut !== 'DEPOSEE') return { field: 'statut', message: `Cette demande est déjà ${demande.statut === 'ACCORDEE' ? 'accordée' : 'refusée'} : la décision ne se modifie pas.` };
  if (decision.decision === 'REFUS') {
    return decision.motif?.trim() ? null : { field: 'motif', message: 'Le motif du refus est obligatoire.' };
  }
  if (!regle) return { field: 'regle', message: 'La demande ne désigne pas de règle : elle ne peut pas être accordée.' };
  const date = demande.dateDemande ?? aujourdhui;
  if (!regleValide(regle, date)) return { field: 'regle', message: messageHorsValidite(regle, date) };
  const manquants = (demande.ccpsSource ?? []).filter((c) => !ccpsDetenus.has(c));
  if (manquants.length) return { field: 'ccpsSource', message: 'Le candidat ne détient pas (ou plus) le ou les CCP source de la demande : accord impossible.' };
  return null;
}
