import {
  clePerimetre,
  estAbsent,
  estPresente,
  libellePerimetre,
  mouvementDInscriptionDeLaSemaine,
  perimetreDeCle,
  prochaineTentative,
  resultatsDeLaSemaine,
  reussitePartielle,
  reussiteTotale,
  semaineDe,
  semaineDemandee,
  semainePrecedente,
  sessionDeLaSemaine,
  situationSession,
  taux,
  titreDelivre,
  Sql,
  type SessionFaits,
} from './extraction-rules';
import { dateFr, decimalFr, ligne, entetes, pourcentageFr, prenoms, resultatsCcp } from './csv-format';
import { ligneStatistique, parseStatistiquesFiltre } from './statistics-rules';
import { settingsFrom } from './settings';

const semaine = { debut: '2019-06-10', fin: '2019-06-16' };
const session = (over: Partial<SessionFaits>): SessionFaits => ({ statut: 'RESULTATS_VALIDES', dateFin: null, dateValidationResultats: null, dateDeverrouillage: null, nbDeverrouillages: 0, ...over });

describe('R1 weeks', () => {
  test('Monday to Sunday around any day, across months and years', () => {
    expect(semaineDe('2019-06-10')).toEqual(semaine);
    expect(semaineDe('2019-06-16')).toEqual(semaine);
    expect(semaineDe('2019-06-13')).toEqual(semaine);
    expect(semaineDe('2021-01-01')).toEqual({ debut: '2020-12-28', fin: '2021-01-03' });
    expect(() => semaineDe('2019-02-30')).toThrow(RangeError);
  });

  test('the scheduled run takes the last complete week, in the Paris calendar', () => {
    // Monday 10 June 2019 06:00 in Paris (04:00 UTC)
    expect(semainePrecedente(new Date('2019-06-10T04:00:00Z'))).toEqual({ debut: '2019-06-03', fin: '2019-06-09' });
    // Sunday 23:30 UTC is already Monday in Paris (summer time): the week just ended is the one extracted
    expect(semainePrecedente(new Date('2019-06-16T22:30:00Z'))).toEqual(semaine);
    expect(semainePrecedente(new Date('2019-06-16T21:30:00Z'))).toEqual({ debut: '2019-06-03', fin: '2019-06-09' });
  });

  test('on demand: any week that has started, not a future one', () => {
    const now = new Date('2019-06-12T10:00:00Z');
    expect(semaineDemandee('2019-06-14', now)).toEqual(semaine);
    expect(semaineDemandee('2019-01-02', now)).toEqual({ debut: '2018-12-31', fin: '2019-01-06' });
    expect(semaineDemandee('2019-06-17', now)).toBeNull();
  });
});

describe('R2–R4 which sessions, registrations and results', () => {
  test('a session is in the week by its end, its (re)validation or its unlocking, not when cancelled or in preparation', () => {
    expect(sessionDeLaSemaine(session({ dateFin: '2019-06-16' }), semaine)).toBe(true);
    expect(sessionDeLaSemaine(session({ dateFin: '2019-06-09', dateValidationResultats: '2019-06-10' }), semaine)).toBe(true);
    expect(sessionDeLaSemaine(session({ statut: 'DEVERROUILLEE', dateFin: '2019-05-01', dateDeverrouillage: '2019-06-12' }), semaine)).toBe(true);
    expect(sessionDeLaSemaine(session({ dateFin: '2019-06-09', dateValidationResultats: '2019-06-17' }), semaine)).toBe(false);
    expect(sessionDeLaSemaine(session({ statut: 'ANNULEE', dateFin: '2019-06-12' }), semaine)).toBe(false);
    expect(sessionDeLaSemaine(session({ statut: 'EN_PREPARATION', dateFin: '2019-06-12' }), semaine)).toBe(false);
  });

  test('registration movements of the week, unregistrations included, not on cancelled sessions', () => {
    const inscription = { statut: 'DESINSCRIT', presence: null, decision: null, dateInscription: '2019-05-01', dateDesinscription: '2019-06-11' };
    expect(mouvementDInscriptionDeLaSemaine(session({ statut: 'VALIDEE' }), inscription, semaine)).toBe(true);
    expect(mouvementDInscriptionDeLaSemaine(session({ statut: 'ANNULEE' }), inscription, semaine)).toBe(false);
    expect(mouvementDInscriptionDeLaSemaine(session({ statut: 'VALIDEE' }), { ...inscription, dateDesinscription: null }, semaine)).toBe(false);
  });

  test('results only once validated; an unlocked session withholds them until re-validated', () => {
    expect(resultatsDeLaSemaine(session({ dateValidationResultats: '2019-06-14' }), semaine)).toBe(true);
    expect(resultatsDeLaSemaine(session({ statut: 'CLOTUREE', dateValidationResultats: '2019-06-14' }), semaine)).toBe(true);
    expect(resultatsDeLaSemaine(session({ statut: 'RESULTATS_TRANSMIS', dateValidationResultats: '2019-06-14' }), semaine)).toBe(false);
    expect(resultatsDeLaSemaine(session({ statut: 'DEVERROUILLEE', nbDeverrouillages: 1, dateValidationResultats: '2019-06-14' }), semaine)).toBe(false);
    expect(situationSession({ statut: 'DEVERROUILLEE', nbDeverrouillages: 1 })).toBe('DEVERROUILLEE');
    expect(situationSession({ statut: 'RESULTATS_TRANSMIS', nbDeverrouillages: 1 })).toBe('DEVERROUILLEE');
    expect(situationSession({ statut: 'RESULTATS_VALIDES', nbDeverrouillages: 1 })).toBe('RESULTATS_REVALIDES');
    expect(situationSession({ statut: 'CLOTUREE', nbDeverrouillages: 0 })).toBe('RESULTATS_VALIDES');
    expect(situationSession({ statut: 'RESULTATS_SAISIS', nbDeverrouillages: 0 })).toBe('RESULTATS_EN_ATTENTE');
  });
});

