/**
 * May this candidate be registered to this session? Pure rules on the candidate's other registrations.
 *  - at most N (3) sessions of the same title within the window; sessions titre and CCP count together,
 *    sessions CCS are not counted (v1.6); the window is a rolling 12 months or the calendar year (setting);
 *  - a justified absence does not count and allows re-registration (v1.7.1); nor do unregistrations and
 *    cancelled sessions;
 *  - a session CCS requires the title already obtained;
 *  - one active registration per candidate and session.
 */
import type { SessionSettings } from './settings';
import { addMonths, frenchDate, type SessionType, type State } from './states';
import type { Presence, Violation } from './state-machine';

export interface RegistrationHistoryItem {
  /** session documentId */
  session: string;
  sessionType: SessionType;
  sessionStatut: State;
  titre: string | null;
  dateDebut: string;
  statut: 'INSCRIT' | 'DESINSCRIT';
  presence?: Presence | null;
}

export interface TargetSession {
  session: string;
  type: SessionType;
  titre: string | null;
  dateDebut: string;
}

export interface EligibilityFacts {
  target: TargetSession;
  history: RegistrationHistoryItem[];
  /** the candidate holds the title of the target session (validated result or equivalence) */
  titreObtenu: boolean;
  settings: SessionSettings;
}

/** Registrations that use up the quota: active, in a session that was not cancelled, not a justified absence. */
export function countsTowardQuota(item: RegistrationHistoryItem, titre: string | null): boolean {
  return (
    item.titre !== null &&
    item.titre === titre &&
    item.sessionType !== 'CCS' &&
    item.statut === 'INSCRIT' &&
    item.sessionStatut !== 'ANNULEE' &&
    item.presence !== 'ABSENT_JUSTIFIE'
  );
}

/**
 * The dates of the counted sessions that share a window with the target. Rolling: the largest number
 * of counted sessions in any 12-month window [d, d + 12 months) holding the target date.
 */
export function sessionsInWindow(dates: string[], target: string, fenetre: SessionSettings['fenetreSessions']): string[] {
  if (fenetre === 'ANNEE_CIVILE') return dates.filter((d) => d.slice(0, 4) === target.slice(0, 4));
  let best: string[] = [];
  const starts = [target, ...dates.filter((d) => d <= target && addMonths(d, 12) > target)];
  for (const start of starts) {
    const end = addMonths(start, 12);
    const inside = dates.filter((d) => d >= start && d < end);
    if (inside.length > best.length) best = inside;
  }
  return best;
}

export function eligibilityViolations(facts: EligibilityFacts): Violation[] {
  const { target, history, settings } = facts;
  const out: Violation[] = [];
  const same = history.filter((h) => h.session === target.session && h.statut === 'INSCRIT');
  if (same.length) {
    out.push({ status: 409, rule: 'DEJA_INSCRIT', message: 'Ce candidat est déjà inscrit à cette session.', field: 'candidat' });
  }
  if (target.type === 'CCS') {
    if (!facts.titreObtenu) {
      out.push({ status: 422, rule: 'CCS_SANS_TITRE', message: 'Inscription à une session CCS impossible : le candidat n’a pas obtenu le titre auquel ce CCS est rattaché.', field: 'candidat' });
    }
    return out; // sessions CCS are not subject to the 3-session limit (v1.6)
  }
  const counted = history.filter((h) => h.session !== target.session && countsTowardQuota(h, target.titre)).map((h) => h.dateDebut);
  const inWindow = sessionsInWindow(counted, target.dateDebut, settings.fenetreSessions);
  if (inWindow.length >= settings.maxSessionsParPeriode) {
    const periode = settings.fenetreSessions === 'ANNEE_CIVILE' ? `l'année ${target.dateDebut.slice(0, 4)}` : 'une même période de 12 mois';
    const dates = [...inWindow].sort().map(frenchDate).join(', ');
    out.push({
      status: 422,
      rule: 'LIMITE_SESSIONS',
      message: `Inscription impossible : le candidat a déjà ${inWindow.length} session(s) de ce titre (titre ou CCP) sur ${periode} (${dates}) ; la limite est de ${settings.maxSessionsParPeriode}. Une absence justifiée ne compte pas.`,
      field: 'candidat',
    });
  }
  return out;
}

/** A person as the homonym control compares them: birth name, first first name, birth date. */
export interface Personne {
  id: string;
  nom: string;
  prenom: string;
  dateNaissance: string;
}

/**
 * v1.7 "contrôle inscription homonyme candidat": another candidate already registered in the session
 * with the same birth name, first name and birth date is probably the same person under two records.
 * `normalize` is the project's search normalisation (accents, case, hyphens, apostrophes).
 */
export function homonymesInscrits(candidat: Personne, inscrits: Personne[], normalize: (s: string) => string): Personne[] {
  const key = (p: Personne) => `${normalize(p.nom)}|${normalize(p.prenom)}|${p.dateNaissance}`;
  return inscrits.filter((p) => p.id !== candidat.id && key(p) === key(candidat));
}

/** The first first name, whether prenoms is a list or its JSON text (older records). */
export function premierPrenom(prenoms: unknown): string {
  let value = prenoms;
  if (typeof prenoms === 'string') {
    try {
      value = JSON.parse(prenoms);
    } catch {
      return prenoms.split(/[ ,]+/)[0] ?? '';
    }
  }
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}
