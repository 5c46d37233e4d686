import { calculerAnciennete, checkRegle, resumeAnciennete, REGLE_ANCIENNETE_PAR_DEFAUT as REGLE } from './anciennete';
import { addYears, dureeEntre, formatDuree } from './dates';

const p = (dateDebut: string, dateFin: string | null) => ({ dateDebut, dateFin });
const actif = {};

describe('dates', () => {
  test('addYears clamps 29 February to 28 February in a common year', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2019-03-01', 1)).toBe('2020-03-01');
  });
  test('dureeEntre is the calendar difference, consistent with addYears', () => {
    expect(dureeEntre('2020-02-29', '2023-02-28')).toEqual({ annees: 3, mois: 0, jours: 0 });
    expect(dureeEntre('2020-02-29', '2023-02-27')).toEqual({ annees: 2, mois: 11, jours: 29 });
    expect(dureeEntre('2021-01-31', '2021-03-01')).toEqual({ annees: 0, mois: 1, jours: 1 });
    expect(dureeEntre('2024-01-01', '2024-01-01')).toEqual({ annees: 0, mois: 0, jours: 0 });
  });
  test('formatDuree speaks French', () => {
    expect(formatDuree({ annees: 2, mois: 11, jours: 1 })).toBe('2 ans, 11 mois et 1 jour');
    expect(formatDuree({ annees: 1, mois: 0, jours: 0 })).toBe('1 an');
    expect(formatDuree({ annees: 0, mois: 0, jours: 0 })).toBe('0 jour');
  });
});

describe("critère d'ancienneté : durée dans le métier", () => {
  test('exactly 3 calendar years passes, one day less fails', () => {
    expect(calculerAnciennete([p('2021-01-01', '2023-12-31')], '2024-03-01', actif).conforme).toBe(true);
    const court = calculerAnciennete([p('2021-01-02', '2023-12-31')], '2024-03-01', actif);
    expect(court.conforme).toBe(false);
    expect(court.experienceLibelle).toBe('2 ans, 11 mois et 30 jours');
  });

  test('leap years: from 29/02/2020, three years are reached on 28/02/2023 (end included on the 27th)', () => {
    // worked 29/02/2020 .. 27/02/2023 inclusive = up to 28/02/2023 excluded = 3 years
    expect(calculerAnciennete([p('2020-02-29', '2023-02-27')], '2023-06-01', actif).experience).toEqual({ annees: 3, mois: 0, jours: 0 });
    expect(calculerAnciennete([p('2020-02-29', '2023-02-26')], '2023-06-01', actif).conforme).toBe(false);
  });

  test('an open period counts up to the habilitation date, not beyond', () => {
    const a = calculerAnciennete([p('2022-03-15', null)], '2025-03-14', actif);
    expect(a.experience).toEqual({ annees: 3, mois: 0, jours: 0 });
    expect(a.enActivite).toBe(true);
    expect(a.conforme).toBe(true);
    expect(calculerAnciennete([p('2022-03-15', null)], '2025-03-13', actif).conforme).toBe(false);
  });

  test('overlapping periods count each day once', () => {
    // two employers at once: 2018-2019 and 2019-2020 overlap by a year; union = 2018-01-01..2020-12-31 = 3 years
    const a = calculerAnciennete([p('2018-01-01', '2019-12-31'), p('2019-01-01', '2020-12-31')], '2021-01-01', actif);
    expect(a.joursCumules).toBe(365 + 365 + 366); // 2018, 2019, 2020 (leap)
    expect(a.experience).toEqual({ annees: 3, mois: 0, jours: 0 });
    // the sum without merging would be 4 years: a period inside another adds nothing
    const b = calculerAnciennete([p('2019-01-01', '2020-12-31'), p('2019-06-01', '2019-06-30')], '2021-01-01', actif);
    expect(b.experience).toEqual({ annees: 2, mois: 0, jours: 0 });
    expect(b.conforme).toBe(false);
  });

  test('separate periods add up, laid end to end', () => {
    // 2 years + 1 year with a gap
    const a = calculerAnciennete([p('2010-01-01', '2011-12-31'), p('2015-01-01', '2015-12-31')], '2016-01-01', actif);
    expect(a.conforme).toBe(true);
    expect(a.experience.annees).toBe(3);
    const b = calculerAnciennete([p('2010-01-01', '2011-12-31'), p('2015-01-01', '2015-12-30')], '2016-01-01', actif);
    expect(b.conforme).toBe(false);
  });

  test('periods after the habilitation date do not count', () => {
    const a = calculerAnciennete([p('2030-01-01', null)], '2025-01-01', actif);
    expect(a.conforme).toBe(false);
    expect(a.motifs[0]).toMatch(/aucune période d'expérience dans le métier n'est déclarée avant le 01\/01\/2025/);
  });

  test('the refusal names the rule and the figures', () => {
    const a = calculerAnciennete([p('2023-01-01', null)], '2025-01-01', actif);
    expect(a.motifs).toEqual([
      "Refus au titre du critère d'ancienneté des jurés (3 ans au moins dans le métier, départ du métier depuis 5 ans au plus) : 3 ans d'expérience dans le métier au moins sont exigés, le juré en totalise 2 ans et 1 jour au 01/01/2025.",
    ]);
  });
});

