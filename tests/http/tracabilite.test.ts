/**
 * Traçabilité (issue 9 point 1): every write through the bridge leaves exactly one trace row, in the same
 * transaction (a failed write leaves neither change nor trace); the trace table is append-only, enforced by
 * PostgreSQL itself; no route can alter it; it is read through the read-only `traces` / `historique` resources.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

let admin: ReturnType<typeof api>;
let adminUserId: number;

const pays = (code: string, nom: string) => ({ codeInsee: code, nom, libelleCog: nom.toUpperCase(), nature: 'ANCIEN_ETAT' });
const tracesOf = (documentId: string) =>
  sql(`SELECT id, at, user_id, username, profile, resource, document_id, action, changes FROM ceres_trace WHERE document_id = $1 ORDER BY id`, [documentId]);
/** a fingerprint of the whole trace table: any change to any row changes it */
const fingerprint = async () =>
  (await sql(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') AS h FROM ceres_trace t`))[0];

beforeAll(async () => {
  const token = await login('admin.national');
  admin = api(token);
  adminUserId = (await admin.get('/api/ra/me')).body.id;
  await sql(`DELETE FROM pays WHERE code_insee LIKE '9980%'`);
});

afterAll(async () => {
  await sql(`DELETE FROM pays WHERE code_insee LIKE '9980%'`);
});

describe('each write through the bridge writes one trace row, with before and after', () => {
  let id: string;

  test('create: who, what, and every field set (before null)', async () => {
    const created = await admin.post('/api/ra/pays', pays('99801', 'Tracéland'));
    expect(created.status).toBe(201);
    id = created.body.id;
    const rows = await tracesOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: adminUserId, username: 'admin.national', profile: 'ADMIN_NATIONAL', resource: 'pays', action: 'create' });
    expect(rows[0].changes).toEqual({
      codeInsee: { before: null, after: '99801' },
      nom: { before: null, after: 'Tracéland' },
      libelleCog: { before: null, after: 'TRACÉLAND' },
      nature: { before: null, after: 'ANCIEN_ETAT' },
    });
    expect(Math.abs(new Date(rows[0].at).getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  test('update: only the changed fields', async () => {
    const updated = await admin.put(`/api/ra/pays/${id}`, { nom: 'Tracéland du Nord', nature: 'ANCIEN_ETAT', dateFin: '1990-10-03' });
    expect(updated.status).toBe(200);
    const rows = await tracesOf(id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ action: 'update', username: 'admin.national' });
    expect(rows[1].changes).toEqual({
      nom: { before: 'Tracéland', after: 'Tracéland du Nord' },
      dateFin: { before: null, after: '1990-10-03' },
    });
  });

  test('a refused update (400) leaves neither change nor trace', async () => {
    const before = await fingerprint();
    const refused = await admin.put(`/api/ra/pays/${id}`, { nom: 'Changé', nature: 'PLANETE' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('nature');
    const refusedCreate = await admin.post('/api/ra/pays', pays('99801', 'Doublon'));
    expect(refusedCreate.status).toBeGreaterThanOrEqual(400);
    expect(refusedCreate.status).toBeLessThan(500);
    expect(await fingerprint()).toEqual(before);
    const [row] = await sql(`SELECT nom, nature FROM pays WHERE document_id = $1`, [id]);
    expect(row).toEqual({ nom: 'Tracéland du Nord', nature: 'ANCIEN_ETAT' });
  });

  test('a write whose trace cannot be written is not made (same transaction)', async () => {
    const before = await fingerprint();
    // a real fault: PostgreSQL refuses this record's next trace row
    await sql(`ALTER TABLE ceres_trace ADD CONSTRAINT test_refuse_trace CHECK (document_id <> '${id}') NOT VALID`);
    try {
      const answer = await admin.put(`/api/ra/pays/${id}`, { nom: 'Sans trace' });
      expect(answer.status).toBe(500);
      expect(JSON.stringify(answer.body)).not.toMatch(/ceres_trace|test_refuse_trace|\.js:\d+/);
    } finally {
      await sql(`ALTER TABLE ceres_trace DROP CONSTRAINT test_refuse_trace`);
    }
    const [row] = await sql(`SELECT nom FROM pays WHERE document_id = $1`, [id]);
    expect(row.nom).toBe('Tracéland du Nord');
    expect(await fingerprint()).toEqual(before);
  });

  test('delete: one row, every field before, after null', async () => {
    const deleted = await admin.delete(`/api/ra/pays/${id}`);
    expect(deleted.status).toBe(200);
    const rows = await tracesOf(id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[2].changes).toMatchObject({
      codeInsee: { before: '99801', after: null },
      nom: { before: 'Tracéland du Nord', after: null },
      dateFin: { before: '1990-10-03', after: null },
    });
  });
});

describe('the trace table is append-only, enforced by PostgreSQL', () => {
  beforeAll(async () => {
    const created = await admin.post('/api/ra/pays', pays('99802', 'Immuable'));
    expect(created.status).toBe(201);
  });

  test.each([
    ['UPDATE', `UPDATE ceres_trace SET username = 'quelqu''un d''autre'`],
    ['UPDATE (no row matched)', `UPDATE ceres_trace SET changes = '{}' WHERE false`],
    ['DELETE', `DELETE FROM ceres_trace`],
    ['DELETE (one row)', `DELETE FROM ceres_trace WHERE id = (SELECT max(id) FROM ceres_trace)`],
    ['TRUNCATE', `TRUNCATE ceres_trace`],
  ])('%s is refused', async (_label, statement) => {
    const before = await fingerprint();
    expect(before.n).toBeGreaterThan(0);
    await expect(sql(statement)).rejects.toThrow(/ajout seul/);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('no route can alter traces', () => {
  test('create, update, delete and actions on traces and historique are refused, for every route tried', async () => {
    const [{ id: traceId }] = await sql(`SELECT id::text AS id FROM ceres_trace ORDER BY id DESC LIMIT 1`);
    const before = await fingerprint();
    const calls: [string, string, unknown?][] = [];
    for (const resource of ['traces', 'historique']) {
      calls.push(['POST', `/api/ra/${resource}`, { resource: 'pays', documentId: 'x', action: 'create', changes: {} }]);
      calls.push(['PUT', `/api/ra/${resource}/${traceId}`, { username: 'personne', changes: {} }]);
      calls.push(['DELETE', `/api/ra/${resource}/${traceId}`]);
      calls.push(['POST', `/api/ra/${resource}/${traceId}/delete`, {}]);
      calls.push(['POST', `/api/ra/${resource}/${traceId}/edit`, { username: 'personne' }]);
    }
    // Strapi's stock content API and admin API: the table is not a content type, there is nothing there
    for (const path of ['/api/ceres-traces', '/api/ceres_trace', '/api/traces', '/api/tracabilite/traces']) {
      calls.push(['POST', path, { data: { username: 'personne' } }]);
      calls.push(['PUT', `${path}/${traceId}`, { data: { username: 'personne' } }]);
      calls.push(['DELETE', `${path}/${traceId}`]);
    }
    calls.push(['DELETE', `/content-manager/collection-types/plugin::tracabilite.trace/${traceId}`]);
    for (const [method, path, body] of calls) {
      const answer = await admin.call(method, path, body);
      expect([method, path, answer.status >= 400 && answer.status < 500]).toEqual([method, path, true]);
    }
    const contentTypes = await sql(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'ceres_trace'`);
    expect(contentTypes[0].n).toBe(1);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('reading traces', () => {
  let id: string;

  beforeAll(async () => {
    const created = await admin.post('/api/ra/pays', pays('99803', 'Consultable'));
    id = created.body.id;
    await admin.put(`/api/ra/pays/${id}`, { nomOfficiel: 'République de Consultable' });
  });

  test("a record's history (Historique tab), newest first", async () => {
    const filter = encodeURIComponent(JSON.stringify({ resource: 'pays', record: id }));
    const answer = await admin.get(`/api/ra/historique?filter=${filter}&sort=["at","DESC"]&range=[0,9]`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-range')).toBe('historique 0-1/2');
    expect(answer.body.map((t: { action: string }) => t.action)).toEqual(['update', 'create']);
    expect(answer.body[0]).toMatchObject({
      resource: 'pays',
      record: id,
      username: 'admin.national',
      profile: 'ADMIN_NATIONAL',
      changes: { nomOfficiel: { before: null, after: 'République de Consultable' } },
    });
  });

  test('the history needs a resource and a record', async () => {
    const answer = await admin.get(`/api/ra/historique?filter=${encodeURIComponent('{"resource":"pays"}')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('filter.record');
  });

  test('global search by user, resource and period; one trace by number', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const filter = encodeURIComponent(JSON.stringify({ username: 'admin.nat', resource: 'pays', at_gte: today, at_lte: today, record: id }));
    const answer = await admin.get(`/api/ra/traces?filter=${filter}&sort=["at","ASC"]&range=[0,24]`);
    expect(answer.status).toBe(200);
    expect(answer.body.map((t: { action: string }) => t.action)).toEqual(['create', 'update']);
    const old = encodeURIComponent(JSON.stringify({ record: id, at_lte: '2020-01-01' }));
    expect((await admin.get(`/api/ra/traces?filter=${old}`)).body).toEqual([]);
    const one = await admin.get(`/api/ra/traces/${answer.body[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: answer.body[0].id, action: 'create', record: id });
  });

  test('bad filters answer 400 naming the filter', async () => {
    for (const [filter, field] of [
      [{ at_gte: '2026-02-31' }, 'filter.at_gte'],
      [{ changes: 'x' }, 'filter.changes'],
      [{ resource: "pays' OR '1'='1" }, 'filter.resource'],
      [{ username: { $ne: null } }, 'filter.username'],
    ] as const) {
      const answer = await admin.get(`/api/ra/traces?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect([field, answer.status, answer.body.error?.field]).toEqual([field, 400, field]);
    }
    expect((await admin.get(`/api/ra/traces?sort=["changes","ASC"]`)).status).toBe(400);
  });
});

describe('workflow actions are traced under their name; a failed action leaves neither change nor trace', () => {
  let dreets: ReturnType<typeof api>;
  let agrement: string;
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    dreets = api(await login('dreets.ara'));
    const [{ document_id: centre }] = await sql(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS.lyon]);
    await sql(`DELETE FROM titres WHERE code = 'TP-99871'`);
    const created = await admin.post('/api/ra/titres', {
      code: 'TP-99871',
      version: 2024,
      intitule: 'Agent de traçabilité',
      typeCertification: 'TITRE_PROFESSIONNEL',
      niveau: 3,
      niveauEqf: 3,
      statut: 'ACTIF',
      dateDebutValidite: day(-365),
    });
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    const titre = created.body.id;
    const site = await admin.post('/api/ra/sites', { nom: 'Site traçabilité', centre, actif: true });
    expect([site.status, site.body.error]).toEqual([201, undefined]);
    const requested = await dreets.post('/api/ra/agrements', { centre, site: site.body.id, titre, dateDebut: day(30), dateFin: day(300) });
    expect([requested.status, requested.body.error]).toEqual([201, undefined]);
    agrement = requested.body.id;
  });

  test('a refused action (motif missing) changes nothing and writes no trace', async () => {
    const before = await fingerprint();
    const refused = await dreets.post(`/api/ra/agrements/${agrement}/refuser`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/motif/i);
    expect(await fingerprint()).toEqual(before);
    expect((await sql(`SELECT statut FROM agrements WHERE document_id = $1`, [agrement]))[0].statut).toBe('DEMANDE');
  });

  test('a decision writes one trace row: the action, who, and the fields it changed', async () => {
    const granted = await dreets.post(`/api/ra/agrements/${agrement}/accorder`, {});
    expect(granted.status).toBe(200);
    const rows = await tracesOf(agrement);
    expect(rows.map((r) => r.action)).toEqual(['create', 'accorder']);
    expect(rows[1]).toMatchObject({ resource: 'agrements', username: 'dreets.ara', profile: 'DREETS' });
    expect(rows[1].changes.statut).toEqual({ before: 'DEMANDE', after: 'ACCORDE' });
    expect(rows[1].changes).not.toHaveProperty('updatedAt');
  });

  test("a record's history is shown to whoever may see the record, and to nobody else", async () => {
    const filter = encodeURIComponent(JSON.stringify({ resource: 'agrements', record: agrement }));
    const lyon = await api(await login('centre.lyon')).get(`/api/ra/historique?filter=${filter}`);
    expect(lyon.status).toBe(200);
    expect(lyon.body.map((t: { action: string }) => t.action)).toEqual(['accorder', 'create']);
    // another centre, another région: the record is out of their territory
    expect((await api(await login('centre.paris')).get(`/api/ra/historique?filter=${filter}`)).status).toBe(404);
    expect((await api(await login('dreets.idf')).get(`/api/ra/historique?filter=${filter}`)).status).toBe(404);
    // a profile that may not see the resource at all
    expect((await api(await login('afpa.dte')).get(`/api/ra/historique?filter=${filter}`)).status).toBe(403);
  });

  test('the global trace search is for national administrators only', async () => {
    for (const user of ['dreets.ara', 'centre.lyon', 'lecture', 'nc.dfpc']) {
      const answer = await api(await login(user)).get('/api/ra/traces');
      expect([user, answer.status]).toEqual([user, 403]);
    }
    const me = await api(await login('lecture')).get('/api/ra/me');
    expect(me.body.permissions.traces).toBeUndefined();
    expect(me.body.permissions.historique).toEqual(['list']);
  });
});

describe("writes made in Strapi's admin panel are traced too", () => {
  let panel: ReturnType<typeof api>;
  const email = `trace.${process.pid}@ceres.test`;

  beforeAll(async () => {
    // the test database has no Strapi administrator: register the first one
    const registered = await api().post('/admin/register-admin', { firstname: 'Admin', lastname: 'Strapi', email, password: 'Ceres-Admin-2026!' });
    expect([registered.status, registered.body?.error]).toEqual([200, undefined]);
    panel = api(registered.body.data.token);
  });

  test('create, update and delete through the Content Manager each write one trace row', async () => {
    const base = '/content-manager/collection-types/api::pays.pays';
    const created = await panel.post(base, pays('99804', 'Panneau'));
    expect(created.status).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await panel.put(`${base}/${id}`, { nom: 'Panneau modifié' })).status).toBe(200);
    expect((await panel.delete(`${base}/${id}`)).status).toBe(200);
    const rows = await tracesOf(id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[0]).toMatchObject({ user_id: null, username: `admin Strapi : ${email}`, profile: 'ADMIN_STRAPI', resource: 'pays' });
    expect(rows[1].changes).toEqual({ nom: { before: 'Panneau', after: 'Panneau modifié' } });
    expect(rows[2].changes.codeInsee).toEqual({ before: '99804', after: null });
  });
});
