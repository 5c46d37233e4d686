import { eligibilityViolations, homonymesInscrits, premierPrenom, sessionsInWindow, type RegistrationHistoryItem } from './eligibility';
import { DEFAULT_SETTINGS, settingsFrom } from './settings';
import { editViolations, changedFields } from './edit-rules';

const item = (session: string, dateDebut: string, patch: Partial<RegistrationHistoryItem> = {}): RegistrationHistoryItem => ({
  session,
  sessionType: 'TITRE',
  sessionStatut: 'RESULTATS_VALIDES',
  titre: 'T1',
  dateDebut,
  statut: 'INSCRIT',
  presence: 'PRESENT',
  ...patch,
});
const target = { session: 'S-new', type: 'TITRE' as const, titre: 'T1', dateDebut: '2026-06-01' };
const rules = (history: RegistrationHistoryItem[], patch: Partial<Parameters<typeof eligibilityViolations>[0]> = {}) =>
  eligibilityViolations({ target, history, titreObtenu: false, settings: DEFAULT_SETTINGS, ...patch }).map((v) => v.rule);

const three = [item('a', '2025-09-01'), item('b', '2025-12-01'), item('c', '2026-03-01')];

test('a fourth session of the same title within 12 months is refused', () => {
  expect(rules(three)).toEqual(['LIMITE_SESSIONS']);
  expect(rules(three.slice(0, 2))).toEqual([]);
});

test('sessions titre and CCP of the same title count together', () => {
  expect(rules([item('a', '2025-09-01', { sessionType: 'CCP' }), item('b', '2025-12-01'), item('c', '2026-03-01', { sessionType: 'CCP' })])).toEqual(['LIMITE_SESSIONS']);
});

test('v1.6: sessions CCS are not counted, and a session CCS ignores the limit', () => {
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { sessionType: 'CCS' })])).toEqual([]);
  expect(rules(three, { target: { ...target, type: 'CCS' }, titreObtenu: true })).toEqual([]);
});

test('a session CCS requires the title already obtained', () => {
  expect(rules([], { target: { ...target, type: 'CCS' }, titreObtenu: false })).toEqual(['CCS_SANS_TITRE']);
});

test('v1.7.1 absence justifiée: a justified absence does not count and allows re-registration', () => {
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { presence: 'ABSENT_JUSTIFIE' })])).toEqual([]);
  // an unjustified absence counts
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { presence: 'ABSENT' })])).toEqual(['LIMITE_SESSIONS']);
});

test('unregistrations, cancelled sessions and other titles do not count', () => {
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { statut: 'DESINSCRIT' })])).toEqual([]);
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { sessionStatut: 'ANNULEE' })])).toEqual([]);
  expect(rules([...three.slice(0, 2), item('c', '2026-03-01', { titre: 'T2' })])).toEqual([]);
});

test('rolling window: sessions more than 12 months apart are not in the same window', () => {
  // 2025-05-01 and 2026-05-15 are more than 12 months apart: no 12-month window holds 3 others + target
  expect(rules([item('a', '2025-05-01'), item('b', '2025-12-01'), item('c', '2026-09-01')])).toEqual([]);
  // …but three within a year before plus the target are refused
  expect(rules([item('a', '2025-06-02'), item('b', '2025-12-01'), item('c', '2026-05-01')])).toEqual(['LIMITE_SESSIONS']);
  // future registrations count as well
  expect(rules([item('a', '2026-07-01', { sessionStatut: 'VALIDEE', presence: null }), item('b', '2026-08-01'), item('c', '2026-09-01')])).toEqual(['LIMITE_SESSIONS']);
});

test('calendar-year window is a setting', () => {
  const settings = settingsFrom({ fenetreSessions: 'ANNEE_CIVILE' });
  expect(rules(three, { settings })).toEqual([]); // only 2026-03-01 is in 2026
  expect(rules([item('a', '2026-01-02'), item('b', '2026-02-01'), item('c', '2026-12-30')], { settings })).toEqual(['LIMITE_SESSIONS']);
  expect(sessionsInWindow(['2025-12-31', '2026-01-01'], '2026-06-01', 'ANNEE_CIVILE')).toEqual(['2026-01-01']);
});

test('one active registration per candidate and session', () => {
  expect(rules([item('S-new', '2026-06-01', { presence: null })])).toEqual(['DEJA_INSCRIT']);
  expect(rules([item('S-new', '2026-06-01', { statut: 'DESINSCRIT' })])).toEqual([]);
});

test('settings refuse nonsense', () => {
  expect(() => settingsFrom({ fenetreSessions: 'MOIS' })).toThrow(/fenetreSessions/);
  expect(() => settingsFrom({ delaiDeclarationJours: -1 })).toThrow(/delaiDeclarationJours/);
  expect(settingsFrom({ delaiDeclarationJours: '30' }).delaiDeclarationJours).toBe(30);
});

describe('edits by state', () => {
  test('v1.7 responsable de session modifiable après soumission des résultats: locked once results are transmitted', () => {
    for (const statut of ['RESULTATS_TRANSMIS', 'RESULTATS_VALIDES', 'DEVERROUILLEE'] as const) {
      expect(editViolations(statut, ['responsableSession'])).toEqual([{ field: 'responsableSession', message: expect.stringMatching(/résultats transmis/) }]);
    }
    expect(editViolations('FINALISEE', ['responsableSession'])).toEqual([]);
  });
  test('identity fields only while in preparation; nothing once cancelled or closed', () => {
    expect(editViolations('EN_PREPARATION', ['dateDebut', 'titre'])).toEqual([]);
    expect(editViolations('DECLAREE', ['dateDebut']).map((v) => v.field)).toEqual(['dateDebut']);
    expect(editViolations('ANNULEE', ['lieu']).map((v) => v.field)).toEqual(['lieu']);
    expect(editViolations('VALIDEE', ['lieu'])).toEqual([]);
  });
  test('changedFields compares relations by documentId and ignores order of lists', () => {
    expect(changedFields({ a: 'x', b: ['1', '2'], c: null }, { a: 'x', b: ['2', '1'], c: '' })).toEqual([]);
    expect(changedFields({ a: 'x', b: ['1'] }, { a: 'y', b: ['1', '2'] })).toEqual(['a', 'b']);
  });
});

describe('v1.7 contrôle inscription homonyme candidat', () => {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const p = (id: string, nom: string, prenom: string, dateNaissance = '1990-01-01') => ({ id, nom, prenom, dateNaissance });
  test('same birth name, first name and birth date (accents, case, hyphens aside) is a homonym', () => {
    expect(homonymesInscrits(p('a', 'Lefèvre', 'Jean-Luc'), [p('b', 'LEFEVRE', 'jean luc'), p('c', 'Lefèvre', 'Jean-Luc', '1991-01-01'), p('d', 'Lefèvre', 'Marc')], fold).map((x) => x.id)).toEqual(['b']);
  });
  test('the candidate is not their own homonym', () => {
    expect(homonymesInscrits(p('a', 'Martin', 'Léa'), [p('a', 'Martin', 'Léa')], fold)).toEqual([]);
  });
  test('first first name from a list or from its JSON text', () => {
    expect(premierPrenom(['Marie-Hélène', 'Léa'])).toBe('Marie-Hélène');
    expect(premierPrenom('["Marie-Hélène", "Léa"]')).toBe('Marie-Hélène');
    expect(premierPrenom(null)).toBe('');
  });
});
