/**
 * The bridge authenticates in one statement per call (plugins/bridge/server/src/services/auth.ts) and keeps
 * nothing between calls: a change to the account, its scope or its session applies to the very next call of
 * a token that already worked. The account is a copy of ud.rhone made for this file (same password hash,
 * same role), so that blocking it disturbs no other suite.
 */
import { api } from '../support/http';
import { sql } from '../support/db';
import { DEMO_PASSWORD } from '../../strapi/src/seed/demo-users';

jest.setTimeout(120_000);

const USERNAME = `auth.pont.${process.pid}`;
let userId: number;

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { sessionId: string; userId: string };

async function freshToken() {
  const response = await api().post('/api/auth/local', { identifier: USERNAME, password: DEMO_PASSWORD });
  expect(response.status).toBe(200);
  return response.body.jwt as string;
}

beforeAll(async () => {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO up_users (document_id, username, email, provider, password, confirmed, blocked, departement_codes, region_codes, created_at, updated_at)
     SELECT 'authpont' || $2::text, $1::text, $1::text || '@ceres.test', provider, password, true, false, '["69"]'::jsonb, '[]'::jsonb, now(), now()
       FROM up_users WHERE username = 'ud.rhone' RETURNING id`,
    [USERNAME, String(process.pid)],
  );
  userId = row.id;
  await sql(`INSERT INTO up_users_role_lnk (user_id, role_id) SELECT $1, role_id FROM up_users_role_lnk l JOIN up_users u ON u.id = l.user_id WHERE u.username = 'ud.rhone'`, [userId]);
});

afterAll(async () => {
  await sql(`DELETE FROM up_users_role_lnk WHERE user_id = $1`, [userId]);
  await sql(`DELETE FROM up_users WHERE id = $1`, [userId]);
});

test('the scope is read at each call: a new département applies to the next call of the same token', async () => {
  const token = await freshToken();
  const before = await api(token).get('/api/ra/me');
  expect(before.status).toBe(200);
  expect(before.body.territory).toEqual({ kind: 'departements', codes: ['69'] });
  await sql(`UPDATE up_users SET departement_codes = '["01"]'::jsonb WHERE id = $1`, [userId]);
  try {
    expect((await api(token).get('/api/ra/me')).body.territory).toEqual({ kind: 'departements', codes: ['01'] });
  } finally {
    await sql(`UPDATE up_users SET departement_codes = '["69"]'::jsonb WHERE id = $1`, [userId]);
  }
});

test('an account blocked in the database is refused at the next call of a token that worked, and let in again once unblocked', async () => {
  const token = await freshToken();
  expect((await api(token).get('/api/ra/centres')).status).toBe(200);
  await sql(`UPDATE up_users SET blocked = true WHERE id = $1`, [userId]);
  try {
    expect((await api(token).get('/api/ra/centres')).status).toBe(401);
    expect((await api(token).get('/api/ra/me')).status).toBe(401);
  } finally {
    await sql(`UPDATE up_users SET blocked = false WHERE id = $1`, [userId]);
  }
  expect((await api(token).get('/api/ra/me')).status).toBe(200);
});

test('an expired session refuses its access token at once, in French', async () => {
  const token = await freshToken();
  expect((await api(token).get('/api/ra/me')).status).toBe(200);
  await sql(`UPDATE strapi_sessions SET expires_at = now() - interval '1 day' WHERE session_id = $1`, [payloadOf(token).sessionId]);
  const after = await api(token).get('/api/ra/me');
  expect(after.status).toBe(401);
  expect(after.body.error.message).toBe('Session terminée : veuillez vous reconnecter.');
});

test('a logout refuses the access token at the very next call', async () => {
  const token = await freshToken();
  expect((await api(token).get('/api/ra/candidats?range=[0,0]')).status).toBe(200);
  expect((await api(token).post('/api/auth/logout', {})).status).toBe(200);
  expect((await api(token).get('/api/ra/candidats?range=[0,0]')).status).toBe(401);
});

test('a route the role is not granted is refused (403), granted again it opens', async () => {
  const token = await freshToken();
  // the grant of GET /api/ra/me taken from this user's role only for the time of the check: a role of its own
  const [role] = await sql<{ id: number }>(
    `INSERT INTO up_roles (document_id, name, description, type, created_at, updated_at) VALUES ('authpontrole' || $1::text, 'UD test ' || $1::text, 'test', 'ud-test-' || $1::text, now(), now()) RETURNING id`,
    [String(process.pid)],
  );
  try {
    await sql(`UPDATE up_users_role_lnk SET role_id = $2 WHERE user_id = $1`, [userId, role.id]);
    expect((await api(token).get('/api/ra/me')).status).toBe(403);
  } finally {
    await sql(`UPDATE up_users_role_lnk SET role_id = (SELECT l.role_id FROM up_users_role_lnk l JOIN up_users u ON u.id = l.user_id WHERE u.username = 'ud.rhone') WHERE user_id = $1`, [userId]);
    await sql(`DELETE FROM up_roles WHERE id = $1`, [role.id]);
  }
  expect((await api(token).get('/api/ra/me')).status).toBe(200);
});

test('a token that is not an access token of a users-permissions session is 401', async () => {
  const token = await freshToken();
  const [header, , signature] = token.split('.');
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...payloadOf(token), userId: '1' })).toString('base64url')}.${signature}`;
  expect((await api(forged).get('/api/ra/me')).status).toBe(401);
  expect((await api(`${token}x`).get('/api/ra/me')).status).toBe(401);
  expect((await api().get('/api/ra/me', { Authorization: `Basic ${token}` })).status).toBe(401);
});
