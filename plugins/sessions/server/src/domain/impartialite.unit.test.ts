/**
 * Issue 7 §2: "a juror with a declared link to a candidate's centre or employer is flagged".
 */
import { normalizeSearchText } from '../../../../bridge/server/src/domain/search-text';
import { liensDuJure, memeEntreprise, signalement, type CandidatLiens, type JureLiens } from './impartialite';

const aucun: JureLiens = { centres: [], employeur: null, entreprises: [] };
const dupont: CandidatLiens = { nom: 'DUPONT Jean', centres: ['centre-b'], employeur: { raisonSociale: 'Boulangerie Martin & Fils', siret: '73282932000074' } };
const liens = (jure: Partial<JureLiens>, candidats: CandidatLiens[] = [dupont]) => liensDuJure({ ...aucun, ...jure }, { id: 'centre-a' }, candidats, normalizeSearchText);

describe('impartiality of the jury: links flagged', () => {
  test('no declared link: nothing flagged', () => {
    expect(liens({})).toEqual([]);
    expect(signalement([])).toEqual({ lienSignale: false, lienDetail: null });
  });

  test("a link with the organising centre, or with a candidate's own centre", () => {
    expect(liens({ centres: ['centre-a'] })).toEqual(['Lien déclaré avec le centre organisateur']);
    expect(liens({ centres: ['centre-b'] })).toEqual(['Lien déclaré avec le centre de DUPONT Jean']);
  });

  test("a declared link with the candidate's employer: same SIREN, or the same name when a SIRET is missing", () => {
    // another establishment of the same company (same SIREN, other NIC)
    expect(liens({ entreprises: [{ raisonSociale: 'Martin SA', siret: '73282932000082' }] })).toEqual(["Lien déclaré avec l'employeur de DUPONT Jean (Boulangerie Martin & Fils)"]);
    expect(liens({ entreprises: [{ raisonSociale: 'BOULANGERIE MARTIN & FILS' }] })).toHaveLength(1);
    expect(liens({ entreprises: [{ raisonSociale: 'Boulangerie Martin & Fils', siret: '35600000000048' }] })).toEqual([]);
  });

  test("the juror's own employer is the candidate's: flagged (2008 règlement: same company)", () => {
    expect(liens({ employeur: 'boulangerie martin & fils' })).toEqual(['Même employeur que DUPONT Jean (Boulangerie Martin & Fils)']);
    expect(liens({ employeur: 'Pâtisserie Durand' })).toEqual([]);
  });

  test('a candidate without employer is never matched; the detail kept fits 500 characters', () => {
    expect(liens({ entreprises: [{ raisonSociale: '' }] }, [{ ...dupont, employeur: null }])).toEqual([]);
    expect(memeEntreprise({ raisonSociale: '' }, { raisonSociale: '' }, normalizeSearchText)).toBe(false);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...dupont, nom: `CANDIDAT${i} Prénom` }));
    const flag = signalement(liens({ employeur: 'Boulangerie Martin & Fils' }, many));
    expect(flag.lienSignale).toBe(true);
    expect(flag.lienDetail!.length).toBeLessThanOrEqual(500);
  });
});
