import { sanitizeData, sanitizeText } from './sanitize';

describe('sanitizeText', () => {
  test('keeps letters, accents, ligatures, hyphens and apostrophes exactly', () => {
    for (const text of ["L'Haÿ-les-Roses", 'L’Haÿ-les-Roses', 'Saint-Étienne-du-Rouvray', 'Œuvray-Dupont', 'Ægir', 'Jean‐Noël', 'Dušan Petrović', "CÔTE D'IVOIRE"]) {
      expect(sanitizeText(text)).toBe(text);
    }
  });

  test('keeps XML-special characters and quotes as text (carbone escapes & < >)', () => {
    expect(sanitizeText('O"Brien <b> & \'x\' {d.secret}')).toBe('O"Brien <b> & \'x\' {d.secret}');
  });

  test('removes characters XML 1.0 refuses: controls, U+FFFE, U+FFFF, lone surrogates', () => {
    expect(sanitizeText('A\u0000B\u0007C\u001FD\uFFFEE\uFFFFF')).toBe('ABCDEF');
    expect(sanitizeText('x\uD800y\uDC00z')).toBe('xyz');
    // a real astral character (pair of surrogates) is kept
    expect(sanitizeText('Ann𝔞')).toBe('Ann𝔞');
  });

  test('removes invisible bidi overrides and C1 controls', () => {
    expect(sanitizeText('Dupont\u202Etnemertnoc\u202C')).toBe('Duponttnemertnoc');
    expect(sanitizeText('A\u0085B')).toBe('AB');
  });

  test('line breaks and tabs become one space; spaces collapsed and trimmed', () => {
    expect(sanitizeText('  12, rue\n de la Gare\r\n\tBât. A  ')).toBe('12, rue de la Gare Bât. A');
  });

  test('composes combining accents (NFC)', () => {
    expect(sanitizeText('Ze\u0301lie')).toBe('Zélie');
  });

  test('null and undefined become empty text; numbers become text', () => {
    expect(sanitizeText(null)).toBe('');
    expect(sanitizeText(undefined)).toBe('');
    expect(sanitizeText(42)).toBe('42');
  });
});

describe('sanitizeData', () => {
  test('walks objects and arrays, keeps numbers and booleans', () => {
    expect(sanitizeData({ a: 'x\uFFFF', list: [{ b: 'y\u0001' }], n: 3, ok: true, none: null })).toEqual({ a: 'x', list: [{ b: 'y' }], n: 3, ok: true, none: '' });
  });

  test('refuses a Date: dates are formatted before rendering (no time-zone shift)', () => {
    expect(() => sanitizeData({ titulaire: { dateNaissance: new Date() } })).toThrow(/titulaire\.dateNaissance/);
  });

  test('non-finite numbers are dropped', () => {
    expect(sanitizeData({ n: Number.NaN })).toEqual({ n: '' });
  });
});
