/**
 * The bad-input corpus, sent to EVERY resource and workflow action the bridge serves (enumerated from the
 * permission matrix the server publishes): always a 4xx with a French message, never a 5xx, and no row
 * added, changed or removed anywhere.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';

jest.setTimeout(300_000);

const HUGE = 'x'.repeat(200_000);
const deep = (levels: number): unknown => (levels === 0 ? 'fond' : { a: deep(levels - 1) });

/** list query strings: malformed JSON, injection of operators and relation paths, absurd ranges */
const QUERIES = [
  'filter={',
  'filter="texte"',
  'filter={"password":"x"}',
  'filter={"createdBy.password":"x"}',
  'filter={"role":{"type":"admin_national"}}',
  'filter={"id":{"$ne":null}}',
  `filter={"q":"${'a'.repeat(500)}"}`,
  "filter={\"q\":\"' OR 1=1 --\"}",
  `filter=${encodeURIComponent(JSON.stringify(deep(60)))}`,
  'sort=["password","ASC"]',
  'sort=["nom; DROP TABLE pays","ASC"]',
  'range=[0,99999999999]',
  'range=[5,1]',
  'range=[-10,10]',
  'populate=*',
  'fields[0]=password',
];

/** bodies: wrong shapes and types, unknown and system fields, huge and nested values (valid text with XSS or SQL in it is accepted: see the last test) */
const BODIES: unknown[] = [
  [],
  'texte',
  42,
  { inconnu: 1 },
  { id: 1, documentId: 'x', createdBy: 1, role: 1, password: 'x', publishedAt: '2020-01-01' },
  { nom: { $ne: null } },
  { nom: ['liste'] },
  { nom: HUGE },
  { dateDebut: '2021-02-31', dateNaissance: '31/02/2020', dateFin: 'demain' },
  { nom: { '<script>': "'); DROP TABLE pays; --" } },
  deep(60),
];

let token: string;
let permissions: Record<string, string[]>;

const countAll = async () => {
  const rows = await sql<{ table_name: string; n: string }>(
    `SELECT c.relname AS table_name, c.reltuples::bigint AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  // reltuples is an estimate: count exactly the tables the bridge writes to
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    if (/^(strapi_|up_|admin_|i18n_|files|upload_|ceres_trace)/.test(table_name)) continue;
    counts[table_name] = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`))[0].n);
  }
  return counts;
};

beforeAll(async () => {
  token = await login('admin.national');
  permissions = (await api(token).get('/api/ra/me')).body.permissions;
});

const never5xx = (status: number, body: { error?: { message?: string } }) => {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(body?.error?.message).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+\.(js|ts):\d+|node_modules|SELECT |syntax error/);
};

test('the corpus on every list: 4xx in French, never a 5xx', async () => {
  const readable = Object.entries(permissions).filter(([, actions]) => actions.includes('list'));
  expect(readable.length).toBeGreaterThan(5);
  const failures: string[] = [];
  for (const [resource] of readable) {
    for (const query of QUERIES) {
      const response = await api(token).get(`/api/ra/${resource}?${query}`);
      if (response.status === 200 && /^(range=\[5,1\]|populate|fields)/.test(query)) failures.push(`${resource}?${query} → 200`);
      if (response.status >= 500 || (response.status >= 400 && !response.body?.error?.message)) failures.push(`${resource}?${query} → ${response.status}`);
    }
  }
  expect(failures).toEqual([]);
});

test('the corpus on every create, update and workflow action: 4xx, never a 5xx, nothing written', async () => {
  const before = await countAll();
  const failures: string[] = [];
  for (const [resource, actions] of Object.entries(permissions)) {
    const first = actions.includes('list') ? (await api(token).get(`/api/ra/${resource}?range=[0,0]`)).body?.[0]?.id : undefined;
    const calls: [string, string][] = [];
    if (actions.includes('create')) calls.push(['POST', `/api/ra/${resource}`]);
    if (actions.includes('edit') && first) calls.push(['PUT', `/api/ra/${resource}/${first}`]);
    for (const action of actions.filter((a) => !['list', 'show', 'create', 'edit', 'delete', 'export'].includes(a))) {
      calls.push(['POST', `/api/ra/${resource}/${first ?? 'inexistant'}/${action}`]);
    }
    for (const [method, path] of calls) {
      for (const body of BODIES) {
        const response = await api(token).call(method, path, typeof body === 'string' ? JSON.stringify(body) : body, { 'Content-Type': 'application/json' });
        if (response.status < 400 || response.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${response.status}`);
        else if (!response.body?.error?.message) failures.push(`${method} ${path} → ${response.status} sans message`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(await countAll()).toEqual(before);
});

test('malformed JSON and a body over the size limit on a workflow route: 400 / 413', async () => {
  const malformed = await api(token).call('POST', '/api/ra/pays', '{"nom": [', { 'Content-Type': 'application/json' });
  never5xx(malformed.status, malformed.body);
  const huge = await api(token).call('POST', '/api/ra/pays', JSON.stringify({ nom: 'x'.repeat(400_000) }), { 'Content-Type': 'application/json' });
  expect(huge.status).toBe(413);
});

test('an XSS payload is stored and returned literally (escaping is the display’s job)', async () => {
  const payload = '<img src=x onerror=alert(1)>';
  const created = await api(token).post('/api/ra/pays', { codeInsee: '99996', nom: payload, libelleCog: 'XSS', nature: 'ANCIEN_ETAT' });
  expect(created.status).toBe(201);
  expect(created.body.nom).toBe(payload);
  expect(created.headers.get('content-type')).toMatch(/application\/json/);
  await api(token).delete(`/api/ra/pays/${created.body.id}`);
});
