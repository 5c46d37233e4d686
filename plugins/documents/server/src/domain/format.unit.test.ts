import {
  formatDate,
  formatDateLong,
  formatHeure,
  formatLieuNaissance,
  formatNiveau,
  formatNomComplet,
  niveauCnc,
  todayIso,
  upperFr,
} from './format';

describe('dates', () => {
  test('AAAA-MM-JJ is printed JJ/MM/AAAA as written, whatever the time zone', () => {
    expect(formatDate('1990-01-01')).toBe('01/01/1990');
    expect(formatDate('2000-02-29')).toBe('29/02/2000');
    expect(formatDate('1985-12-31')).toBe('31/12/1985');
  });

  test('an instant is read in Paris (UTC midnight stays the same day, 23:30 UTC is the next day)', () => {
    expect(formatDate(new Date('1990-01-01T00:00:00Z'))).toBe('01/01/1990');
    expect(formatDate('2026-03-14T23:30:00Z')).toBe('15/03/2026');
    expect(formatDate('2026-03-14T23:30:00Z', 'UTC')).toBe('14/03/2026');
  });

  test('impossible or unreadable dates are refused, empty ones give empty text', () => {
    expect(() => formatDate('2001-02-29')).toThrow(/invalide/);
    expect(() => formatDate('14/03/2026')).toThrow(/illisible/);
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });

  test('long form for the date of issue', () => {
    expect(formatDateLong('2026-03-01')).toBe('1er mars 2026');
    expect(formatDateLong('2026-08-14')).toBe('14 août 2026');
    expect(formatDateLong('2026-12-31')).toBe('31 décembre 2026');
  });

  test("today is the issuer's own day (Nouméa is ahead of Paris)", () => {
    const now = new Date('2026-03-14T20:00:00Z');
    expect(todayIso(now)).toBe('2026-03-14');
    expect(todayIso(now, 'Pacific/Noumea')).toBe('2026-03-15');
  });

  test('times', () => {
    expect(formatHeure('08:30')).toBe('08 h 30');
    expect(formatHeure('9:05:00')).toBe('09 h 05');
    expect(() => formatHeure('huit heures')).toThrow(/HH:MM/);
  });
});

describe('place of birth', () => {
  test('commune as at birth with its département, hyphens and apostrophes kept (v1.7)', () => {
    expect(formatLieuNaissance({ commune: { nom: "L'Haÿ-les-Roses", departement: { code: '94', nom: 'Val-de-Marne' } } })).toBe("L'Haÿ-les-Roses (Val-de-Marne)");
    expect(formatLieuNaissance({ commune: { nom: 'Saint-Étienne-du-Rouvray', departement: { code: '76' } } })).toBe('Saint-Étienne-du-Rouvray (76)');
  });

  test('born abroad: the country IN UPPER CASE with its accents (v1.6), former countries as recorded', () => {
    expect(formatLieuNaissance({ pays: { nom: "Côte d'Ivoire" } })).toBe("CÔTE D'IVOIRE");
    expect(formatLieuNaissance({ pays: { nom: 'U.R.S.S.' } })).toBe('U.R.S.S.');
    expect(formatLieuNaissance({ pays: { nom: 'Yougoslavie' } })).toBe('YOUGOSLAVIE');
    expect(formatLieuNaissance({ pays: { nom: 'Sénégal' }, villeEtrangere: 'Saint-Louis' })).toBe('Saint-Louis (SÉNÉGAL)');
  });

  test('the commune wins when both are given; nothing gives empty text', () => {
    expect(formatLieuNaissance({ commune: { nom: 'Lyon' }, pays: { nom: 'France' } })).toBe('Lyon');
    expect(formatLieuNaissance({})).toBe('');
  });

  test('upper case keeps accents and ligatures', () => {
    expect(upperFr("l'haÿ-les-roses œuvre")).toBe("L'HAŸ-LES-ROSES ŒUVRE");
  });
});

describe('names and levels', () => {
  test('names exactly as recorded; several first names; usage name after', () => {
    expect(formatNomComplet({ nomNaissance: "N'Guessan-Lefèvre", prenoms: ['Zoé', 'Marie-Hélène'] })).toBe("Zoé, Marie-Hélène N'Guessan-Lefèvre");
    expect(formatNomComplet({ nomNaissance: 'Dupont', nomUsage: 'Martin', prenoms: 'Anne' })).toBe('Anne Dupont, nom d’usage Martin');
    expect(formatNomComplet({ nomNaissance: 'Dupont', nomUsage: 'Dupont', prenoms: 'Anne' })).toBe('Anne Dupont');
  });

  test('old levels map to the 2019 framework; the EQF level is the same number', () => {
    expect(niveauCnc('V')).toBe(3);
    expect(niveauCnc('III')).toBe(5);
    expect(niveauCnc(6)).toBe(6);
    expect(formatNiveau('IV')).toBe('Niveau 4 du cadre national des certifications professionnelles (niveau 4 du cadre européen des certifications)');
    expect(() => niveauCnc('X')).toThrow(/inconnu/);
  });
});
