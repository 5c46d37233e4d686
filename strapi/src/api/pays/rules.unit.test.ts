import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCodeInseePartage } from './rules';
import { parsePaysCsv, paysRows } from '../../seed/referentiels';

const pays = parsePaysCsv(readFileSync(path.join(__dirname, '../../../data/pays.csv'), 'utf8'));
const find = (libelleCog: string) => {
  const found = pays.find((p) => p.libelleCog === libelleCog);
  if (!found) throw new Error(libelleCog);
  return found;
};

describe('the INSEE country file shipped in strapi/data/pays.csv', () => {
  test('has at least 270 rows: current States, territories and former countries', () => {
    expect(pays.length).toBeGreaterThanOrEqual(270);
    expect(pays.filter((p) => p.nature === 'ETAT').length).toBeGreaterThanOrEqual(195);
    expect(pays.filter((p) => p.nature === 'TERRITOIRE').length).toBeGreaterThanOrEqual(30);
    for (const former of ['U.R.S.S.', 'YOUGOSLAVIE', 'SERBIE-ET-MONTENEGRO', 'TCHECOSLOVAQUIE', 'REPUBLIQUE DEMOCRATIQUE ALLEMANDE', "REPUBLIQUE FEDERALE D'ALLEMAGNE", 'YEMEN (REPUBLIQUE ARABE DU)', 'YEMEN DEMOCRATIQUE', 'VIET NAM DU NORD', 'VIET NAM DU SUD']) {
      expect(find(former).nature).toBe('ANCIEN_ETAT');
    }
    expect(pays.filter((p) => p.codeInsee === '99230' || p.codeInsee === '99232').map((p) => p.nature)).toEqual(['ANCIEN_ETAT', 'ANCIEN_ETAT']);
    // the ex-Soviet republics' 1992-only codes, re-coded in the Asia range from 1993
    for (const code of ['99146', '99147', '99149', '99150', '99152', '99153', '99154']) {
      const p = pays.find((x) => x.codeInsee === code);
      expect(p).toMatchObject({ nature: 'ANCIEN_ETAT', dateDebut: '1992-01-01', dateFin: '1992-12-31' });
    }
    expect(find('FRANCE')).toMatchObject({ codeInsee: '99100', codeIso2: 'FR', codeIso3: 'FRA' });
    expect(find("COTE D'IVOIRE").nom).toBe("Côte d'Ivoire");
  });

  test('every former country names an existing successor, and no two States share a code over overlapping periods', () => {
    const codes = new Set(pays.map((p) => p.codeInsee));
    for (const p of pays.filter((x) => x.nature === 'ANCIEN_ETAT')) {
      expect(p.dateFin).toBeTruthy();
      expect(codes.has(p.successeur as string)).toBe(true);
    }
    for (const p of pays) {
      const others = pays.filter((o) => o !== p && o.codeInsee === p.codeInsee);
      expect([p.libelleCog, checkCodeInseePartage(p, others)]).toEqual([p.libelleCog, null]);
    }
    for (const p of pays) for (const date of [p.dateDebut, p.dateFin]) if (date) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    const iso2 = pays.filter((p) => p.codeIso2).map((p) => p.codeIso2);
    expect(new Set(iso2).size).toBe(iso2.length);
  });

  test('rows link a former country to its current successor row', () => {
    const rows = paysRows(pays);
    const urss = rows.find((r) => r.values.libelle_cog === 'U.R.S.S.');
    expect(urss?.links?.successeur).toEqual(['99123|RUSSIE']);
    const yougo = rows.find((r) => r.values.libelle_cog === 'YOUGOSLAVIE');
    expect(yougo?.links?.successeur).toEqual(['99121|SERBIE']);
  });
});

describe('country referential rules', () => {
  test('two States may not share a code over overlapping periods; a territory may share its State code', () => {
    const existing = [{ codeInsee: '99801', libelleCog: 'TRACELAND', nature: 'ANCIEN_ETAT' }];
    expect(checkCodeInseePartage({ codeInsee: '99801', libelleCog: 'DOUBLON', nature: 'ANCIEN_ETAT' }, existing)?.field).toBe('codeInsee');
    expect(checkCodeInseePartage({ codeInsee: '99801', libelleCog: 'ILOT', nature: 'TERRITOIRE' }, existing)).toBeNull();
    expect(checkCodeInseePartage({ codeInsee: '99801', libelleCog: 'TRACELAND', nature: 'TERRITOIRE' }, existing)?.field).toBe('libelleCog');
    expect(
      checkCodeInseePartage({ codeInsee: '99121', libelleCog: 'SERBIE', nature: 'ETAT', dateDebut: '2006-06-05' }, [
        { libelleCog: 'YOUGOSLAVIE', nature: 'ANCIEN_ETAT', dateFin: '2003-02-03' },
      ]),
    ).toBeNull();
  });
});
