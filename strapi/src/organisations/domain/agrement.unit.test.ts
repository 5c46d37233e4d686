import { addMonths, autorisationEnCours, autorisationErrors, decide, finMaximale, isActionAgrement, periodeErrors, TRANSITIONS_AGREMENT, type StatutAgrement } from './agrement';

const TODAY = '2026-06-15';
const demande = { statut: 'DEMANDE' as StatutAgrement, dateDebut: '2026-07-01', dateFin: '2029-06-30' };

describe('decide: state machine', () => {
  test.each([
    ['DEMANDE', 'accorder', 'ACCORDE', 'Agrément accordé.'],
    ['DEMANDE', 'refuser', 'REFUSE', "Demande d'agrément refusée."],
    ['ACCORDE', 'retirer', 'RETIRE', 'Agrément retiré.'],
  ] as const)('%s --%s--> %s with its own message', (statut, action, to, message) => {
    const result = decide({ ...demande, statut }, action, { motif: 'Plateau technique non conforme' }, TODAY);
    expect(result).toEqual({ ok: true, changes: { statut: to, dateDecision: TODAY, motifDecision: 'Plateau technique non conforme' }, message });
  });

  test('every action has a distinct success message (v1.7: the wrong one was shown on validation)', () => {
    const messages = Object.values(TRANSITIONS_AGREMENT).map((t) => t.succes);
    expect(new Set(messages).size).toBe(messages.length);
    expect(TRANSITIONS_AGREMENT.accorder.succes).toMatch(/accordé/);
    expect(TRANSITIONS_AGREMENT.accorder.succes).not.toMatch(/refus|retir/);
  });

  const forbidden: [StatutAgrement, 'accorder' | 'refuser' | 'retirer' | 'expirer'][] = [
    ['ACCORDE', 'accorder'],
    ['REFUSE', 'accorder'],
    ['RETIRE', 'accorder'],
    ['EXPIRE', 'accorder'],
    ['ACCORDE', 'refuser'],
    ['REFUSE', 'refuser'],
    ['DEMANDE', 'retirer'],
    ['REFUSE', 'retirer'],
    ['RETIRE', 'retirer'],
    ['DEMANDE', 'expirer'],
    ['RETIRE', 'expirer'],
  ];
  test.each(forbidden)('%s cannot be "%s": 409 naming the statut in French', (statut, action) => {
    const result = decide({ ...demande, statut, dateFin: '2020-01-01' }, action, { motif: 'x' }, TODAY);
    expect(result).toMatchObject({ ok: false, status: 409, field: 'statut' });
    if (!result.ok) expect(result.message).toMatch(/cet agrément est (demandé|accordé|refusé|retiré|expiré)\.$/);
  });

  test('refusing and withdrawing need a reason', () => {
    expect(decide(demande, 'refuser', {}, TODAY)).toMatchObject({ ok: false, status: 400, field: 'motif' });
    expect(decide(demande, 'refuser', { motif: '   ' }, TODAY)).toMatchObject({ ok: false, status: 400, field: 'motif' });
    expect(decide({ ...demande, statut: 'ACCORDE' }, 'retirer', {}, TODAY)).toMatchObject({ ok: false, field: 'motif', message: expect.stringMatching(/retirer/) });
    expect(decide(demande, 'refuser', { motif: 42 }, TODAY)).toMatchObject({ ok: false, field: 'motif' });
  });

  test('granting needs the dates; the decision date is today or a past date given', () => {
    expect(decide({ statut: 'DEMANDE', dateDebut: null, dateFin: '2029-01-01' }, 'accorder', {}, TODAY)).toMatchObject({ ok: false, field: 'dateDebut' });
    expect(decide(demande, 'accorder', { dateDecision: '2026-06-01' }, TODAY)).toMatchObject({ ok: true, changes: { dateDecision: '2026-06-01', motifDecision: null } });
    expect(decide(demande, 'accorder', { dateDecision: '2026-06-16' }, TODAY)).toMatchObject({ ok: false, field: 'dateDecision', message: expect.stringMatching(/futur/) });
    expect(decide(demande, 'accorder', { dateDecision: '2026-02-30' }, TODAY)).toMatchObject({ ok: false, field: 'dateDecision' });
  });

  test('an agrément expires only once its end date is past', () => {
    expect(decide({ ...demande, statut: 'ACCORDE', dateFin: '2026-06-15' }, 'expirer', {}, TODAY)).toMatchObject({ ok: false, status: 409, field: 'dateFin' });
    expect(decide({ ...demande, statut: 'ACCORDE', dateFin: '2026-06-14' }, 'expirer', {}, TODAY)).toMatchObject({ ok: true, changes: { statut: 'EXPIRE' } });
  });

  test('isActionAgrement', () => {
    expect(isActionAgrement('accorder')).toBe(true);
    expect(isActionAgrement('toString')).toBe(false);
  });
});

describe('dates', () => {
  test('addMonths keeps the day or the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });

  test('the end limit is the prolongation end, or the validity end + 12 months', () => {
    expect(finMaximale({ libelle: 'TP', dateFinValidite: '2027-03-01', dateFinProlongation: '2028-02-15' })).toBe('2028-02-15');
    expect(finMaximale({ libelle: 'TP', dateFinValidite: '2027-03-01' })).toBe('2028-03-01');
    expect(finMaximale({ libelle: 'TP' })).toBeNull();
  });

  test('periodeErrors', () => {
    const titre = { libelle: 'TP-01280 Développeur web', dateFinValidite: '2027-03-01' };
    expect(periodeErrors({ dateDebut: '2026-01-01', dateFin: '2028-03-01' }, titre)).toEqual([]);
    expect(periodeErrors({ dateDebut: '2026-01-01', dateFin: '2028-03-02' }, titre)).toEqual([
      { field: 'dateFin', message: 'La date de fin (02/03/2028) dépasse la fin de validité de TP-01280 Développeur web prolongation comprise (01/03/2028).' },
    ]);
    expect(periodeErrors({ dateDebut: '2026-01-02', dateFin: '2026-01-01' }, null)).toEqual([{ field: 'dateFin', message: expect.stringMatching(/postérieure/) }]);
  });

  test('temporary authorisation: time-boxed, with a reason', () => {
    expect(autorisationErrors({ dateDebut: '2026-01-01', dateFin: '2027-01-01', motif: 'Renouvellement en cours' })).toEqual([]);
    expect(autorisationErrors({ dateDebut: '2026-01-01', dateFin: '2027-01-02', motif: 'x' })).toEqual([{ field: 'dateFin', message: expect.stringMatching(/12 mois/) }]);
    expect(autorisationErrors({ dateDebut: '2026-01-01', dateFin: '2025-12-31', motif: 'x' })[0].field).toBe('dateFin');
    expect(autorisationErrors({ dateDebut: '2026-01-01', dateFin: '2026-02-01', motif: ' ' })).toEqual([{ field: 'motif', message: 'Le motif est obligatoire.' }]);
    expect(autorisationEnCours({ dateDebut: '2026-01-01', dateFin: '2026-06-15' }, TODAY)).toBe(true);
    expect(autorisationEnCours({ dateDebut: '2026-01-01', dateFin: '2026-06-14' }, TODAY)).toBe(false);
  });
});
