/** Two agents editing the same record: the second one gets a 409, nobody's work is silently lost. */
import { api, login } from '../support/http';

let token: string;
let id: string;

beforeAll(async () => {
  token = await login('admin.national');
  const created = await api(token).post('/api/ra/pays', { codeInsee: '99997', nom: 'Concurrentie', libelleCog: 'CONCURRENTIE', nature: 'ANCIEN_ETAT' });
  id = created.body.id;
});

afterAll(async () => {
  await api(token).delete(`/api/ra/pays/${id}`);
});

test('a save based on a stale version is refused with 409 and changes nothing', async () => {
  const loaded = (await api(token).get(`/api/ra/pays/${id}`)).body;
  const first = await api(token).put(`/api/ra/pays/${id}`, { ...loaded, nomOfficiel: 'Première agente' });
  expect(first.status).toBe(200);
  const second = await api(token).put(`/api/ra/pays/${id}`, { ...loaded, nomOfficiel: 'Second agent' });
  expect(second.status).toBe(409);
  expect(second.body.error.message).toMatch(/modifié par quelqu'un d'autre/);
  expect((await api(token).get(`/api/ra/pays/${id}`)).body.nomOfficiel).toBe('Première agente');
});

test('two saves of the same version sent at once: exactly one wins', async () => {
  const loaded = (await api(token).get(`/api/ra/pays/${id}`)).body;
  const answers = await Promise.all(
    ['A', 'B', 'C'].map((agent) => api(token).put(`/api/ra/pays/${id}`, { ...loaded, nomOfficiel: `Agent ${agent}` })),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
  const winner = answers.find((a) => a.status === 200)!.body.nomOfficiel;
  expect((await api(token).get(`/api/ra/pays/${id}`)).body.nomOfficiel).toBe(winner);
});

test('react-admin updateMany (changed fields only, no version) still applies', async () => {
  const response = await api(token).put(`/api/ra/pays/${id}`, { dateFin: '1990-10-02' });
  expect(response.status).toBe(200);
  expect(response.body.dateFin).toBe('1990-10-02');
});
