/**
 * Login hardening: rate-limited /api/auth/local (users-permissions, LOGIN_RATE_LIMIT_MAX per minute and per
 * address), short-lived access token with refresh, logout that ends the session, French messages.
 *
 * The rate limit is exceeded for real on the shared test server (limit 1000, set by global-setup): the calls
 * come from another loopback address (127.0.0.2), which users-permissions counts in its own bucket, so the
 * other suites, logging in from 127.0.0.1, are not locked out for the next minute.
 */
import http from 'node:http';
import { api, baseUrl } from '../support/http';
import { sql } from '../support/db';
import { DEMO_PASSWORD } from '../../strapi/src/seed/demo-users';

jest.setTimeout(120_000);

const LIMIT = Number(process.env.LOGIN_RATE_LIMIT_MAX ?? '1000');

/** POST /api/auth/local from a chosen local address, on a keep-alive connection */
function loginFrom(url: URL, localAddress: string, agent: http.Agent, identifier: string, password: string): Promise<{ status: number; body: any }> {
  const payload = JSON.stringify({ identifier, password });
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { iat: number; exp: number };

describe('rate limit on /api/auth/local', () => {
  test(`the ${LIMIT + 1}th attempt within the window from one address is refused (429, French), other addresses are not`, async () => {
    const agent = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' } as http.AgentOptions);
    const url = new URL('/api/auth/local', baseUrl());
    try {
      const statuses = new Map<number, number>();
      for (let i = 0; i < LIMIT; i++) {
        const { status } = await loginFrom(url, '127.0.0.2', agent, 'personne.inconnue', 'mauvais-mot-de-passe');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      // every attempt under the limit was answered (wrong credentials), none throttled
      expect(Object.fromEntries(statuses)).toEqual({ 400: LIMIT });
      const over = await loginFrom(url, '127.0.0.2', agent, 'admin.national', DEMO_PASSWORD);
      expect(over.status).toBe(429);
      expect(over.body).toEqual({ error: { status: 429, message: 'Trop de tentatives : réessayez dans une minute.' } });
    } finally {
      agent.destroy();
    }
    // the throttled address does not lock the others out
    const elsewhere = await api().post('/api/auth/local', { identifier: 'admin.national', password: DEMO_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });
});

describe('tokens and sessions', () => {
  test('the access token is short-lived (15 minutes) and comes with a refresh token', async () => {
    const response = await api().post('/api/auth/local', { identifier: 'lecture', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const { iat, exp } = payloadOf(response.body.jwt);
    expect(exp - iat).toBe(15 * 60);
    expect(typeof response.body.refreshToken).toBe('string');
    // the answer does not leak the user's scope nor secrets
    expect(response.body.user).not.toHaveProperty('password');
  });

  test('logout ends the session: the refresh token is revoked (401 in French) and the access token no longer opens the bridge', async () => {
    const { body } = await api().post('/api/auth/local', { identifier: 'centre.lyon', password: DEMO_PASSWORD });
    expect((await api(body.jwt).get('/api/ra/me')).status).toBe(200);
    const logout = await api(body.jwt).post('/api/auth/logout', {});
    expect(logout.status).toBe(200);
    const refresh = await api().post('/api/auth/refresh', { refreshToken: body.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.message).toBe('Session expirée : veuillez vous reconnecter.');
    const after = await api(body.jwt).get('/api/ra/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('Session terminée : veuillez vous reconnecter.');
    expect((await api(body.jwt).get('/api/ra/centres')).status).toBe(401);
  });

  test('logging out one session leaves the user’s other sessions open', async () => {
    const first = (await api().post('/api/auth/local', { identifier: 'ud.rhone', password: DEMO_PASSWORD })).body;
    const second = (await api().post('/api/auth/local', { identifier: 'ud.rhone', password: DEMO_PASSWORD })).body;
    await api(first.jwt).post('/api/auth/logout', {});
    expect((await api(second.jwt).get('/api/ra/me')).status).toBe(200);
    expect((await api().post('/api/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(200);
  });

  test('a forged or garbage refresh token is 401 in French', async () => {
    const response = await api().post('/api/auth/refresh', { refreshToken: 'pas-un-jeton' });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('Session expirée : veuillez vous reconnecter.');
  });
});

describe('French messages', () => {
  test('wrong password and unknown user get the same message (no account enumeration)', async () => {
    const wrong = await api().post('/api/auth/local', { identifier: 'admin.national', password: 'faux' });
    const unknown = await api().post('/api/auth/local', { identifier: 'personne.inconnue', password: 'faux' });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  test('missing credentials: 400 in French', async () => {
    const response = await api().post('/api/auth/local', {});
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Saisissez votre identifiant et votre mot de passe.');
    const noPassword = await api().post('/api/auth/local', { identifier: 'lecture' });
    expect(noPassword.body.error.message).toBe('Saisissez votre identifiant et votre mot de passe.');
  });

  test('a blocked account is told so in French, and its open token stops working', async () => {
    const { body } = await api().post('/api/auth/local', { identifier: 'afpa.dte', password: DEMO_PASSWORD });
    await sql(`UPDATE up_users SET blocked = true WHERE username = 'afpa.dte'`);
    try {
      const login = await api().post('/api/auth/local', { identifier: 'afpa.dte', password: DEMO_PASSWORD });
      expect(login.status).toBe(400);
      expect(login.body.error.message).toBe('Votre compte a été bloqué par un administrateur.');
      expect((await api(body.jwt).get('/api/ra/me')).status).toBe(401);
    } finally {
      await sql(`UPDATE up_users SET blocked = false WHERE username = 'afpa.dte'`);
    }
  });
});
