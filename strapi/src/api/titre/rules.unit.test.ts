import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTitre, statutSelonDates, titreOuvertAuxSessions } from './rules';
import { titreRows, type TitresFile } from '../../seed/referentiels';

const file = JSON.parse(readFileSync(path.join(__dirname, '../../../data/titres.json'), 'utf8')) as TitresFile;

describe('the titles file shipped in strapi/data/titres.json', () => {
  test('at least 40 titles with their CCPs, the two specific certifications, coherent records', () => {
    const tp = new Set(file.titres.filter((t) => t.code.startsWith('TP-')).map((t) => t.code));
    expect(tp.size).toBeGreaterThanOrEqual(40);
    for (const sigle of ['DWWM', 'CDA', 'ADVF', 'SA', 'SC', 'CA', 'GP', 'APH', 'CUI', 'SR', 'MAC', 'EEB', 'PLQ', 'PB', 'CTRMP', 'PCE', 'AM', 'TSSR', 'TAI', 'MUM', 'VCM', 'CRCD', 'FPA', 'SAI']) {
      expect(file.titres.some((t) => t.sigle === sigle)).toBe(true);
    }
    expect(file.titres.filter((t) => t.typeCertification === 'CERTIFICATION_SPECIFIQUE').map((t) => t.sigle).sort()).toEqual(['CCTM', 'MATU']);
    const ccpCodes = new Set(file.ccps.map((c) => c.code));
    for (const t of file.titres) {
      expect([t.code, t.version, checkTitre({ ...t, predecesseur: t.predecesseur ?? null, successeur: t.successeur ?? null })]).toEqual([t.code, t.version, []]);
      expect(t.ccps.length).toBeGreaterThanOrEqual(t.typeCertification === 'CERTIFICATION_SPECIFIQUE' ? 3 : 2);
      for (const code of t.ccps) expect(ccpCodes.has(code)).toBe(true);
      for (const date of [t.dateDebutValidite, t.dateFinValidite, t.dateFinProlongation, ...(t.ccss ?? []).flatMap((s) => [s.dateDebutValidite, s.dateFinValidite])]) {
        if (date) expect([t.code, date, new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)]).toEqual([t.code, date, date]);
      }
    }
  });

  test('one title in two versions whose CCPs correspond, and CCPs common to several titles', () => {
    const { ccps, titres } = titreRows(file);
    const dwwm2023 = titres.find((t) => t.key === 'TP-01280|2023');
    expect(dwwm2023?.links?.predecesseur).toEqual(['TP-01280|2018']);
    const front = ccps.find((c) => c.key === 'CP-01280-23-1');
    expect(front?.links).toEqual({ titres: ['TP-01280|2023'], correspondances: ['CP-01280-18-1'] });
    const commun = ccps.find((c) => c.values.intitule === "Assister une équipe dans la communication des informations et l'organisation des activités");
    expect(commun?.links?.titres.length).toBeGreaterThanOrEqual(3);
  });
});

describe('title rules', () => {
  test('reports inconsistent records field by field, in French', () => {
    const errors = checkTitre({ code: 'TP-1280', niveau: 5, niveauEqf: 4, dateDebutValidite: '2023-01-01', dateFinValidite: '2022-01-01', statut: 'REMPLACE' });
    expect(errors.map((e) => e.field)).toEqual(['code', 'niveauEqf', 'dateFinValidite', 'successeur']);
    expect(checkTitre({ code: 'TP-01280', niveau: null })[0].message).toBe('Le niveau (3 à 6) est obligatoire pour un titre professionnel.');
  });

  test('sessions are open until the end of the prolongation year', () => {
    const titre = { dateDebutValidite: '2021-09-01', dateFinValidite: '2026-08-31', dateFinProlongation: '2027-08-31', statut: 'EN_PROLONGATION' };
    expect(titreOuvertAuxSessions(titre, '2027-08-31')).toBe(true);
    expect(titreOuvertAuxSessions(titre, '2027-09-01')).toBe(false);
    expect(titreOuvertAuxSessions({ ...titre, statut: 'CLOTURE' }, '2026-01-01')).toBe(false);
    expect(statutSelonDates(titre, '2026-12-03')).toBe('EN_PROLONGATION');
    expect(statutSelonDates(titre, '2026-01-01')).toBe('ACTIF');
    expect(statutSelonDates(titre, '2028-01-01')).toBe('CLOTURE');
  });
});