describe('R5–R6 absences and success', () => {
  const i = (presence: string | null, decision: string | null, statut = 'INSCRIT') => ({ statut, presence, decision });
  test('absent (justified or not) is never présenté; abandon is; unregistered never', () => {
    expect(estPresente(i('PRESENT', 'ECHEC'))).toBe(true);
    expect(estPresente(i('ABANDON', 'ECHEC'))).toBe(true);
    expect(estPresente(i('ABSENT', null))).toBe(false);
    expect(estPresente(i('ABSENT_JUSTIFIE', null))).toBe(false);
    expect(estPresente(i(null, 'ABSENT'))).toBe(false);
    expect(estPresente(i('PRESENT', 'ABSENT'))).toBe(false);
    expect(estPresente(i(null, 'TITRE_OBTENU'))).toBe(true);
    expect(estPresente(i(null, null))).toBe(false);
    expect(estPresente(i('PRESENT', 'TITRE_OBTENU', 'DESINSCRIT'))).toBe(false);
    expect(estAbsent(i('ABSENT_JUSTIFIE', null))).toBe(true);
  });

  test('total, partial, titles delivered, rates', () => {
    expect(reussiteTotale(i('PRESENT', 'TITRE_OBTENU'))).toBe(true);
    expect(reussiteTotale(i('PRESENT', 'CCS_OBTENU'))).toBe(true);
    expect(titreDelivre(i('PRESENT', 'CCS_OBTENU'))).toBe(false);
    expect(reussitePartielle(i('PRESENT', 'REUSSITE_PARTIELLE'))).toBe(true);
    expect(reussiteTotale(i('ABSENT', 'TITRE_OBTENU'))).toBe(false);
    expect(taux(1, 3)).toBeCloseTo(1 / 3);
    expect(taux(0, 0)).toBeNull();
  });

  test('the SQL form names the same states and decisions', () => {
    expect(Sql.sessionDeLaSemaine).toContain("NOT IN ('EN_PREPARATION', 'ANNULEE')");
    expect(Sql.resultatsOfficiels).toContain("IN ('RESULTATS_VALIDES', 'CLOTUREE')");
    expect(Sql.presente).toContain("IN ('PRESENT', 'ABANDON')");
    expect(Sql.reussiteTotale).toContain("IN ('TITRE_OBTENU', 'CCS_OBTENU')");
    expect(Sql.sessionDeLaSemaine.match(/\?/g)).toHaveLength(6);
  });
});

describe('R7 territory keys, R8 retries', () => {
  test('keys are canonical and reversible', () => {
    expect(clePerimetre({ kind: 'centres', centreIds: [7, 3, 7] })).toBe('centres:3,7');
    expect(clePerimetre({ kind: 'departements', codes: ['988'] })).toBe('departements:988');
    expect(perimetreDeCle('regions:11,84')).toEqual({ kind: 'regions', codes: ['11', '84'] });
    expect(perimetreDeCle('national')).toEqual({ kind: 'national' });
    expect(() => perimetreDeCle('planete:3')).toThrow(RangeError);
    expect(libellePerimetre({ kind: 'departements', codes: ['988'] })).toBe('Nouvelle-Calédonie');
  });

  test('the delay doubles, and attempts stop at the maximum', () => {
    const at = new Date('2019-06-10T06:00:00Z');
    const politique = { maxTentatives: 3, delaiMinutes: 15 };
    expect(prochaineTentative(1, at, politique)?.toISOString()).toBe('2019-06-10T06:15:00.000Z');
    expect(prochaineTentative(2, at, politique)?.toISOString()).toBe('2019-06-10T06:30:00.000Z');
    expect(prochaineTentative(3, at, politique)).toBeNull();
  });
});

