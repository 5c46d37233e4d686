/**
 * RÈGLES DE GESTION DU MODULE EXTRACTION (CERES v1.7.1, revues en v1.8) — the one place where they live.
 * The statistics module counts with the same rules (same predicates, same SQL), so that a figure in a
 * chart and a row in the weekly CSV never disagree. Pure: no Strapi, no knex; the SQL fragments below are
 * plain strings over the columns named in `Colonnes` and are used verbatim by services/extraction-sql.ts.
 *
 * R1 — Semaine. A week runs from Monday to Sunday (dates of the Europe/Paris calendar; the session dates are
 *      plain dates). The scheduled run extracts the last COMPLETE week before it runs (run on Monday 06:00 →
 *      the previous Monday–Sunday). On demand, the agent may pick any week up to the current one (a
 *      current week is partial: the file says so through its dates).
 *
 * R2 — Sessions de la semaine (sessions.csv). A session is in the week's file when, during the week,
 *      its jury ended (dateFin), OR its results were validated or re-validated (dateValidationResultats),
 *      OR it was unlocked (dateDeverrouillage) — whatever its state, except EN_PREPARATION (never declared,
 *      not an official session) and ANNULEE (no jury held). Each row carries a "situation" (R4).
 *
 * R3 — Inscriptions de la semaine (inscriptions.csv): the registration movements recorded during the week
 *      (dateInscription or dateDesinscription in the week), on sessions of the included states (R2).
 *      An unregistration stays a row (statut DESINSCRIT, with its date and motif).
 *
 * R4 — Résultats (resultats.csv) are official only once the UD has validated them: one row per registered
 *      (not unregistered) candidate of every session in RESULTATS_VALIDES or CLOTUREE whose
 *      dateValidationResultats falls in the week.
 *      Déverrouillage: an unlocked session (nbDeverrouillages > 0 and back before validation) has its results
 *      WITHDRAWN: it appears in sessions.csv of the week it was unlocked with the situation « Déverrouillée »
 *      and no result rows; its corrected results appear in the week of their re-validation, flagged
 *      « Revalidation : Oui ». The consumer replaces a session's earlier rows by its session number.
 *
 * R5 — Absences. ABSENT and ABSENT_JUSTIFIE (and a decision ABSENT) count as absent: they appear in
 *      resultats.csv with their presence, are counted in the session's absents, and are NEVER "présentés":
 *      they are out of every success-rate denominator. ABANDON (left during the exam) is présenté.
 *      With no presence recorded, a candidate with a decision other than ABSENT is présenté.
 *
 * R6 — Réussite. Réussite totale = TITRE_OBTENU or CCS_OBTENU; réussite partielle = REUSSITE_PARTIELLE
 *      (CCPs obtained, title not yet); titres délivrés = TITRE_OBTENU. Rates = count / présentés.
 *
 * R7 — Périmètre. Each run extracts one territory: a centre's centres, a UD's départements, a DREETS's
 *      région, Nouvelle-Calédonie (988) on its own, or the whole country for national profiles. A session
 *      belongs to the territory of its centre (as everywhere in CERES). The scheduler runs the national
 *      extraction and Nouvelle-Calédonie's own one; anyone else runs theirs on demand.
 *
 * R8 — Échec. A failed run is kept with statut ECHEC and its message; the scheduler retries it after a
 *      delay doubling at each attempt, up to a maximum number of attempts (then it stays ECHEC).
 */

export const SESSION_STATES_EXCLUS = ['EN_PREPARATION', 'ANNULEE'] as const;
export const SESSION_STATES_RESULTATS_OFFICIELS = ['RESULTATS_VALIDES', 'CLOTUREE'] as const;
export const DECISIONS_REUSSITE_TOTALE = ['TITRE_OBTENU', 'CCS_OBTENU'] as const;
export const DECISION_REUSSITE_PARTIELLE = 'REUSSITE_PARTIELLE';
export const DECISION_TITRE_DELIVRE = 'TITRE_OBTENU';
export const PRESENCES_ABSENT = ['ABSENT', 'ABSENT_JUSTIFIE'] as const;
export const PRESENCES_PRESENTE = ['PRESENT', 'ABANDON'] as const;

