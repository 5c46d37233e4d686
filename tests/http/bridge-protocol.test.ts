/**
 * The bridge speaks react-admin's simple-REST protocol: driven here by the real ra-data-simple-rest
 * client, in Node, against the booted server. Resource used: pays (referential, national admin writes).
 */
import { api, login, raClient } from '../support/http';
import { sql } from '../support/db';

let token: string;
let client: ReturnType<typeof raClient>;
const created: string[] = [];

const pays = (code: string, nom: string, extra: Record<string, unknown> = {}) => ({ codeInsee: code, nom, libelleCog: nom.toUpperCase(), nature: 'ANCIEN_ETAT', ...extra });

beforeAll(async () => {
  token = await login('admin.national');
  client = raClient(token);
  for (const [code, nom] of [
    ['99901', 'Brgland du Nord'],
    ['99902', "Brgland-d'Été"],
    ['99903', 'Brgland du Sud'],
  ]) {
    const { data } = await client.create('pays', { data: pays(code, nom) });
    created.push(data.id as string);
  }
});

afterAll(async () => {
  await sql(`DELETE FROM pays WHERE code_insee LIKE '999%'`);
});

test('create answers the record with its documentId as id', async () => {
  const { data } = await client.getOne('pays', { id: created[0] });
  expect(data).toMatchObject({ id: created[0], codeInsee: '99901', nom: 'Brgland du Nord', nature: 'ANCIEN_ETAT' });
  expect(data).not.toHaveProperty('documentId');
});

test('getList sorts, pages and counts', async () => {
  const { data, total } = await client.getList('pays', {
    pagination: { page: 1, perPage: 2 },
    sort: { field: 'codeInsee', order: 'DESC' },
    filter: { q: 'brgland' },
  });
  expect(total).toBe(3);
  expect(data.map((p) => p.codeInsee)).toEqual(['99903', '99902']);
  const second = await client.getList('pays', { pagination: { page: 2, perPage: 2 }, sort: { field: 'codeInsee', order: 'DESC' }, filter: { q: 'brgland' } });
  expect(second.data.map((p) => p.codeInsee)).toEqual(['99901']);
});

test('q ignores accents, case, hyphens and apostrophes', async () => {
  const { data } = await client.getList('pays', { pagination: { page: 1, perPage: 10 }, sort: { field: 'nom', order: 'ASC' }, filter: { q: 'BRGLAND D ETE' } });
  expect(data.map((p) => p.nom)).toEqual(["Brgland-d'Été"]);
});

test('filters by an allow-listed field', async () => {
  const { data, total } = await client.getList('pays', {
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'codeInsee', order: 'ASC' },
    filter: { q: 'brgland', codeInsee: '99903' },
  });
  expect(total).toBe(1);
  expect(data[0].nom).toBe('Brgland du Sud');
});

test('Content-Range carries the total', async () => {
  const response = await api(token).get('/api/ra/pays?range=[0,1]&sort=["codeInsee","ASC"]&filter={"q":"brgland"}');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-range')).toBe('pays 0-1/3');
});

test('a filtered list is counted exactly up to 10 000 rows, beyond that the total is PostgreSQL’s estimate of the query', async () => {
  const total = async (filter: Record<string, unknown>) => {
    const response = await api(token).get(`/api/ra/communes?range=[0,9]&sort=["codeInsee","ASC"]&filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(response.status).toBe(200);
    return Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1]);
  };
  const [{ n: actuelles }] = await sql(`SELECT count(*)::int AS n FROM communes WHERE type = 'COMMUNE_ACTUELLE'`);
  const [{ n: deleguees }] = await sql(`SELECT count(*)::int AS n FROM communes WHERE type = 'COMMUNE_DELEGUEE'`);
  expect(actuelles).toBeGreaterThan(10_000);
  expect(deleguees).toBeLessThanOrEqual(10_000);
  // ~35 000 current communes: the planner's estimate (statistics as autovacuum keeps them), above the cap and close to the truth
  await sql('ANALYZE communes');
  const estimated = await total({ type: 'COMMUNE_ACTUELLE' });
  expect(estimated).toBeGreaterThan(10_000);
  expect(Math.abs(estimated - actuelles) / actuelles).toBeLessThan(0.2);
  // a smaller list: exact
  expect(await total({ type: 'COMMUNE_DELEGUEE' })).toBe(deleguees);
});

test('getMany answers every id asked', async () => {
  const { data } = await client.getMany('pays', { ids: created });
  expect(data.map((p) => p.id).sort()).toEqual([...created].sort());
});

test('getManyReference filters by the target relation', async () => {
  await client.update('pays', { id: created[0], data: { successeur: created[2] }, previousData: { id: created[0] } });
  await client.update('pays', { id: created[1], data: { successeur: created[2] }, previousData: { id: created[1] } });
  const { data, total } = await client.getManyReference('pays', {
    target: 'successeur',
    id: created[2],
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'codeInsee', order: 'ASC' },
    filter: {},
  });
  expect(total).toBe(2);
  expect(data.map((p) => p.codeInsee)).toEqual(['99901', '99902']);
  expect(data[0].successeur).toBe(created[2]);
});

test('update (PUT) merges: fields not sent are kept', async () => {
  const { data } = await client.update('pays', { id: created[2], data: { nomOfficiel: 'République du Brgland' }, previousData: { id: created[2] } });
  expect(data).toMatchObject({ nomOfficiel: 'République du Brgland', nom: 'Brgland du Sud', codeInsee: '99903' });
});

test('updateMany sends only the changed fields, one PUT per id', async () => {
  const { data } = await client.updateMany('pays', { ids: created.slice(0, 2), data: { dateFin: '1991-12-31' } });
  expect(data.sort()).toEqual(created.slice(0, 2).sort());
  const rows = await sql(`SELECT code_insee, nom, date_fin::text AS date_fin FROM pays WHERE code_insee IN ('99901','99902') ORDER BY 1`);
  expect(rows).toEqual([
    { code_insee: '99901', nom: 'Brgland du Nord', date_fin: '1991-12-31' },
    { code_insee: '99902', nom: "Brgland-d'Été", date_fin: '1991-12-31' },
  ]);
});

test('delete and deleteMany', async () => {
  const extra = await client.create('pays', { data: pays('99904', 'Brgland Ouest') });
  const extra2 = await client.create('pays', { data: pays('99905', 'Brgland Est') });
  const { data } = await client.delete('pays', { id: extra.data.id, previousData: extra.data });
  expect(data.id).toBe(extra.data.id);
  const many = await client.deleteMany('pays', { ids: [extra2.data.id] });
  expect(many.data).toEqual([extra2.data.id]);
  expect(await sql(`SELECT count(*)::int AS n FROM pays WHERE code_insee IN ('99904','99905')`)).toEqual([{ n: 0 }]);
});