describe('French CSV formatting', () => {
  test('dates, decimal comma, first names, CCP results', () => {
    expect(dateFr('2019-06-03')).toBe('03/06/2019');
    expect(dateFr(null)).toBe('');
    expect(decimalFr(66.666, 1)).toBe('66,7');
    expect(pourcentageFr(1 / 3)).toBe('33,3');
    expect(pourcentageFr(null)).toBe('');
    expect(prenoms(['Jean', 'Émile'])).toBe('Jean Émile');
    expect(resultatsCcp([{ code: 'CCP1', resultat: 'ACQUIS' }, { code: 'CCP2', acquis: false }])).toBe('CCP1:ACQUIS, CCP2:NON_ACQUIS');
  });

  test('a session row: situation, counts and rate', () => {
    const row = ligne('sessions', { numero: 'S1', statut: 'RESULTATS_VALIDES', nb_deverrouillages: 1, date_fin: '2019-06-12', inscrits: '6', presentes: '4', reussites_totales: '1' });
    const header = entetes('sessions');
    expect(row[header.indexOf('Situation des résultats')]).toBe('Résultats revalidés après déverrouillage');
    expect(row[header.indexOf('Date de fin')]).toBe('12/06/2019');
    expect(row[header.indexOf('Taux de réussite totale (%)')]).toBe('25,0');
  });

  test('free text cannot become a spreadsheet formula', () => {
    const row = ligne('inscriptions', { motif_desinscription: '=HYPERLINK("x")', nom_naissance: '-DUPONT' });
    const header = entetes('inscriptions');
    expect(row[header.indexOf('Motif de désinscription')]).toBe('\'=HYPERLINK("x")');
    expect(row[header.indexOf('Nom de naissance')]).toBe("'-DUPONT");
  });
});

describe('statistics filters and lines', () => {
  test('known filters only, with French messages naming the field', () => {
    expect(parseStatistiquesFiltre({ axe: 'region', annee: '2019', voieAcces: 'VAE' })).toEqual({ axe: 'region', annee: 2019, voieAcces: 'VAE' });
    expect(() => parseStatistiquesFiltre({ axe: 'planete' })).toThrow(/Axe inconnu/);
    expect(() => parseStatistiquesFiltre({ centre: '1' })).toThrow(expect.objectContaining({ field: 'filter.centre' }));
    expect(() => parseStatistiquesFiltre({ annee: 'deux mille' })).toThrow(expect.objectContaining({ field: 'filter.annee' }));
    expect(() => parseStatistiquesFiltre({ departement: "69' OR 1=1" })).toThrow(expect.objectContaining({ field: 'filter.departement' }));
  });

  test('rates in percent with one decimal, failures derived', () => {
    const line = ligneStatistique({ cle: 'TP-1', libelle: 'x', inscrits: 8, presentes: 6, absents: 2, reussitesTotales: 2, reussitesPartielles: 1, titresDelivres: 2 }, 'titre');
    expect(line).toMatchObject({ id: 'TP-1', echecs: 3, tauxReussiteTotale: 33.3, tauxReussitePartielle: 16.7, tauxReussite: 50 });
    expect(ligneStatistique({ cle: null, libelle: null, inscrits: 0, presentes: 0, absents: 0, reussitesTotales: 0, reussitesPartielles: 0, titresDelivres: 0 }, 'ensemble').tauxReussite).toBeNull();
  });

  test('settings: defaults, and bad values refused at boot', () => {
    expect(settingsFrom({})).toMatchObject({ cron: '0 0 6 * * 1', fuseau: 'Europe/Paris', maxTentatives: 3 });
    expect(() => settingsFrom({ cron: 'lundi' })).toThrow(/cron/);
    expect(() => settingsFrom({ fuseau: 'Mars/Olympus' })).toThrow(/fuseau/);
    expect(() => settingsFrom({ maxTentatives: 0 })).toThrow(/maxTentatives/);
  });
});
