import { departementDeCommune, departementDuCodePostal, libelleCommuneNaissance, paysActuel, verifierIdentite, type PaysInfo } from './identite';

const AUJOURDHUI = '2026-12-03';
const urss: PaysInfo = { codeInsee: '99123', nom: 'URSS', nature: 'ANCIEN_ETAT', dateFin: '1991-12-25' };
const maroc: PaysInfo = { codeInsee: '99350', nom: 'Maroc', nature: 'ETAT' };
const france: PaysInfo = { codeInsee: '99100', nom: 'France', nature: 'ETAT' };
const base = { nomNaissance: 'Martin', prenoms: ['Paul'], dateNaissance: '1985-03-14' };
const fields = (record: Record<string, unknown>, contexte: Partial<Parameters<typeof verifierIdentite>[1]> = {}) =>
  verifierIdentite(record, { aujourdhui: AUJOURDHUI, ...contexte }).map((e) => e.field);

test('born in France: commune code and label', () => {
  expect(fields({ ...base, communeNaissanceCode: '69123', communeNaissanceLibelle: 'Lyon' })).toEqual([]);
  expect(fields({ ...base, communeNaissance: 'doc123456789' })).toEqual([]);
});

test('born abroad: a country (a former one too) and a town', () => {
  expect(fields({ ...base, paysNaissance: 'p1', villeNaissanceEtranger: 'Kiev' }, { paysNaissance: urss, nationalite: maroc, })).toEqual([]);
});

test('commune and country both, or neither → error naming the field', () => {
  expect(fields({ ...base, communeNaissanceCode: '69123', communeNaissanceLibelle: 'Lyon', paysNaissance: 'p1' })).toEqual(['paysNaissance']);
  expect(fields({ ...base })).toEqual(['communeNaissance']);
});

test('a former country is refused as nationality, with a French message', () => {
  const errors = verifierIdentite({ ...base, paysNaissance: 'p1', nationalite: 'p1' }, { aujourdhui: AUJOURDHUI, paysNaissance: urss, nationalite: urss });
  expect(errors).toEqual([{ field: 'nationalite', message: 'La nationalité doit être un pays actuel : « URSS » est un ancien pays, réservé au pays de naissance.' }]);
});

test('a former country that no longer existed at birth is refused as birth country', () => {
  expect(fields({ ...base, dateNaissance: '1995-01-01', paysNaissance: 'p1' }, { paysNaissance: urss })).toEqual(['paysNaissance']);
});

test('France is not a birth country: the commune is asked', () => {
  expect(fields({ ...base, paysNaissance: 'p1' }, { paysNaissance: france })).toEqual(['paysNaissance']);
});

test('birth date in the future or before 1900', () => {
  expect(fields({ ...base, dateNaissance: '2027-01-01', communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' })).toEqual(['dateNaissance']);
  expect(fields({ ...base, dateNaissance: '1899-12-31', communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' })).toEqual(['dateNaissance']);
});

test('commune code format, label required without a referential commune, foreign town not with a commune', () => {
  expect(fields({ ...base, communeNaissanceCode: '6912', communeNaissanceLibelle: 'Lyon' })).toEqual(['communeNaissanceCode']);
  expect(fields({ ...base, communeNaissanceCode: '69123' })).toEqual(['communeNaissanceLibelle']);
  expect(fields({ ...base, communeNaissanceCode: '2A004', communeNaissanceLibelle: 'Ajaccio', villeNaissanceEtranger: 'x' })).toEqual(['villeNaissanceEtranger']);
  expect(fields({ ...base, communeNaissance: 'c1', communeNaissanceCode: '69123' }, { communeNaissanceCodeReferentiel: '69266' })).toEqual(['communeNaissanceCode']);
});

test('first names: an ordered, non-empty list', () => {
  expect(fields({ ...base, prenoms: [], communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' })).toEqual(['prenoms']);
  expect(fields({ ...base, prenoms: 'Paul', communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' })).toEqual(['prenoms']);
  expect(fields({ ...base, prenoms: ['Paul', ''], communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' })).toEqual(['prenoms']);
});

test('phone and postal code formats', () => {
  const ok = { ...base, communeNaissanceCode: '75056', communeNaissanceLibelle: 'Paris' };
  expect(fields({ ...ok, telephone: '+33 6 12 34 56 78', codePostal: '69003' })).toEqual([]);
  expect(fields({ ...ok, telephone: 'appeler le soir', codePostal: '6900' })).toEqual(['telephone', 'codePostal']);
});

test('current country: not a former State, not ended', () => {
  expect(paysActuel(maroc, AUJOURDHUI)).toBe(true);
  expect(paysActuel(urss, AUJOURDHUI)).toBe(false);
  expect(paysActuel({ codeInsee: '99999', nom: 'X', nature: 'TERRITOIRE', dateFin: '2020-01-01' }, AUJOURDHUI)).toBe(false);
  expect(paysActuel({ codeInsee: '99123', nom: 'Hong Kong', nature: 'TERRITOIRE' }, AUJOURDHUI)).toBe(true);
});

test('current country: validity bounds are inclusive, a code not yet in force is not current', () => {
  const russie: PaysInfo = { codeInsee: '99123', nom: 'Russie', nature: 'ETAT', dateDebut: '1991-12-26' };
  expect(paysActuel(russie, '1991-12-26')).toBe(true);
  expect(paysActuel(russie, '1991-12-25')).toBe(false);
  expect(paysActuel({ ...maroc, dateFin: AUJOURDHUI }, AUJOURDHUI)).toBe(true);
  expect(paysActuel({ ...urss, dateFin: undefined }, '1980-01-01')).toBe(false);
});

test('département of a commune code as it was, and of a postal code', () => {
  expect(departementDeCommune('69123')).toBe('69');
  expect(departementDeCommune('2A004')).toBe('2A');
  expect(departementDeCommune('97411')).toBe('974');
  expect(departementDeCommune('98818')).toBe('988');
  expect(departementDuCodePostal('69003')).toBe('69');
  expect(departementDuCodePostal('20000')).toBe('2A');
  expect(departementDuCodePostal('20200')).toBe('2B');
  expect(departementDuCodePostal('97400')).toBe('974');
  expect(departementDuCodePostal('98800')).toBe('988');
  expect(departementDuCodePostal('abc')).toBeNull();
});

test('birth commune shown "Nom (département)"', () => {
  expect(libelleCommuneNaissance("L'Haÿ-les-Roses", '94')).toBe("L'Haÿ-les-Roses (94)");
  expect(libelleCommuneNaissance('Saint-Denis', '974')).toBe('Saint-Denis (974)');
  expect(libelleCommuneNaissance(null, '94')).toBe('');
});
