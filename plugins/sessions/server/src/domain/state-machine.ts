/**
 * THE session state machine: one declarative table (action × from-states × profiles → to-state) plus
 * the guards (named rules) each action checks on the facts the service gathered. Pure.
 *
 * decide() answers, in this order: 409 when the session's state does not allow the action, 403 when it
 * does for other profiles but not this one, 422 when a rule blocks it, otherwise the next state.
 */
import type { Profile } from '@ceres/plugin-bridge';
import type { SessionSettings } from './settings';
import { couvertureErrors, type CouvertureFacts } from './couverture';
import {
  addDays,
  addMonths,
  daysBetween,
  frenchDate,
  REGISTRATION_OPEN_STATES,
  RESULTS_ENTRY_STATES,
  RESULTS_TRANSMITTED_STATES,
  RESULTS_VALIDATED_STATES,
  STATE_LABELS,
  type SessionType,
  type State,
} from './states';

export const ACTIONS = [
  'declarer',
  'renvoyer',
  'valider',
  'commanderDte',
  'expedierDte',
  'envoyerConvocations',
  'enregistrerResultats',
  'finaliser',
  'reprendreSaisie',
  'transmettre',
  'validerResultats',
  'cloturer',
  'annuler',
  'deverrouiller',
  'inscrire',
  'desinscrire',
  'ajouterJure',
  'retirerJure',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/** French labels: buttons of the session page and the messages that name an action. */
export const ACTION_LABELS: Record<ActionName, string> = {
  declarer: 'Déclarer la session',
  renvoyer: 'Renvoyer en préparation',
  valider: 'Valider la session',
  commanderDte: 'Commander le DTE',
  expedierDte: 'Marquer le DTE expédié',
  envoyerConvocations: 'Envoyer les convocations',
  enregistrerResultats: 'Enregistrer les résultats',
  finaliser: 'Finaliser la session',
  reprendreSaisie: 'Reprendre la saisie',
  transmettre: 'Transmettre les résultats',
  validerResultats: 'Valider les résultats',
  cloturer: 'Clôturer la session',
  annuler: 'Annuler la session',
  deverrouiller: 'Déverrouiller la session',
  inscrire: 'Inscrire un candidat',
  desinscrire: 'Désinscrire un candidat',
  ajouterJure: 'Ajouter un juré',
  retirerJure: 'Retirer un juré',
};

export interface Transition {
  action: ActionName;
  from: readonly State[];
  /** null: the action works on the session's content and leaves its state unchanged */
  to: State | null;
  profiles: readonly Profile[];
}

// Nouvelle-Calédonie acts as UD and DREETS for its own territory (brief §3.6).
const UD: Profile[] = ['UD', 'NOUVELLE_CALEDONIE'];
const BEFORE_CONVOCATIONS = REGISTRATION_OPEN_STATES;
const BEFORE_RESULTS_VALIDATED: State[] = [
  'EN_PREPARATION',
  'DECLAREE',
  'VALIDEE',
  'DTE_COMMANDE',
  'DTE_EXPEDIE',
  'CONVOCATIONS_ENVOYEES',
  'RESULTATS_SAISIS',
  'FINALISEE',
  'RESULTATS_TRANSMIS',
];
const JURY_OPEN: State[] = BEFORE_RESULTS_VALIDATED.filter((s) => !RESULTS_TRANSMITTED_STATES.includes(s));

export const TRANSITIONS: readonly Transition[] = [
  { action: 'declarer', from: ['EN_PREPARATION'], to: 'DECLAREE', profiles: ['CENTRE'] },
  { action: 'renvoyer', from: ['DECLAREE'], to: 'EN_PREPARATION', profiles: UD },
  { action: 'valider', from: ['DECLAREE'], to: 'VALIDEE', profiles: UD },
  { action: 'commanderDte', from: ['VALIDEE'], to: 'DTE_COMMANDE', profiles: ['CENTRE'] },
  { action: 'expedierDte', from: ['DTE_COMMANDE'], to: 'DTE_EXPEDIE', profiles: ['AFPA'] },
  { action: 'envoyerConvocations', from: ['DTE_EXPEDIE'], to: 'CONVOCATIONS_ENVOYEES', profiles: ['CENTRE'] },
  { action: 'enregistrerResultats', from: ['CONVOCATIONS_ENVOYEES'], to: 'RESULTATS_SAISIS', profiles: ['CENTRE'] },
  { action: 'enregistrerResultats', from: ['RESULTATS_SAISIS', 'DEVERROUILLEE'], to: null, profiles: ['CENTRE'] },
  // v1.7 new finalisation workflow; an unlocked session is re-finalised
  { action: 'finaliser', from: ['RESULTATS_SAISIS', 'DEVERROUILLEE'], to: 'FINALISEE', profiles: ['CENTRE'] },
  { action: 'reprendreSaisie', from: ['FINALISEE'], to: 'RESULTATS_SAISIS', profiles: ['CENTRE'] },
  { action: 'transmettre', from: ['FINALISEE'], to: 'RESULTATS_TRANSMIS', profiles: ['CENTRE'] },
  { action: 'validerResultats', from: ['RESULTATS_TRANSMIS'], to: 'RESULTATS_VALIDES', profiles: UD },
  { action: 'cloturer', from: ['RESULTATS_VALIDES'], to: 'CLOTUREE', profiles: UD },
  // the centre cancels its own session until it has taken place; the UD until results are validated
  { action: 'annuler', from: BEFORE_CONVOCATIONS.concat('CONVOCATIONS_ENVOYEES'), to: 'ANNULEE', profiles: ['CENTRE'] },
  { action: 'annuler', from: BEFORE_RESULTS_VALIDATED, to: 'ANNULEE', profiles: UD },
  // v1.7 "profil DIRECCTE : déverrouillage des sessions"
  { action: 'deverrouiller', from: ['RESULTATS_VALIDES', 'CLOTUREE'], to: 'DEVERROUILLEE', profiles: ['UD', 'DREETS', 'NOUVELLE_CALEDONIE'] },
  { action: 'inscrire', from: BEFORE_CONVOCATIONS, to: null, profiles: ['CENTRE'] },
  { action: 'desinscrire', from: BEFORE_CONVOCATIONS, to: null, profiles: ['CENTRE'] },
  { action: 'ajouterJure', from: JURY_OPEN, to: null, profiles: ['CENTRE'] },
  { action: 'retirerJure', from: JURY_OPEN, to: null, profiles: ['CENTRE'] },
];

/** Actions each profile may ever take: the permission matrix rows of "sessions" derive from this. */
export function actionsOfProfile(profile: Profile): ActionName[] {
  return ACTIONS.filter((action) => TRANSITIONS.some((t) => t.action === action && t.profiles.includes(profile)));
}

/** What the gathered facts look like; the service fills only what the action's guards read. */
export interface SessionFacts {
  statut: State;
  type: SessionType;
  dateDebut: string;
  dateFin: string;
  centre: boolean;
  titre: boolean;
  nbCcps: number;
  ccs: boolean;
  responsableSession?: string | null;
  /** a file of the signed PV is attached (joindrePv) */
  pvJoint?: boolean | null;
  pvNumero?: string | null;
  /** the chosen site and agrément / temporary authorisation, as read now; null when the modules are not installed */
  couverture?: CouvertureFacts | null;
}

export type Presence = 'PRESENT' | 'ABSENT' | 'ABSENT_JUSTIFIE' | 'ABANDON';
export type ResultatCcp = 'ACQUIS' | 'NON_ACQUIS';
export type Decision = 'TITRE_OBTENU' | 'REUSSITE_PARTIELLE' | 'ECHEC' | 'ABSENT' | 'CCS_OBTENU' | 'CCS_NON_OBTENU';

export interface InscriptionFacts {
  candidat: string;
  statut: 'INSCRIT' | 'DESINSCRIT';
  presence?: Presence | null;
  resultatsCcp?: Record<string, ResultatCcp> | null;
  entretienFinal?: boolean | null;
  decision?: Decision | null;
}

export interface JuryFacts {
  jure: string;
  /** NOM Prénom, for the messages */
  nom?: string;
  present?: boolean | null;
  /** habilitation ACTIVE over the session dates, as read now (at finalisation: rechecked, not the value kept when the juror was added) */
  habilite: boolean;
}

export interface ActionFacts {
  today: string;
  settings: SessionSettings;
  session: SessionFacts;
  inscriptions?: InscriptionFacts[];
  jury?: JuryFacts[];
  /** ids of the CCPs evaluated in this session (all the title's CCPs for a session titre) */
  ccpsEvalues?: string[];
  input?: Record<string, unknown>;
}

export interface Violation {
  status: 403 | 409 | 422;
  rule: string;
  message: string;
  field?: string;
}

export type Decided = { ok: true; to: State; transition: Transition } | { ok: false; violations: Violation[] };

type Guard = (facts: ActionFacts) => Violation | null;

const rule = (ruleName: string, message: string, field?: string): Violation => ({ status: 422, rule: ruleName, message, ...(field ? { field } : {}) });
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const motifObligatoire = (what: string): Guard => (f) =>
  text(f.input?.motif).length >= 3 ? null : rule('MOTIF_OBLIGATOIRE', `Le motif ${what} est obligatoire (3 caractères au moins).`, 'motif');

const inscrits = (f: ActionFacts) => (f.inscriptions ?? []).filter((i) => i.statut === 'INSCRIT');

/** Guards per action, in the order their messages are worth reading. */
export const GUARDS: Partial<Record<ActionName, Guard[]>> = {
  declarer: [
    (f) => (f.session.centre ? null : rule('DONNEES_SESSION', 'Le centre organisateur est obligatoire pour déclarer la session.', 'centre')),
    (f) => (f.session.titre ? null : rule('DONNEES_SESSION', 'Le titre est obligatoire pour déclarer la session.', 'titre')),
    (f) => (f.session.type === 'CCP' && f.session.nbCcps === 0 ? rule('DONNEES_SESSION', 'Une session CCP vise au moins un CCP.', 'ccps') : null),
    (f) => (f.session.type === 'CCS' && !f.session.ccs ? rule('DONNEES_SESSION', 'Une session CCS vise un CCS.', 'ccs') : null),
    (f) => (f.session.dateFin < f.session.dateDebut ? rule('DONNEES_SESSION', 'La date de fin précède la date de début.', 'dateFin') : null),
    (f) => (text(f.session.responsableSession) ? null : rule('DONNEES_SESSION', 'Le responsable de session est obligatoire pour déclarer la session.', 'responsableSession')),
    (f) => {
      const n = f.settings.delaiDeclarationJours;
      const ecart = daysBetween(f.today, f.session.dateDebut);
      return ecart >= n
        ? null
        : rule(
            'DELAI_PROGRAMMATION',
            `Délai de programmation non respecté : une session se déclare au moins ${n} jours avant son début ; celle-ci commence le ${frenchDate(f.session.dateDebut)} (dans ${ecart} jours). Début possible au plus tôt le ${frenchDate(addDays(f.today, n))}.`,
            'dateDebut',
          );
    },
    // the site and the agrément (or temporary authorisation) chosen on the session, read again now (one may have been withdrawn)
    (f) => {
      if (!f.session.couverture) return null;
      const [first] = couvertureErrors(f.session.couverture, true);
      return first ? rule(first.field === 'site' ? 'SITE_SESSION' : 'AGREMENT', first.message, first.field) : null;
    },
  ],
  renvoyer: [motifObligatoire('du renvoi')],
  commanderDte: [
    (f) => {
      const n = f.settings.delaiCommandeDteJours;
      const ecart = daysBetween(f.today, f.session.dateDebut);
      return ecart >= n
        ? null
        : rule('DELAI_COMMANDE_DTE', `Délai de commande du DTE dépassé : le DTE se commande au moins ${n} jours avant le début de la session (${frenchDate(f.session.dateDebut)}, dans ${ecart} jours).`, 'dateDebut');
    },
    (f) => (text(f.input?.commentaire).length > 2000 ? rule('COMMENTAIRE_DTE', 'Le commentaire de commande du DTE est trop long (2000 caractères au plus).', 'commentaire') : null),
  ],
  envoyerConvocations: [
    // v1.7.1: convocations could be produced for a session without any candidate
    (f) => (inscrits(f).length >= 1 ? null : rule('CONVOCATION_SANS_CANDIDAT', 'Convocations impossibles : aucun candidat n’est inscrit à la session.')),
    (f) => {
      const limite = dateLimiteConvocations(f.session.type, f.session.dateDebut, f.settings);
      if (f.today <= limite) return null;
      const delai = f.session.type === 'TITRE' ? `${f.settings.delaiConvocationTitreMois} mois` : `${f.settings.delaiConvocationCcpCcsJours} jours`;
      const quoi = f.session.type === 'TITRE' ? 'une session titre' : `une session ${f.session.type}`;
      return rule(
        'DELAI_CONVOCATION',
        `Délai de convocation dépassé : les convocations d'${quoi} s'envoient au moins ${delai} avant son début ; la session commence le ${frenchDate(f.session.dateDebut)}, les convocations devaient partir au plus tard le ${frenchDate(limite)}.`,
        'dateDebut',
      );
    },
  ],
  enregistrerResultats: [
    (f) => (f.today >= f.session.dateDebut ? null : rule('SESSION_NON_COMMENCEE', `Les résultats se saisissent à partir du début de la session (${frenchDate(f.session.dateDebut)}).`)),
  ],
  annuler: [motifObligatoire("d'annulation")],
  deverrouiller: [
    motifObligatoire('du déverrouillage'),
    // v1.7: the unlock form lacked the "entretien final" checkbox
    (f) =>
      f.session.type === 'TITRE' && typeof f.input?.entretienFinal !== 'boolean'
        ? rule('ENTRETIEN_FINAL_DEVERROUILLAGE', 'La case « entretien final » du formulaire de déverrouillage doit être renseignée (cochée ou non).', 'entretienFinal')
        : null,
  ],
};

/**
 * Last day the convocations may leave (2008 règlement): 1 month before a session titre, 15 days before a
 * session CCP or CCS — both settings.
 */
export function dateLimiteConvocations(type: SessionType, dateDebut: string, settings: SessionSettings): string {
  return type === 'TITRE' ? addMonths(dateDebut, -settings.delaiConvocationTitreMois) : addDays(dateDebut, -settings.delaiConvocationCcpCcsJours);
}

/**
 * v1.7 finalisation: every completeness check, all reported (the page lists what is missing).
 * A session titre needs per-CCP results on all the title's CCPs and the entretien final.
 */
export function finalisationViolations(f: ActionFacts): Violation[] {
  const out: Violation[] = [];
  // a habilitation suspended (withdrawn, expired) after the jury was composed: that juror no longer counts
  const perdus = (f.jury ?? []).filter((j) => j.present === true && !j.habilite);
  for (const j of perdus) {
    out.push(rule('HABILITATION_NON_ACTIVE', `Finalisation impossible : le juré ${j.nom ?? j.jure} n'a plus d'habilitation active pour ce titre (ou ce CCS) sur toute la durée de la session.`, 'jury'));
  }
  const presents = (f.jury ?? []).filter((j) => j.present === true && j.habilite).length;
  if (presents < 2) out.push(rule('JURY_INCOMPLET', `Finalisation impossible : il faut au moins deux jurés habilités présents (${presents} enregistré${presents > 1 ? 's' : ''}).`, 'jury'));
  const candidats = inscrits(f);
  const sansPresence = candidats.filter((i) => !i.presence);
  if (sansPresence.length) out.push(rule('PRESENCE_MANQUANTE', `Finalisation impossible : présence non renseignée pour ${liste(sansPresence)}.`, 'presence'));
  const evalues = candidats.filter((i) => i.presence === 'PRESENT' || i.presence === 'ABANDON');
  if (f.session.type === 'CCS') {
    const sans = evalues.filter((i) => i.decision !== 'CCS_OBTENU' && i.decision !== 'CCS_NON_OBTENU');
    if (sans.length) out.push(rule('RESULTAT_MANQUANT', `Finalisation impossible : résultat du CCS manquant pour ${liste(sans)}.`, 'resultats'));
  } else {
    const ccps = f.ccpsEvalues ?? [];
    if (!ccps.length) out.push(rule('RESULTAT_MANQUANT', 'Finalisation impossible : aucun CCP évalué pour cette session.', 'ccps'));
    const sans = evalues.filter((i) => ccps.some((c) => i.resultatsCcp?.[c] !== 'ACQUIS' && i.resultatsCcp?.[c] !== 'NON_ACQUIS'));
    if (sans.length) out.push(rule('RESULTAT_MANQUANT', `Finalisation impossible : résultat par CCP manquant pour ${liste(sans)}.`, 'resultats'));
  }
  if (f.session.type === 'TITRE') {
    const sans = candidats.filter((i) => i.presence === 'PRESENT' && typeof i.entretienFinal !== 'boolean');
    if (sans.length) out.push(rule('ENTRETIEN_FINAL_MANQUANT', `Finalisation impossible : entretien final non renseigné pour ${liste(sans)}.`, 'entretienFinal'));
  }
  const sansDecision = candidats.filter((i) => i.presence && !i.decision);
  if (sansDecision.length) out.push(rule('DECISION_MANQUANTE', `Finalisation impossible : décision du jury manquante pour ${liste(sansDecision)}.`, 'decision'));
  const incoherents = candidats.filter((i) => i.decision && i.presence && decisionIncoherente(i, f.session.type, f.ccpsEvalues ?? []));
  if (incoherents.length) out.push(rule('DECISION_INCOHERENTE', `Finalisation impossible : décision incohérente avec les résultats pour ${liste(incoherents)}.`, 'decision'));
  if (!f.session.pvJoint || !text(f.session.pvNumero)) {
    out.push(rule('PV_MANQUANT', 'Finalisation impossible : le procès-verbal signé (numéro et fichier joint) manque.', f.session.pvJoint ? 'pvNumero' : 'pv'));
  }
  return out;
}

const liste = (items: InscriptionFacts[]) => {
  const names = items.slice(0, 5).map((i) => i.candidat).join(', ');
  return items.length > 5 ? `${names} et ${items.length - 5} autre(s)` : names;
};

/** The decision the results imply; the jury's decision must agree with it. */
export function decisionProposee(i: InscriptionFacts, type: SessionType, ccps: string[]): Decision | null {
  if (!i.presence) return null;
  if (i.presence === 'ABSENT' || i.presence === 'ABSENT_JUSTIFIE') return 'ABSENT';
  if (type === 'CCS') return i.decision === 'CCS_OBTENU' || i.decision === 'CCS_NON_OBTENU' ? i.decision : null;
  if (!ccps.length || ccps.some((c) => !i.resultatsCcp?.[c])) return null;
  const acquis = ccps.filter((c) => i.resultatsCcp?.[c] === 'ACQUIS').length;
  if (type === 'TITRE' && acquis === ccps.length && i.entretienFinal === true && i.presence === 'PRESENT') return 'TITRE_OBTENU';
  return acquis > 0 ? 'REUSSITE_PARTIELLE' : 'ECHEC';
}

function decisionIncoherente(i: InscriptionFacts, type: SessionType, ccps: string[]): boolean {
  const proposed = decisionProposee(i, type, ccps);
  if (!proposed) return false;
  return proposed !== i.decision;
}

function stateMessage(action: ActionName, statut: State, from: State[]): Violation {
  // the release-note rules get their own named refusals
  if (action === 'commanderDte' && RESULTS_VALIDATED_STATES.concat('CLOTUREE').includes(statut)) {
    return { status: 409, rule: 'DTE_APRES_VALIDATION', message: 'Commande du DTE impossible : les résultats de la session sont déjà validés.' };
  }
  if ((action === 'ajouterJure' || action === 'retirerJure') && RESULTS_TRANSMITTED_STATES.includes(statut)) {
    return { status: 409, rule: 'JURY_FIGE', message: 'Le jury ne peut plus être modifié : les résultats de la session ont été transmis.' };
  }
  if (action === 'inscrire' && !REGISTRATION_OPEN_STATES.includes(statut)) {
    return { status: 409, rule: 'INSCRIPTIONS_CLOSES', message: `Inscription impossible : les inscriptions sont closes (session « ${STATE_LABELS[statut]} »).` };
  }
  if (action === 'desinscrire' && !REGISTRATION_OPEN_STATES.includes(statut)) {
    return { status: 409, rule: 'DESINSCRIPTION_CLOSE', message: `Désinscription impossible : les convocations sont envoyées (session « ${STATE_LABELS[statut]} »).` };
  }
  if (action === 'annuler' && statut !== 'ANNULEE') {
    return { status: 409, rule: 'ANNULATION_APRES_VALIDATION', message: `Annulation impossible : les résultats de la session ont été validés (session « ${STATE_LABELS[statut]} »).` };
  }
  if (action === 'enregistrerResultats' && !RESULTS_ENTRY_STATES.includes(statut)) {
    return { status: 409, rule: 'SAISIE_FERMEE', message: `Saisie des résultats impossible : la session est « ${STATE_LABELS[statut]} ».` };
  }
  const possible = [...new Set(from)].map((s) => `« ${STATE_LABELS[s]} »`).join(', ');
  return {
    status: 409,
    rule: 'ETAT_SESSION',
    message: `${ACTION_LABELS[action]} : impossible, la session est « ${STATE_LABELS[statut]} » (possible depuis ${possible}).`,
  };
}

/** The one decision function: may `profile` take `action` now, and which state follows. */
export function decide(action: ActionName, profile: Profile, facts: ActionFacts): Decided {
  const rows = TRANSITIONS.filter((t) => t.action === action);
  const statut = facts.session.statut;
  const fromHere = rows.filter((t) => t.from.includes(statut));
  if (!fromHere.length) return { ok: false, violations: [stateMessage(action, statut, rows.flatMap((t) => [...t.from]))] };
  const transition = fromHere.find((t) => t.profiles.includes(profile));
  if (!transition) {
    return {
      ok: false,
      violations: [{ status: 403, rule: 'PROFIL', message: `${ACTION_LABELS[action]} : votre profil ne le permet pas lorsque la session est « ${STATE_LABELS[statut]} ».` }],
    };
  }
  const violations =
    action === 'finaliser' ? finalisationViolations(facts) : (GUARDS[action] ?? []).map((guard) => guard(facts)).filter((v): v is Violation => v !== null);
  if (violations.length) return { ok: false, violations };
  return { ok: true, to: transition.to ?? statut, transition };
}

/** The buttons of the session page: actions the state and the profile allow (guards are checked on click). */
export function availableActions(statut: State, profile: Profile): ActionName[] {
  return ACTIONS.filter((action) => TRANSITIONS.some((t) => t.action === action && t.from.includes(statut) && t.profiles.includes(profile)));
}
