/**
 * The 13 states of an exam session (issue 7 decides over the brief's proposal) and the small date
 * helpers the rules need. Pure: no Strapi, no Koa, no knex.
 */
export const STATES = [
  'EN_PREPARATION',
  'DECLAREE',
  'VALIDEE',
  'DTE_COMMANDE',
  'DTE_EXPEDIE',
  'CONVOCATIONS_ENVOYEES',
  'RESULTATS_SAISIS',
  'FINALISEE',
  'RESULTATS_TRANSMIS',
  'RESULTATS_VALIDES',
  'CLOTUREE',
  'ANNULEE',
  'DEVERROUILLEE',
] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  EN_PREPARATION: 'en préparation',
  DECLAREE: 'déclarée',
  VALIDEE: 'validée',
  DTE_COMMANDE: 'DTE commandé',
  DTE_EXPEDIE: 'DTE expédié',
  CONVOCATIONS_ENVOYEES: 'convocations envoyées',
  RESULTATS_SAISIS: 'résultats saisis',
  FINALISEE: 'finalisée',
  RESULTATS_TRANSMIS: 'résultats transmis',
  RESULTATS_VALIDES: 'résultats validés',
  CLOTUREE: 'clôturée',
  ANNULEE: 'annulée',
  DEVERROUILLEE: 'déverrouillée',
};

export const SESSION_TYPES = ['TITRE', 'CCP', 'CCS'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Once results are transmitted, the responsable and the jury are frozen (v1.7), unlock included. */
export const RESULTS_TRANSMITTED_STATES: readonly State[] = ['RESULTATS_TRANSMIS', 'RESULTATS_VALIDES', 'CLOTUREE', 'DEVERROUILLEE'];
/** Registration is open until convocations are sent (v1.7.1). */
export const REGISTRATION_OPEN_STATES: readonly State[] = ['EN_PREPARATION', 'DECLAREE', 'VALIDEE', 'DTE_COMMANDE', 'DTE_EXPEDIE'];
/** States in which the results grid may be written. */
export const RESULTS_ENTRY_STATES: readonly State[] = ['CONVOCATIONS_ENVOYEES', 'RESULTATS_SAISIS', 'DEVERROUILLEE'];
/** Sessions whose results have been validated at least once (current state). */
export const RESULTS_VALIDATED_STATES: readonly State[] = ['RESULTATS_VALIDES', 'CLOTUREE', 'DEVERROUILLEE'];

/** ISO date (AAAA-MM-JJ) arithmetic in UTC, so that a rule never depends on the server's time zone. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, day] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** JJ/MM/AAAA, as the agents read dates. */
export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
