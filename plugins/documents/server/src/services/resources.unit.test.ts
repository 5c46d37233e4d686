import { lotTerritory, validateLot } from './resources';

const regions = async (code: string) => ['84', '11'].includes(code);

describe('lots: validation of a launch', () => {
  test('an inverted period names the end of the period, dates in French', async () => {
    expect(await validateLot({ region: '84', du: '2026-03-31', au: '2026-03-01' }, regions)).toEqual([
      { field: 'au', message: 'Période inversée : la fin de période (01/03/2026) précède son début (31/03/2026).' },
    ]);
  });
  test('an unknown région is refused; 988 (Nouvelle-Calédonie) is an issuing service of its own', async () => {
    expect((await validateLot({ region: 'ZZ', du: '2026-03-01', au: '2026-03-31' }, regions))[0].field).toBe('region');
    expect(await validateLot({ region: '988', du: '2026-03-01', au: '2026-03-31' }, regions)).toEqual([]);
  });
  test('kinds of documents among parchemin, livret, certificat-ccs; a period of at most a year', async () => {
    expect((await validateLot({ region: '84', du: '2026-03-01', au: '2026-03-31', documents: [] }, regions))[0].field).toBe('documents');
    expect((await validateLot({ region: '84', du: '2026-03-01', au: '2026-03-31', documents: ['parchemin', 'pv'] }, regions))[0].field).toBe('documents');
    expect(await validateLot({ region: '84', du: '2026-03-01', au: '2026-03-31', documents: ['livret'] }, regions)).toEqual([]);
    expect((await validateLot({ region: '84', du: '2024-01-01', au: '2026-03-31' }, regions))[0].message).toMatch(/^Période trop longue/);
  });
});

describe('lots: territory', () => {
  test('a DREETS its régions, Nouvelle-Calédonie 988 only (never a région that shares a département code), nobody else', () => {
    expect(lotTerritory({ kind: 'national' })).toBe('all');
    expect(lotTerritory({ kind: 'regions', codes: ['84'] })).toEqual({ sql: 'region = ANY(?)', bindings: [['84']] });
    expect(lotTerritory({ kind: 'departements', codes: ['988'] })).toEqual({ sql: 'region = ?', bindings: ['988'] });
    expect(lotTerritory({ kind: 'departements', codes: ['84'] })).toBe('none');
    expect(lotTerritory({ kind: 'centres', centreIds: [1] })).toBe('none');
  });
});
