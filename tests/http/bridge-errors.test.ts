/**
 * Bad input on the bridge: 400/404 with a French message naming the parameter or field, never a 500,
 * and nothing written. Anonymous calls: 401. Strapi's stock content API grants nothing.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';

let token: string;
const countPays = async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM pays'))[0].n;

beforeAll(async () => {
  token = await login('admin.national');
});

describe('anonymous and unknown', () => {
  test('an anonymous call is 401 in the one error shape', async () => {
    const response = await api().get('/api/ra/pays');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { status: 401, message: expect.stringMatching(/connecter/) } });
  });

  test('a forged token is 401', async () => {
    const response = await api('eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiIxIn0.forged').get('/api/ra/pays');
    expect(response.status).toBe(401);
  });

  test('an unknown resource is 404', async () => {
    const response = await api(token).get('/api/ra/inconnus');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/Ressource inconnue « inconnus »/);
  });

  test('an unknown id is 404', async () => {
    const response = await api(token).get('/api/ra/pays/aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/introuvable/);
  });

  test("Strapi's stock content API grants nothing to back-office roles", async () => {
    const response = await api(token).get('/api/pays-list');
    expect([403, 404]).toContain(response.status);
  });
});

describe.each([
  ['sort=notjson', 'sort', /JSON valide/],
  ['sort=["nom"]', 'sort', /\["champ","ASC"\]/],
  ['sort=["nom","UP"]', 'sort', /Ordre de tri inconnu/],
  ['sort=["password","ASC"]', 'sort', /n'est pas autorisé/],
  ['range=[0', 'range', /JSON valide/],
  ['range=[-1,5]', 'range', /négatif/],
  ['range=[10,2]', 'range', /inversé/],
  ['range=[0,1000]', 'range', /au plus 1000/],
  ['range=["a","b"]', 'range', /deux entiers/],
  ['filter={', 'filter', /JSON valide/],
  ['filter=[1]', 'filter', /objet JSON/],
  ['filter={"motDePasse":"x"}', 'filter.motDePasse', /n'est pas autorisé/],
  ['filter={"createdBy":"x"}', 'filter.createdBy', /n'est pas autorisé/],
  ['filter={"dateFin_gte":"31/02/2020"}', 'filter.dateFin_gte', /AAAA-MM-JJ/],
  ['filter={"dateFin_gte":"2020-02-31"}', 'filter.dateFin_gte', /AAAA-MM-JJ/],
  ['filter={"nature":"PLANETE"}', 'filter.nature', /Valeur inconnue/],
  ['filter={"q":{"$ne":1}}', 'filter.q', /texte/],
  ['filter={"codeInsee":{"$ne":"x"}}', 'filter.codeInsee', /texte, un nombre/],
  ['page=2', 'page', /Paramètre inconnu/],
])('GET /api/ra/pays?%s', (query, field, message) => {
  test(`400 naming ${field}`, async () => {
    const response = await api(token).get(`/api/ra/pays?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, field });
    expect(response.body.error.message).toMatch(message);
  });
});

test('a page of 1000 rows is accepted (react-admin CSV export)', async () => {
  const response = await api(token).get('/api/ra/pays?range=[0,999]');
  expect(response.status).toBe(200);
});

describe('bodies', () => {
  const valid = { codeInsee: '99990', nom: 'Testland', libelleCog: 'TESTLAND', nature: 'ETAT' };

  test.each([
    [{ ...valid, inconnu: 1 }, 'inconnu', /Champ inconnu/],
    [{ ...valid, nom: 42 }, 'nom', /du texte/],
    [{ ...valid, nature: 'PLANETE' }, 'nature', /l'une des valeurs/],
    [{ ...valid, dateDebut: '2021-02-31' }, 'dateDebut', /date impossible/],
    [{ ...valid, codeInsee: '12345' }, 'codeInsee', /format/],
    [{ ...valid, nom: 'x'.repeat(121) }, 'nom', /trop long/],
    [{ ...valid, successeur: 'zzzzzzzzzzzzzzzzzzzzzzzz' }, 'successeur', /n'existe pas/],
    [{ codeInsee: '99990', libelleCog: 'X', nature: 'ETAT' }, 'nom', /obligatoire/],
    [[1, 2], 'body', /objet JSON/],
  ])('POST %j → 400 on %s, nothing written', async (body, field, message) => {
    const before = await countPays();
    const response = await api(token).post('/api/ra/pays', body);
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect(response.body.error.message).toMatch(message);
    expect(await countPays()).toBe(before);
  });

  test('malformed JSON body is 400, not 500', async () => {
    const response = await api(token).call('POST', '/api/ra/pays', '{"nom": ', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error.status).toBe(400);
  });

  test('a body over the size limit is 413', async () => {
    const response = await api(token).post('/api/ra/pays', { ...valid, nomOfficiel: 'x'.repeat(300_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/volumineuse/);
  });

  test('PUT with a wrong type changes nothing', async () => {
    const created = await api(token).post('/api/ra/pays', valid);
    expect(created.status).toBe(201);
    const response = await api(token).put(`/api/ra/pays/${created.body.id}`, { nom: ['liste'] });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('nom');
    const after = await api(token).get(`/api/ra/pays/${created.body.id}`);
    expect(after.body.nom).toBe('Testland');
    await api(token).delete(`/api/ra/pays/${created.body.id}`);
  });

  test('PUT on an unknown id is 404 and writes nothing', async () => {
    const before = await countPays();
    const response = await api(token).put('/api/ra/pays/aaaaaaaaaaaaaaaaaaaaaaaa', { nom: 'X' });
    expect(response.status).toBe(404);
    expect(await countPays()).toBe(before);
  });
});

describe('authentication (users-permissions, refresh mode)', () => {
  test('wrong password: French message', async () => {
    const response = await api().post('/api/auth/local', { identifier: 'admin.national', password: 'faux' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  test('login gives an access and a refresh token; logout revokes the refresh token', async () => {
    const loginResponse = await api().post('/api/auth/local', { identifier: 'admin.national', password: 'Ceres-Demo-2026' });
    expect(loginResponse.status).toBe(200);
    const { jwt, refreshToken } = loginResponse.body;
    expect(typeof refreshToken).toBe('string');
    const refreshed = await api().post('/api/auth/refresh', { refreshToken });
    expect(refreshed.status).toBe(200);
    expect(typeof refreshed.body.jwt).toBe('string');
    const logout = await api(refreshed.body.jwt).post('/api/auth/logout', {});
    expect(logout.status).toBe(200);
    const again = await api().post('/api/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(again.status).toBe(401);
    void jwt;
  });

  test('/api/ra/me returns the profile and the permission matrix rows', async () => {
    const response = await api(token).get('/api/ra/me');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'admin.national', profile: 'ADMIN_NATIONAL', territory: { kind: 'national' } });
    expect(response.body.permissions.pays).toEqual(expect.arrayContaining(['list', 'show', 'create', 'edit', 'delete']));
  });
});
