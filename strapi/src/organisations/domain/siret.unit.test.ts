import { luhnValid, ndaError, siretError } from './siret';

describe('luhnValid', () => {
  test.each([
    ['732829320', true],
    ['73282932000074', true],
    ['44306184100047', true],
    ['73282932000075', false],
    ['44306184100074', false], // two digits swapped
    ['12a', false],
  ])('%s → %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('siretError', () => {
  test('a real SIRET is valid, spaces tolerated', () => {
    expect(siretError('73282932000074')).toBeNull();
    expect(siretError('732 829 320 00074')).toBeNull();
  });
  test('wrong length', () => {
    expect(siretError('7328293200007')).toMatch(/14 chiffres/);
    expect(siretError('ABCDEFGHIJKLMN')).toMatch(/14 chiffres/);
  });
  test('wrong key', () => {
    expect(siretError('73282932000075')).toMatch(/clé de contrôle/);
  });
  test('a SIREN with a wrong key is named as such even when the 14 digits pass', () => {
    // 12345678900007 passes Luhn on 14 digits but not its SIREN 123456789
    expect(luhnValid('12345678900007')).toBe(true);
    expect(siretError('12345678900007')).toMatch(/SIREN/);
  });
  test("La Poste's establishments: digit sum multiple of 5", () => {
    expect(siretError('35600000000048')).toBeNull();
    expect(siretError('35600000000001')).toBeNull(); // not Luhn, digit sum 15
    expect(siretError('35600000000000')).toMatch(/clé de contrôle/); // digit sum 14
  });
});

test('ndaError', () => {
  expect(ndaError('84691234569')).toBeNull();
  expect(ndaError('8469123456')).toMatch(/11 chiffres/);
});
