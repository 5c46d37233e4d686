import { readFileSync } from 'node:fs';
import { communeRows, departementRows, regionRows, type EtalabCommune } from './referentiels';

const data = (name: string) => JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'));

describe('territories from @etalab/decoupage-administratif', () => {
  const communes = data('communes') as EtalabCommune[];
  const rows = communeRows(communes);

  test('every commune, commune déléguée and associée, municipal arrondissement, Nouvelle-Calédonie included', () => {
    expect(rows.length).toBeGreaterThan(37000);
    const byType = (type: string) => rows.filter((r) => r.values.type === type).length;
    expect(byType('COMMUNE_ACTUELLE')).toBeGreaterThan(34900);
    expect(byType('COMMUNE_DELEGUEE')).toBeGreaterThan(2000);
    expect(byType('COMMUNE_ASSOCIEE')).toBeGreaterThan(400);
    expect(byType('ARRONDISSEMENT_MUNICIPAL')).toBe(45);
    expect(rows.filter((r) => String(r.values.code_insee).startsWith('988')).length).toBe(33);
  });

  test('names keep their exact typography, keys are unique, parents exist', () => {
    const names = new Set(rows.map((r) => r.values.nom));
    for (const name of ["L'Haÿ-les-Roses", 'Saint-Étienne-du-Rouvray', 'Île-de-Batz']) expect(names.has(name)).toBe(true);
    const keys = new Set(rows.map((r) => r.key));
    expect(keys.size).toBe(rows.length);
    for (const row of rows) for (const parent of row.links?.communeParente ?? []) expect(keys.has(parent)).toBe(true);
  });

  test('régions have two-digit codes; COM and Nouvelle-Calédonie belong to no région', () => {
    const regions = regionRows(data('regions'));
    expect(regions.map((r) => r.key)).toContain('84');
    expect(regions.every((r) => /^\d{2}$/.test(r.key))).toBe(true);
    const departements = departementRows(data('departements'));
    const byCode = new Map(departements.map((d) => [d.key, d]));
    expect(byCode.get('2A')?.links?.region).toEqual(['94']);
    expect(byCode.get('971')).toMatchObject({ values: { zone: 'DROM' }, links: { region: ['01'] } });
    expect(byCode.get('988')).toMatchObject({ values: { zone: 'NOUVELLE_CALEDONIE' }, links: { region: [] } });
    expect(byCode.get('975')).toMatchObject({ values: { zone: 'COM' }, links: { region: [] } });
  });
});
