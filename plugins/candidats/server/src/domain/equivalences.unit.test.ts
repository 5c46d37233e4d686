import { messageHorsValidite, regleValide, verifierDecision, verifierDemande, verifierRegle, type Demande, type Regle } from './equivalences';

const AUJOURDHUI = '2026-12-03';
const tuteur: Regle = {
  id: 'r1',
  libelle: 'CCE Exercer le rôle de tuteur → MATU',
  type: 'EXTERNE',
  valideDu: '2022-01-01',
  valideAu: '2026-06-30',
  ccpsSource: [],
  ccpsCible: ['matu-1', 'matu-2'],
};
const version: Regle = { id: 'r2', libelle: 'DWWM v03 → v04', type: 'CORRESPONDANCE_VERSION', valideDu: '2023-01-01', valideAu: null, ccpsSource: ['front-03'], ccpsCible: ['front-04'] };
const mandates: Regle = { id: 'r3', libelle: 'Mandatés → CCP Encadrer', type: 'INTERNE', ccpsSource: ['mandat-encadrement'], ccpsCible: ['ccp-encadrer'] };

describe('validity of a rule', () => {
  test('bounds are inclusive, missing bounds are open', () => {
    expect(regleValide(tuteur, '2022-01-01')).toBe(true);
    expect(regleValide(tuteur, '2026-06-30')).toBe(true);
    expect(regleValide(tuteur, '2021-12-31')).toBe(false);
    expect(regleValide(tuteur, '2026-07-01')).toBe(false);
    expect(regleValide(version, '2099-01-01')).toBe(true);
    expect(regleValide(mandates, '1990-01-01')).toBe(true);
  });
  test('the message says the request is outside the validity, with the dates', () => {
    expect(messageHorsValidite(tuteur, '2026-07-01')).toBe(
      'Demande hors de la période de validité de la règle « CCE Exercer le rôle de tuteur → MATU » : valable du 01/01/2022 au 30/06/2026, demande du 01/07/2026.',
    );
    expect(messageHorsValidite(version, '2022-05-01')).toContain('valable à partir du 01/01/2023');
  });
  test('a rule ending before it starts is refused', () => {
    expect(verifierRegle({ valideDu: '2024-01-01', valideAu: '2023-01-01' })).toEqual([{ field: 'valideAu', message: expect.stringContaining('précède') }]);
    expect(verifierRegle({ type: 'CCP_COMMUN', ccpsSource: [] })[0].field).toBe('ccpsSource');
  });
});

describe('verifierDemande', () => {
  const externe: Demande = { type: 'EXTERNE', regle: 'r1', certificationExterne: 'CCE tuteur RS5368', ccpsCible: ['matu-1'], dateDemande: '2026-03-01' };

  test('a complete external request within validity passes', () => {
    expect(verifierDemande(externe, tuteur, AUJOURDHUI)).toEqual([]);
  });
  test('outside the rule validity → refused, saying so', () => {
    const errors = verifierDemande({ ...externe, dateDemande: '2026-09-01' }, tuteur, AUJOURDHUI);
    expect(errors).toEqual([{ field: 'regle', message: expect.stringContaining('hors de la période de validité') }]);
  });
  test('the request date defaults to today', () => {
    expect(verifierDemande({ ...externe, dateDemande: null }, tuteur, AUJOURDHUI)[0].message).toContain('demande du 03/12/2026');
  });
  test('external needs the certification held', () => {
    expect(verifierDemande({ ...externe, certificationExterne: ' ' }, tuteur, AUJOURDHUI).map((e) => e.field)).toEqual(['certificationExterne']);
  });
  test('internal needs the kind (mandatés / maître d’apprentissage)', () => {
    const demande: Demande = { type: 'INTERNE', regle: 'r3', ccpsSource: ['mandat-encadrement'], ccpsCible: ['ccp-encadrer'] };
    expect(verifierDemande(demande, mandates, AUJOURDHUI).map((e) => e.field)).toEqual(['sousType']);
    expect(verifierDemande({ ...demande, sousType: 'MANDATES' }, mandates, AUJOURDHUI)).toEqual([]);
  });
  test('a correspondence needs its source CCPs and targets within the rule', () => {
    const demande: Demande = { type: 'CORRESPONDANCE_VERSION', regle: 'r2', ccpsSource: [], ccpsCible: ['front-04', 'back-04'] };
    expect(verifierDemande(demande, version, AUJOURDHUI).map((e) => e.field)).toEqual(['ccpsSource', 'ccpsCible']);
  });
  test('the rule must be of the request type', () => {
    const errors = verifierDemande({ type: 'CCP_COMMUN', regle: 'r2', ccpsSource: ['front-03'], ccpsCible: ['front-04'] }, version, AUJOURDHUI);
    expect(errors).toEqual([{ field: 'regle', message: expect.stringContaining('pas une CCP commun') }]);
  });
  test('no rule, no type', () => {
    expect(verifierDemande({ type: null }, null, AUJOURDHUI)[0].field).toBe('type');
    expect(verifierDemande({ ...externe, regle: null }, null, AUJOURDHUI).map((e) => e.field)).toEqual(['regle']);
  });
});

describe('verifierDecision', () => {
  const deposee: Demande = { type: 'CORRESPONDANCE_VERSION', regle: 'r2', ccpsSource: ['front-03'], ccpsCible: ['front-04'], statut: 'DEPOSEE', dateDemande: '2026-01-10' };

  test('accord when the candidate holds the source CCPs, within validity', () => {
    expect(verifierDecision(deposee, version, { decision: 'ACCORD' }, new Set(['front-03']), AUJOURDHUI)).toBeNull();
  });
  test('accord refused when the source CCP is not held', () => {
    expect(verifierDecision(deposee, version, { decision: 'ACCORD' }, new Set(), AUJOURDHUI)?.field).toBe('ccpsSource');
  });
  test('accord refused outside the validity of the rule', () => {
    const error = verifierDecision({ ...deposee, dateDemande: '2022-06-01' }, version, { decision: 'ACCORD' }, new Set(['front-03']), AUJOURDHUI);
    expect(error?.message).toContain('hors de la période de validité');
  });
  test('refusal needs a reason', () => {
    expect(verifierDecision(deposee, version, { decision: 'REFUS', motif: '' }, new Set(), AUJOURDHUI)?.field).toBe('motif');
    expect(verifierDecision(deposee, version, { decision: 'REFUS', motif: 'Justificatif illisible' }, new Set(), AUJOURDHUI)).toBeNull();
  });
  test('a decided request is not decided again', () => {
    expect(verifierDecision({ ...deposee, statut: 'ACCORDEE' }, version, { decision: 'REFUS', motif: 'x' }, new Set(), AUJOURDHUI)?.message).toContain('déjà accordée');
  });
});
