import { chercherHomonymes, comparerIdentites, datesCandidates, datesProches, ecartDate, type Identite } from './homonymes';
import { distanceEdition, plier } from './texte';

const personne = (nomNaissance: string, prenoms: string[], dateNaissance = '1985-03-14', nomUsage: string | null = null): Identite => ({
  nomNaissance,
  nomUsage,
  prenoms,
  dateNaissance,
});

const marie = personne("N'Diaye-Lefèvre", ['Marie-Hélène', 'Léa'], '1985-03-14', 'Dupont');

describe('plier (the bridge\'s normalizeSearchText, as ceres_norm)', () => {
  test.each([
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['ŒUVRE Été', 'oeuvre ete'],
    ['  Jean--Pierre  ', 'jean pierre'],
    ['Straße', 'strasse'],
    ['Ĳssel', 'ijssel'],
  ])('%s', (text, plie) => {
    expect(plier(text)).toBe(plie);
  });
});

describe('distanceEdition', () => {
  test('substitution, insertion, deletion and transposition cost one', () => {
    expect(distanceEdition('martin', 'martin')).toBe(0);
    expect(distanceEdition('martin', 'marten')).toBe(1);
    expect(distanceEdition('martin', 'martinn')).toBe(1);
    expect(distanceEdition('martin', 'matin')).toBe(1);
    expect(distanceEdition('martin', 'mratin')).toBe(1);
    expect(distanceEdition('martin', 'durand')).toBeGreaterThan(1);
  });
  test('stops beyond the maximum', () => {
    expect(distanceEdition('abcdefgh', 'zyxwvuts', 1)).toBe(2);
    expect(distanceEdition('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('comparerIdentites: same person written differently', () => {
  test('identical identity is IDENTIQUE', () => {
    const result = comparerIdentites(marie, { ...marie });
    expect(result).toEqual({ niveau: 'IDENTIQUE', score: 100, raisons: ['nom de naissance identique', 'prénoms identiques', 'date de naissance identique'] });
  });

  test('accents, case, hyphens and apostrophes are ignored', () => {
    const result = comparerIdentites(marie, personne('NDIAYE LEFEVRE', ['MARIE HELENE', 'LEA']));
    expect(result?.niveau).toBe('IDENTIQUE');
  });

  test('compound first name split into two first names is the same', () => {
    expect(comparerIdentites(personne('Martin', ['Jean-Pierre']), personne('MARTIN', ['Jean', 'Pierre']))?.niveau).toBe('IDENTIQUE');
  });

  test('one typo in the name', () => {
    const result = comparerIdentites(personne('Martin', ['Paul']), personne('Martinn', ['Paul']));
    expect(result).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(['une faute de frappe dans le nom']) });
  });

  test('two letters swapped in the name count as one typo', () => {
    expect(comparerIdentites(personne('Bernard', ['Paul']), personne('Bernrad', ['Paul']))?.niveau).toBe('PROCHE');
  });

  test('one typo in the first name', () => {
    const result = comparerIdentites(personne('Martin', ['Mathieu']), personne('Martin', ['Matthieu']));
    expect(result?.raisons).toContain('une faute de frappe dans le prénom');
  });

  test('first names in another order', () => {
    const result = comparerIdentites(personne('Martin', ['Anne', 'Marie']), personne('Martin', ['Marie', 'Anne']));
    expect(result).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(['prénoms dans un autre ordre']) });
  });

  test('only the first of several first names given', () => {
    expect(comparerIdentites(personne('Martin', ['Anne']), personne('Martin', ['Anne', 'Marie', 'Louise']))?.raisons).toContain('premier prénom retrouvé');
  });

  test("married name typed as the birth name (nom d'usage vs nom de naissance)", () => {
    const recherche = personne('Dupont', ['Marie-Hélène', 'Léa']);
    const result = comparerIdentites(recherche, marie);
    expect(result).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(["nom d'usage et nom de naissance correspondants"]) });
  });

  test('the other way round: the stored record has the birth name, the search the usage name as birth name', () => {
    const stored = personne('Durand', ['Claire'], '1990-07-01');
    expect(comparerIdentites(personne('Moreau', ['Claire'], '1990-07-01', 'Durand'), stored)?.niveau).toBe('PROCHE');
  });

  test('double name containing the birth name', () => {
    const result = comparerIdentites(personne('Lefèvre', ['Marie-Hélène', 'Léa']), marie);
    expect(result?.raisons).toContain('nom composé en partie identique');
  });

  test('surname and first name swapped', () => {
    const result = comparerIdentites(personne('Paul', ['Martin']), personne('Martin', ['Paul']));
    expect(result).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(['nom et prénom inversés']) });
  });

  test('day and month of birth swapped, everything else exact', () => {
    const result = comparerIdentites(personne('Martin', ['Paul'], '1985-03-04'), personne('Martin', ['Paul'], '1985-04-03'));
    expect(result?.raisons).toContain('date de naissance proche (jour et mois inversés)');
  });

  test('one digit of the birth date mistyped, everything else exact', () => {
    expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martin', ['Paul'], '1986-03-14'))?.niveau).toBe('PROCHE');
  });

  test('one digit mistyped in the day, the month or the year', () => {
    for (const autre of ['1985-03-15', '1985-08-14', '1975-03-14', '1985-03-24']) {
      expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martin', ['Paul'], autre))?.raisons).toContain('date de naissance proche (un chiffre différent)');
    }
  });

  test('a date typo with a married name or reordered first names (variants, not typos) is still found', () => {
    const mariee = personne('Durand', ['Marie', 'Claire'], '1985-03-14', 'Martin');
    expect(comparerIdentites(personne('Martin', ['Marie', 'Claire'], '1985-03-15'), mariee)).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(["nom d'usage et nom de naissance correspondants", 'date de naissance proche (un chiffre différent)']) });
    expect(comparerIdentites(personne('Durand', ['Claire', 'Marie'], '1985-03-14'), personne('Durand', ['Marie', 'Claire'], '1985-04-13'))).toBeNull();
    expect(comparerIdentites(personne('Durand', ['Claire', 'Marie'], '1985-03-04'), personne('Durand', ['Marie', 'Claire'], '1985-04-03'))?.raisons).toEqual(
      expect.arrayContaining(['prénoms dans un autre ordre', 'date de naissance proche (jour et mois inversés)']),
    );
  });
});