describe("critère d'ancienneté : départ du métier", () => {
  test('left exactly 5 years before passes, one day more fails', () => {
    expect(calculerAnciennete([p('2000-01-01', '2019-06-30')], '2024-06-30', actif).conforme).toBe(true);
    const a = calculerAnciennete([p('2000-01-01', '2019-06-30')], '2024-07-01', actif);
    expect(a.conforme).toBe(false);
    expect(a.dateDepart).toBe('2019-06-30');
    expect(a.motifs[0]).toContain('le juré a quitté le métier le 30/06/2019, soit 5 ans et 1 jour avant le 01/07/2024 ; 5 ans au plus sont admis.');
  });

  test('leaving on 29 February: the five years end on 28 February', () => {
    expect(calculerAnciennete([p('2000-01-01', '2020-02-29')], '2025-02-28', actif).conforme).toBe(true);
    expect(calculerAnciennete([p('2000-01-01', '2020-02-29')], '2025-03-01', actif).conforme).toBe(false);
  });

  test('retirement ends an open period: retired less than 5 years ago passes', () => {
    const a = calculerAnciennete([p('1990-09-01', null)], '2025-01-15', { retraite: true, dateRetraite: '2021-01-15' });
    expect(a.enActivite).toBe(false);
    expect(a.dateDepart).toBe('2021-01-15');
    expect(a.conforme).toBe(true);
    expect(resumeAnciennete(a)).toBe("30 ans, 4 mois et 15 jours d'expérience au 15/01/2025, a quitté le métier le 15/01/2021");
  });

  test('retired more than 5 years ago fails, and the message says retirement', () => {
    const a = calculerAnciennete([p('1990-09-01', null)], '2025-01-15', { retraite: true, dateRetraite: '2019-12-31' });
    expect(a.conforme).toBe(false);
    expect(a.motifs).toHaveLength(1);
    expect(a.motifs[0]).toContain('le 31/12/2019 (départ en retraite), soit 5 ans et 15 jours avant le 15/01/2025');
  });

  test('no experience counts after retirement, even inside a declared period', () => {
    const a = calculerAnciennete([p('2019-01-01', '2024-12-31')], '2025-01-01', { retraite: true, dateRetraite: '2020-12-31' });
    expect(a.experience).toEqual({ annees: 2, mois: 0, jours: 0 });
    expect(a.conforme).toBe(false);
  });

  test('both rules can fail at once: two messages', () => {
    const a = calculerAnciennete([p('2000-01-01', '2001-01-01')], '2020-01-01', actif);
    expect(a.motifs).toHaveLength(2);
  });

  test('the numbers come from the configuration', () => {
    const regle = { anneesExperienceMinimum: 2, anneesDepuisDepartMaximum: 10 };
    const a = calculerAnciennete([p('2005-01-01', '2007-01-01')], '2015-01-01', actif, regle);
    expect(a.conforme).toBe(true);
    expect(calculerAnciennete([p('2005-01-01', '2007-01-01')], '2015-01-01', actif, REGLE).conforme).toBe(false);
    expect(calculerAnciennete([p('2023-06-01', null)], '2024-06-01', actif, { anneesExperienceMinimum: 2, anneesDepuisDepartMaximum: 5 }).motifs[0]).toContain('2 ans au moins dans le métier');
  });

  test('the configuration is checked', () => {
    expect(checkRegle(REGLE)).toEqual([]);
    expect(checkRegle({ anneesExperienceMinimum: -1, anneesDepuisDepartMaximum: 2.5 })).toHaveLength(2);
  });
});
