/**
 * Critère d'ancienneté des jurés (CERES v1.7.1; arrêté of 2016, in force 1 January 2017): a juror must
 * have at least N years of experience in the trade targeted by the title and must not have left it
 * more than M years before the habilitation (retirees included). N = 3 and M = 5 by default; both come
 * from the plugin's configuration, never from here.
 *
 * How the figures are computed (so that the refusal message can quote them):
 * - only what precedes the reference date (the habilitation's start) counts; a period still open ends
 *   there, or at the retirement date for a retiree;
 * - overlapping or adjacent periods (two employers at once) are merged: a day counts once;
 * - the days are laid end to end up to the last day worked, and the experience is the calendar
 *   duration of that span (so one continuous period gives exactly its calendar length, leap days
 *   included: 29/02/2020 → 28/02/2023 is 3 years);
 * - "left the trade" is the last day worked; the juror passes while the reference date is no later
 *   than that day + M years.
 */
import { addDays, addYears, dayNumber, dureeEntre, formatDate, formatDuree, fromDayNumber, isIsoDate, minDate, type Duree } from './dates';

export interface RegleAnciennete {
  /** N: minimum years of experience in the trade */
  anneesExperienceMinimum: number;
  /** M: maximum years since the juror left the trade */
  anneesDepuisDepartMaximum: number;
}

export const REGLE_ANCIENNETE_PAR_DEFAUT: RegleAnciennete = { anneesExperienceMinimum: 3, anneesDepuisDepartMaximum: 5 };

export interface PeriodeExperience {
  dateDebut: string;
  /** null: still in the trade */
  dateFin: string | null;
}

export interface SituationJure {
  retraite?: boolean;
  /** the day the juror retired: no experience counts after it */
  dateRetraite?: string | null;
}

export interface Anciennete {
  dateReference: string;
  /** days of experience counted (each day once) */
  joursCumules: number;
  experience: Duree;
  experienceLibelle: string;
  /** still in the trade on the reference date */
  enActivite: boolean;
  /** last day in the trade, when the juror has left it */
  dateDepart: string | null;
  depuisDepart: Duree | null;
  conforme: boolean;
  /** French refusal messages, naming the rule and the figures; empty when conforme */
  motifs: string[];
}

export function checkRegle(regle: RegleAnciennete): string[] {
  const errors: string[] = [];
  for (const key of ['anneesExperienceMinimum', 'anneesDepuisDepartMaximum'] as const) {
    const value = regle[key];
    if (!Number.isInteger(value) || value < 0 || value > 50) errors.push(`${key} doit être un nombre entier d'années entre 0 et 50 (reçu : ${String(value)})`);
  }
  return errors;
}

const ans = (n: number) => `${n} an${n > 1 ? 's' : ''}`;

export function calculerAnciennete(
  periodes: PeriodeExperience[],
  dateReference: string,
  situation: SituationJure,
  regle: RegleAnciennete = REGLE_ANCIENNETE_PAR_DEFAUT,
): Anciennete {
  if (!isIsoDate(dateReference)) throw new Error(`date de référence invalide : ${dateReference}`);
  const nomRegle = `critère d'ancienneté des jurés (${ans(regle.anneesExperienceMinimum)} au moins dans le métier, départ du métier depuis ${ans(regle.anneesDepuisDepartMaximum)} au plus)`;
  const retraite = situation.retraite && situation.dateRetraite && isIsoDate(situation.dateRetraite) ? situation.dateRetraite : null;
  // the last day that can count: the reference date, or the retirement date if earlier
  const borne = retraite ? minDate(retraite, dateReference) : dateReference;

  const intervals: [number, number][] = [];
  let ouverte = false;
  for (const periode of periodes) {
    if (!isIsoDate(periode.dateDebut) || (periode.dateFin !== null && !isIsoDate(periode.dateFin))) continue;
    const fin = periode.dateFin === null ? borne : minDate(periode.dateFin, borne);
    if (periode.dateDebut > fin) continue;
    if (periode.dateFin === null || periode.dateFin >= dateReference) ouverte = true;
    intervals.push([dayNumber(periode.dateDebut), dayNumber(fin)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const joursCumules = merged.reduce((sum, [start, end]) => sum + end - start + 1, 0);
  const motifs: string[] = [];

  if (!merged.length) {
    motifs.push(
      `Refus au titre du ${nomRegle} : aucune période d'expérience dans le métier n'est déclarée avant le ${formatDate(dateReference)} ; ${ans(regle.anneesExperienceMinimum)} au moins sont exigés.`,
    );
    return { dateReference, joursCumules: 0, experience: { annees: 0, mois: 0, jours: 0 }, experienceLibelle: formatDuree({ annees: 0, mois: 0, jours: 0 }), enActivite: false, dateDepart: null, depuisDepart: null, conforme: false, motifs };
  }

  const dernierJour = fromDayNumber(merged[merged.length - 1][1]);
  const debutEquivalent = fromDayNumber(merged[merged.length - 1][1] - joursCumules + 1);
  const experience = dureeEntre(debutEquivalent, addDays(dernierJour, 1));
  const experienceLibelle = formatDuree(experience);
  const enActivite = ouverte && !(retraite && retraite <= dateReference) && dernierJour === dateReference;

  if (experience.annees < regle.anneesExperienceMinimum) {
    motifs.push(
      `Refus au titre du ${nomRegle} : ${ans(regle.anneesExperienceMinimum)} d'expérience dans le métier au moins sont exigés, le juré en totalise ${experienceLibelle} au ${formatDate(dateReference)}.`,
    );
  }
  let dateDepart: string | null = null;
  let depuisDepart: Duree | null = null;
  if (!enActivite) {
    dateDepart = dernierJour;
    depuisDepart = dureeEntre(dernierJour, dateReference);
    if (dateReference > addYears(dernierJour, regle.anneesDepuisDepartMaximum)) {
      motifs.push(
        `Refus au titre du ${nomRegle} : le juré a quitté le métier le ${formatDate(dernierJour)}${retraite && retraite === dernierJour ? ' (départ en retraite)' : ''}, soit ${formatDuree(depuisDepart)} avant le ${formatDate(dateReference)} ; ${ans(regle.anneesDepuisDepartMaximum)} au plus sont admis.`,
      );
    }
  }
  return { dateReference, joursCumules, experience, experienceLibelle, enActivite, dateDepart, depuisDepart, conforme: motifs.length === 0, motifs };
}

/** one-line summary for the juror's record and the habilitation's history */
export function resumeAnciennete(a: Anciennete): string {
  const depart = a.enActivite ? 'en activité dans le métier' : a.dateDepart ? `a quitté le métier le ${formatDate(a.dateDepart)}` : 'aucune expérience déclarée';
  return `${a.experienceLibelle} d'expérience au ${formatDate(a.dateReference)}, ${depart}`;
}
