import { actionsPossibles, cibleClose, couvrePeriode, doitExpirer, erreursPeriode, finValidite, refusAction, type Cible, type EtatHabilitation } from './habilitation';

const AUJOURDHUI = '2026-06-15';
const titre = (extra: Partial<Cible> = {}): Cible => ({ nature: 'titre', libelle: 'TP-01280 (2023)', statut: 'ACTIF', dateFinValidite: '2028-12-31', ...extra });
const h = (statut: EtatHabilitation['statut'], extra: Partial<EtatHabilitation> = {}): EtatHabilitation => ({ statut, dateDebut: '2025-01-01', dateFin: '2027-12-31', ...extra });
const ouvert = { cibleClose: false, successeurOuvert: false };
const clos = (successeurOuvert: boolean) => ({ cibleClose: true, successeurOuvert });

describe('titre ou CCS clôturé', () => {
  test('by status or by end of validity (the last day still counts)', () => {
    expect(cibleClose(titre(), AUJOURDHUI)).toBe(false);
    expect(cibleClose(titre({ statut: 'CLOTURE' }), AUJOURDHUI)).toBe(true);
    expect(cibleClose(titre({ statut: 'REMPLACE' }), AUJOURDHUI)).toBe(true);
    expect(cibleClose(titre({ statut: 'EN_PROLONGATION', dateFinValidite: AUJOURDHUI }), AUJOURDHUI)).toBe(false);
    expect(cibleClose(titre({ dateFinValidite: '2026-06-14' }), AUJOURDHUI)).toBe(true);
  });
  test('a CCS is closed when its title is, and ends no later than its title', () => {
    const ccs: Cible = { nature: 'ccs', libelle: 'CCS-1', dateFinValidite: '2030-01-01', parent: titre({ statut: 'CLOTURE' }) };
    expect(cibleClose(ccs, AUJOURDHUI)).toBe(true);
    expect(finValidite({ ...ccs, parent: titre() })).toBe('2028-12-31');
    expect(finValidite({ nature: 'ccs', libelle: 'x', dateFinValidite: '2027-01-01', parent: titre() })).toBe('2027-01-01');
    expect(finValidite({ nature: 'titre', libelle: 'x' })).toBeNull();
  });
});