// ---------- R1: weeks ----------

export interface Semaine {
  /** Monday, AAAA-MM-JJ */
  debut: string;
  /** Sunday, AAAA-MM-JJ */
  fin: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): Date {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`date invalide : ${value}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) throw new RangeError(`date impossible : ${value}`);
  return date;
}

const addDays = (iso: string, days: number) => {
  const date = parseIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** The Monday–Sunday week containing a date (AAAA-MM-JJ). */
export function semaineDe(iso: string): Semaine {
  const day = parseIsoDate(iso).getUTCDay(); // 0 = Sunday
  const debut = addDays(iso, -((day + 6) % 7));
  return { debut, fin: addDays(debut, 6) };
}

/** The calendar date of an instant in a time zone (Europe/Paris by default), AAAA-MM-JJ. */
export function dateLocale(instant: Date, timeZone = 'Europe/Paris'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** R1: the last complete week before the instant (the scheduled run's week, and the default on demand). */
export function semainePrecedente(instant: Date, timeZone = 'Europe/Paris'): Semaine {
  const current = semaineDe(dateLocale(instant, timeZone));
  return semaineDe(addDays(current.debut, -7));
}

/** R1: the week an agent asks for (any date inside it); null when it has not started yet. */
export function semaineDemandee(dateDansLaSemaine: string, maintenant: Date, timeZone = 'Europe/Paris'): Semaine | null {
  const semaine = semaineDe(dateDansLaSemaine);
  return semaine.debut > dateLocale(maintenant, timeZone) ? null : semaine;
}

export const dansLaSemaine = (iso: string | null | undefined, semaine: Semaine) => !!iso && iso >= semaine.debut && iso <= semaine.fin;

// ---------- R2–R6 on records (the TypeScript form, unit-tested) ----------

export interface SessionFaits {
  statut: string;
  dateFin: string | null;
  dateValidationResultats: string | null;
  dateDeverrouillage: string | null;
  nbDeverrouillages: number | null;
}

export interface InscriptionFaits {
  statut: string;
  presence: string | null;
  decision: string | null;
  dateInscription?: string | null;
  dateDesinscription?: string | null;
}

const isIn = (list: readonly string[], value: string | null | undefined) => !!value && list.includes(value);

/** R2 */
export function sessionDeLaSemaine(session: SessionFaits, semaine: Semaine): boolean {
  if (isIn(SESSION_STATES_EXCLUS, session.statut)) return false;
  return dansLaSemaine(session.dateFin, semaine) || dansLaSemaine(session.dateValidationResultats, semaine) || dansLaSemaine(session.dateDeverrouillage, semaine);
}

/** R3 */
export function mouvementDInscriptionDeLaSemaine(session: SessionFaits, inscription: InscriptionFaits, semaine: Semaine): boolean {
  if (isIn(SESSION_STATES_EXCLUS, session.statut)) return false;
  return dansLaSemaine(inscription.dateInscription, semaine) || dansLaSemaine(inscription.dateDesinscription, semaine);
}

/** R4: are the session's results official (validated, not withdrawn by an unlock)? */
export const resultatsOfficiels = (session: Pick<SessionFaits, 'statut'>) => isIn(SESSION_STATES_RESULTATS_OFFICIELS, session.statut);

/** R4 */
export function resultatsDeLaSemaine(session: SessionFaits, semaine: Semaine): boolean {
  return resultatsOfficiels(session) && dansLaSemaine(session.dateValidationResultats, semaine);
}

export const revalidee = (session: Pick<SessionFaits, 'nbDeverrouillages'>) => (session.nbDeverrouillages ?? 0) > 0;

export type Situation = 'RESULTATS_VALIDES' | 'RESULTATS_REVALIDES' | 'DEVERROUILLEE' | 'RESULTATS_EN_ATTENTE';

export const SITUATION_LABELS: Record<Situation, string> = {
  RESULTATS_VALIDES: 'Résultats validés',
  RESULTATS_REVALIDES: 'Résultats revalidés après déverrouillage',
  DEVERROUILLEE: 'Déverrouillée : résultats retirés, en cours de correction',
  RESULTATS_EN_ATTENTE: 'Résultats non encore validés',
};

/** R4: what the session's row says about its results. */
export function situationSession(session: Pick<SessionFaits, 'statut' | 'nbDeverrouillages'>): Situation {
  if (resultatsOfficiels(session)) return revalidee(session) ? 'RESULTATS_REVALIDES' : 'RESULTATS_VALIDES';
  return revalidee(session) ? 'DEVERROUILLEE' : 'RESULTATS_EN_ATTENTE';
}

/** R5 */
export function estAbsent(inscription: Pick<InscriptionFaits, 'presence' | 'decision'>): boolean {
  return isIn(PRESENCES_ABSENT, inscription.presence) || inscription.decision === 'ABSENT';
}

/** R5: counted as présenté (the denominator of every rate); unregistered candidates never are. */
export function estPresente(inscription: InscriptionFaits): boolean {
  if (inscription.statut !== 'INSCRIT' || estAbsent(inscription)) return false;
  if (isIn(PRESENCES_PRESENTE, inscription.presence)) return true;
  return inscription.presence == null && inscription.decision != null;
}

/** R6 */
export const reussiteTotale = (inscription: InscriptionFaits) => estPresente(inscription) && isIn(DECISIONS_REUSSITE_TOTALE, inscription.decision);
export const reussitePartielle = (inscription: InscriptionFaits) => estPresente(inscription) && inscription.decision === DECISION_REUSSITE_PARTIELLE;
export const titreDelivre = (inscription: InscriptionFaits) => estPresente(inscription) && inscription.decision === DECISION_TITRE_DELIVRE;

/** R6: a rate in [0, 1], null when nobody was présenté (no rate rather than a false 0 %). */
export const taux = (nombre: number, presentes: number): number | null => (presentes > 0 ? nombre / presentes : null);

// ---------- the same rules in SQL (used by the extraction and the statistics) ----------

/** Column expressions the SQL fragments read: `s` = sessions row, `i` = inscriptions row. */
export const Colonnes = {
  sessionStatut: 's.statut',
  sessionDateFin: 's.date_fin',
  sessionDateValidationResultats: 's.date_validation_resultats',
  sessionDateDeverrouillage: 's.date_deverrouillage',
  inscriptionStatut: 'i.statut',
  presence: 'i.presence',
  decision: 'i.decision',
  dateInscription: 'i.date_inscription',
  dateDesinscription: 'i.date_desinscription',
} as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const c = Colonnes;
/** `?` placeholders: the week's debut then fin */
const between = (column: string) => `(${column} BETWEEN ?::date AND ?::date)`;

export const Sql = {
  /** R2 (bindings: debut, fin three times) */
  sessionDeLaSemaine: `(${c.sessionStatut} NOT IN (${list(SESSION_STATES_EXCLUS)}) AND (${between(c.sessionDateFin)} OR ${between(c.sessionDateValidationResultats)} OR ${between(c.sessionDateDeverrouillage)}))`,
  /** R3 (bindings: debut, fin twice) */
  mouvementDInscription: `(${c.sessionStatut} NOT IN (${list(SESSION_STATES_EXCLUS)}) AND (${between(c.dateInscription)} OR ${between(c.dateDesinscription)}))`,
  /** R4 (without the week) */
  resultatsOfficiels: `(${c.sessionStatut} IN (${list(SESSION_STATES_RESULTATS_OFFICIELS)}))`,
  /** R4 (bindings: debut, fin) */
  resultatsDeLaSemaine: `(${c.sessionStatut} IN (${list(SESSION_STATES_RESULTATS_OFFICIELS)}) AND ${between(c.sessionDateValidationResultats)} AND ${c.inscriptionStatut} = 'INSCRIT')`,
  /** R5 */
  absent: `(${c.presence} IN (${list(PRESENCES_ABSENT)}) OR ${c.decision} = 'ABSENT')`,
  absentJustifie: `(${c.presence} = 'ABSENT_JUSTIFIE')`,
  presente: `(${c.inscriptionStatut} = 'INSCRIT' AND NOT (coalesce(${c.presence}, '') IN (${list(PRESENCES_ABSENT)}) OR coalesce(${c.decision}, '') = 'ABSENT') AND (${c.presence} IN (${list(PRESENCES_PRESENTE)}) OR (${c.presence} IS NULL AND ${c.decision} IS NOT NULL)))`,
  /** R6, to AND with `presente` */
  reussiteTotale: `(${c.decision} IN (${list(DECISIONS_REUSSITE_TOTALE)}))`,
  reussitePartielle: `(${c.decision} = '${DECISION_REUSSITE_PARTIELLE}')`,
  titreDelivre: `(${c.decision} = '${DECISION_TITRE_DELIVRE}')`,
} as const;

// ---------- R7: territory of a run ----------

export type Perimetre =
  | { kind: 'national' }
  | { kind: 'centres'; centreIds: number[] }
  | { kind: 'departements'; codes: string[] }
  | { kind: 'regions'; codes: string[] };

/** A stable key of a territory (stored on each extraction: who may see it is who has the same territory). */
export function clePerimetre(perimetre: Perimetre): string {
  switch (perimetre.kind) {
    case 'national':
      return 'national';
    case 'centres':
      return `centres:${[...new Set(perimetre.centreIds)].sort((a, b) => a - b).join(',')}`;
    case 'departements':
      return `departements:${[...new Set(perimetre.codes)].sort().join(',')}`;
    case 'regions':
      return `regions:${[...new Set(perimetre.codes)].sort().join(',')}`;
  }
}

export function perimetreDeCle(cle: string): Perimetre {
  if (cle === 'national') return { kind: 'national' };
  const [kind, values = ''] = cle.split(':');
  const items = values ? values.split(',') : [];
  if (kind === 'centres') return { kind, centreIds: items.map(Number) };
  if (kind === 'departements' || kind === 'regions') return { kind, codes: items };
  throw new RangeError(`périmètre inconnu : ${cle}`);
}

export const PERIMETRE_NOUVELLE_CALEDONIE: Perimetre = { kind: 'departements', codes: ['988'] };

/** R7: what the scheduler runs every week. */
export const PERIMETRES_PLANIFIES: Perimetre[] = [{ kind: 'national' }, PERIMETRE_NOUVELLE_CALEDONIE];

export function libellePerimetre(perimetre: Perimetre): string {
  switch (perimetre.kind) {
    case 'national':
      return 'National';
    case 'centres':
      return perimetre.centreIds.length > 1 ? `Centres (${perimetre.centreIds.length})` : 'Centre';
    case 'departements':
      return perimetre.codes.length === 1 && perimetre.codes[0] === '988' ? 'Nouvelle-Calédonie' : `Département${perimetre.codes.length > 1 ? 's' : ''} ${perimetre.codes.join(', ')}`;
    case 'regions':
      return `Région${perimetre.codes.length > 1 ? 's' : ''} ${perimetre.codes.join(', ')}`;
  }
}

// ---------- R8: retries ----------

export interface PolitiqueDeReprise {
  maxTentatives: number;
  /** delay before the second attempt; doubled at each further one */
  delaiMinutes: number;
}

/** R8: when to retry after the n-th failed attempt (1-based), or null when attempts are exhausted. */
export function prochaineTentative(echecs: number, at: Date, politique: PolitiqueDeReprise): Date | null {
  if (echecs >= politique.maxTentatives) return null;
  return new Date(at.getTime() + politique.delaiMinutes * 60_000 * 2 ** (echecs - 1));
}

// ---------- files ----------

export const FICHIERS = ['sessions', 'inscriptions', 'resultats'] as const;
export type Fichier = (typeof FICHIERS)[number];

export const nomDeFichier = (fichier: Fichier, semaine: Semaine, perimetre: Perimetre) =>
  `ceres-${fichier}-${semaine.debut}-au-${semaine.fin}-${clePerimetre(perimetre).replace(/[:,]/g, '-')}.csv`;