describe('comparerIdentites: different people', () => {
  test('same names, another birth date', () => {
    expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martin', ['Paul'], '1979-11-02'))).toBeNull();
  });

  test('a date typo AND a name typo is too much', () => {
    expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martinn', ['Paul'], '1986-03-14'))).toBeNull();
    expect(comparerIdentites(personne('Martin', ['Mathieu'], '1985-03-14'), personne('Martin', ['Matthieu'], '1985-03-04'))).toBeNull();
  });

  test('two digits of the birth date different is another person', () => {
    expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martin', ['Paul'], '1986-03-15'))).toBeNull();
    expect(comparerIdentites(personne('Martin', ['Paul'], '1985-03-14'), personne('Martin', ['Paul'], '1958-03-14'))).toBeNull();
  });

  test('typos in both the name and the first name is too much', () => {
    expect(comparerIdentites(personne('Martin', ['Mathieu']), personne('Martinn', ['Matthieu']))).toBeNull();
  });

  test('two typos in the name', () => {
    expect(comparerIdentites(personne('Martin', ['Paul']), personne('Mertinn', ['Paul']))).toBeNull();
  });

  test('no typo tolerance on short names (Li / Le)', () => {
    expect(comparerIdentites(personne('Li', ['Wei']), personne('Le', ['Wei']))).toBeNull();
  });

  test('another first name', () => {
    expect(comparerIdentites(personne('Martin', ['Paul']), personne('Martin', ['Pierre']))).toBeNull();
  });

  test('another name', () => {
    expect(comparerIdentites(personne('Martin', ['Paul']), personne('Durand', ['Paul']))).toBeNull();
  });
});

describe('chercherHomonymes', () => {
  test('keeps the matches, identical first', () => {
    const found = chercherHomonymes(personne('Martin', ['Paul']), [
      { ...personne('Martinn', ['Paul']), id: 'proche' },
      { ...personne('Durand', ['Paul']), id: 'autre' },
      { ...personne('MARTIN', ['paul']), id: 'identique' },
    ]);
    expect(found.map((f) => f.id)).toEqual(['identique', 'proche']);
    expect(found[0].correspondance.niveau).toBe('IDENTIQUE');
  });
});

test('datesCandidates adds the day/month swap when it is a date', () => {
  expect(datesCandidates('1985-03-04')).toEqual(['1985-03-04', '1985-04-03']);
  expect(datesCandidates('1985-03-14')).toEqual(['1985-03-14']);
  expect(datesCandidates('1985-03-03')).toEqual(['1985-03-03']);
});

test('ecartDate names the one typing mistake between two dates', () => {
  expect(ecartDate('1985-03-04', '1985-04-03')).toBe('JOUR_MOIS_INVERSES');
  expect(ecartDate('1985-03-14', '1985-03-15')).toBe('UN_CHIFFRE');
  expect(ecartDate('1985-03-14', '1985-03-14')).toBeNull();
  expect(ecartDate('1985-03-14', '1985-04-15')).toBeNull();
});

test('datesProches lists the real dates one digit away and the day/month swap', () => {
  const dates = datesProches('1985-03-04');
  expect(dates).toEqual(expect.arrayContaining(['1985-04-03', '1985-03-05', '1985-03-24', '1985-08-04', '1985-01-04', '1975-03-04', '1986-03-04']));
  expect(dates).not.toContain('1985-03-04');
  // not a date: month 13, 34 March, 29 February of a common year
  expect(dates).not.toContain('1985-13-04');
  expect(dates).not.toContain('1985-03-34');
  expect(datesProches('1984-02-28')).toContain('1984-02-29');
  expect(datesProches('1985-02-28')).not.toContain('1985-02-29');
  // every answer is exactly one mistake away, and there are few of them (index look-ups by equality)
  for (const d of dates) expect(ecartDate('1985-03-04', d)).not.toBeNull();
  expect(dates.length).toBeLessThanOrEqual(73);
  expect(datesProches('1985-02-30')).toEqual([]);
});