describe('actions offered by state', () => {
  test('open title', () => {
    expect(actionsPossibles(h('ACTIVE'), ouvert, AUJOURDHUI)).toEqual(['suspendre', 'retirer', 'renouveler']);
    expect(actionsPossibles(h('SUSPENDUE'), ouvert, AUJOURDHUI)).toEqual(['reactiver', 'retirer', 'renouveler', 'clore']);
    expect(actionsPossibles(h('SUSPENDUE', { dateFin: '2026-06-14' }), ouvert, AUJOURDHUI)).toEqual(['retirer', 'renouveler', 'clore']);
    expect(actionsPossibles(h('EXPIREE'), ouvert, AUJOURDHUI)).toEqual(['renouveler', 'clore']);
    expect(actionsPossibles(h('RETIREE'), ouvert, AUJOURDHUI)).toEqual(['renouveler', 'clore']);
    expect(actionsPossibles(h('CLOSE'), ouvert, AUJOURDHUI)).toEqual([]);
  });

  test('v1.7.1: inactive habilitation on a closed title → close, or renew onto the successor', () => {
    for (const statut of ['SUSPENDUE', 'EXPIREE', 'RETIREE'] as const) {
      expect(actionsPossibles(h(statut), clos(true), AUJOURDHUI)).toEqual(['renouveler', 'clore']);
      expect(actionsPossibles(h(statut), clos(false), AUJOURDHUI)).toEqual(['clore']);
    }
    expect(actionsPossibles(h('CLOSE'), clos(true), AUJOURDHUI)).toEqual([]);
  });

  test('refusals explain why, in French', () => {
    expect(refusAction('suspendre', h('ACTIVE'), titre(), ouvert, AUJOURDHUI)).toBeNull();
    expect(refusAction('reactiver', h('SUSPENDUE'), titre({ statut: 'CLOTURE' }), clos(true), AUJOURDHUI)).toBe(
      'Impossible de réactiver cette habilitation : le titre TP-01280 (2023) est clôturé. Seuls la consultation, la clôture et le renouvellement sur le titre successeur sont possibles.',
    );
    expect(refusAction('renouveler', h('EXPIREE'), titre({ statut: 'CLOTURE' }), clos(false), AUJOURDHUI)).toMatch(/n'a pas de titre successeur en vigueur/);
    expect(refusAction('clore', h('ACTIVE'), titre(), ouvert, AUJOURDHUI)).toBe('Impossible de clore une habilitation active.');
    expect(refusAction('suspendre', h('CLOSE'), titre(), ouvert, AUJOURDHUI)).toBe('Impossible de suspendre cette habilitation : elle est close.');
    expect(refusAction('reactiver', h('SUSPENDUE', { dateFin: '2026-01-01' }), titre(), ouvert, AUJOURDHUI)).toMatch(/sa date de fin \(01\/01\/2026\) est passée/);
  });
});

describe('validity of a new active habilitation', () => {
  test('valid period', () => {
    expect(erreursPeriode({ dateDebut: AUJOURDHUI, dateFin: '2028-12-31' }, titre(), AUJOURDHUI)).toEqual([]);
  });
  test('end no later than the title end of validity (the last day is allowed)', () => {
    expect(erreursPeriode({ dateDebut: AUJOURDHUI, dateFin: '2029-01-01' }, titre(), AUJOURDHUI)).toEqual([
      { field: 'dateFin', message: 'La date de fin (01/01/2029) dépasse la fin de validité du titre TP-01280 (2023) (31/12/2028).' },
    ]);
  });
  test('nothing can be active on a closed title', () => {
    const errors = erreursPeriode({ dateDebut: AUJOURDHUI, dateFin: '2026-12-31' }, titre({ statut: 'CLOTURE' }), AUJOURDHUI);
    expect(errors).toEqual([{ field: 'titre', message: 'Le titre TP-01280 (2023) est clôturé : aucune habilitation active ne peut y être accordée.' }]);
    const ccs: Cible = { nature: 'ccs', libelle: 'CCS-1', parent: titre({ dateFinValidite: '2026-06-01' }) };
    expect(erreursPeriode({ dateDebut: AUJOURDHUI, dateFin: '2026-12-31' }, ccs, AUJOURDHUI)[0].field).toBe('ccs');
  });
  test('end before start, end already passed, missing dates', () => {
    expect(erreursPeriode({ dateDebut: '2027-01-02', dateFin: '2027-01-01' }, titre(), AUJOURDHUI).map((e) => e.field)).toEqual(['dateFin']);
    expect(erreursPeriode({ dateDebut: '2026-01-01', dateFin: '2026-06-14' }, titre(), AUJOURDHUI)[0].message).toMatch(/est déjà passée/);
    expect(erreursPeriode({ dateDebut: '2026-02-30', dateFin: null }, { nature: 'titre', libelle: 'X' }, AUJOURDHUI)).toEqual([
      { field: 'dateDebut', message: 'La date de début est obligatoire (AAAA-MM-JJ).' },
      { field: 'dateFin', message: "La date de fin est obligatoire (AAAA-MM-JJ) : le titre n'a pas de date de fin de validité." },
    ]);
  });
});

describe('expiry and session coverage', () => {
  test('active and suspended habilitations expire the day after their end, or when the title closes', () => {
    expect(doitExpirer(h('ACTIVE', { dateFin: '2026-06-15' }), false, AUJOURDHUI)).toBe(false);
    expect(doitExpirer(h('ACTIVE', { dateFin: '2026-06-14' }), false, AUJOURDHUI)).toBe(true);
    expect(doitExpirer(h('SUSPENDUE'), true, AUJOURDHUI)).toBe(true);
    expect(doitExpirer(h('RETIREE', { dateFin: '2020-01-01' }), true, AUJOURDHUI)).toBe(false);
  });
  test('a session is covered only by an active habilitation spanning all its dates', () => {
    expect(couvrePeriode(h('ACTIVE'), '2025-01-01', '2027-12-31')).toBe(true);
    expect(couvrePeriode(h('ACTIVE'), '2024-12-31', '2025-01-02')).toBe(false);
    expect(couvrePeriode(h('ACTIVE'), '2027-12-30', '2028-01-01')).toBe(false);
    expect(couvrePeriode(h('SUSPENDUE'), '2026-01-01', '2026-01-02')).toBe(false);
  });
});
