/**
 * Security headers and error bodies (issue 11 point 4, partly): the back-office page and the API carry a
 * Content-Security-Policy, nosniff, a frame policy and HSTS, and say nothing of the server software; no
 * error answer — 4xx or 500 — carries a stack trace, a file path or SQL.
 */
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';

let token: string;

beforeAll(async () => {
  token = await login('admin.national');
});

function expectSecurityHeaders(headers: Headers, where: string) {
  const csp = headers.get('content-security-policy') ?? '';
  const seen = {
    where,
    csp: {
      defaultSelf: /(^|;)\s*default-src 'self'/.test(csp),
      noUnsafeEval: !/unsafe-eval/.test(csp),
      frameAncestors: /frame-ancestors 'self'|frame-ancestors 'none'/.test(csp),
      objectSrc: /object-src/.test(csp),
    },
    nosniff: headers.get('x-content-type-options'),
    frame: headers.get('x-frame-options'),
    hsts: Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security') ?? '')?.[1] ?? 0) >= 180 * 24 * 3600,
    poweredBy: headers.get('x-powered-by'),
  };
  expect(seen).toEqual({
    where,
    csp: { defaultSelf: true, noUnsafeEval: true, frameAncestors: true, objectSrc: true },
    nosniff: 'nosniff',
    frame: expect.stringMatching(/^(SAMEORIGIN|DENY)$/),
    hsts: true,
    poweredBy: null,
  });
}

test('the back-office page carries the security headers', async () => {
  const response = await fetch(`${baseUrl()}/`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  expectSecurityHeaders(response.headers, '/');
});

test('the API carries them too, on success and on error', async () => {
  const ok = await api(token).get('/api/ra/pays?range=[0,0]');
  expect(ok.status).toBe(200);
  expectSecurityHeaders(ok.headers, '/api/ra/pays');
  const anonymous = await api().get('/api/ra/pays');
  expect(anonymous.status).toBe(401);
  expectSecurityHeaders(anonymous.headers, '/api/ra/pays (anonyme)');
  const login = await api().post('/api/auth/local', { identifier: 'admin.national', password: 'faux' });
  expect(login.status).toBe(400);
  expectSecurityHeaders(login.headers, '/api/auth/local');
});

/** what a leaked stack trace, source path or SQL statement looks like */
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|node_modules|\/work\/|\.(js|ts):\d+|\bselect\b.+\bfrom\b|\binsert into\b|ceres_trace|constraint|stack/i;

function expectNoLeak(body: unknown, label: string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect({ label, leak: LEAK.exec(text)?.[0] ?? null }).toEqual({ label, leak: null });
}

test('4xx answers carry a French message and no stack trace', async () => {
  const admin = api(token);
  const cases: [string, Promise<{ status: number; body: unknown }>][] = [
    ['JSON malformé', admin.call('POST', '/api/ra/pays', '{"nom": ', { 'Content-Type': 'application/json' })],
    ['filtre invalide', admin.get('/api/ra/pays?filter={oops')],
    ['champ inconnu', admin.post('/api/ra/pays', { inconnu: 1 })],
    ['ressource inconnue', admin.get('/api/ra/nexistepas')],
    ['corps trop gros', admin.post('/api/ra/pays', { nom: 'x'.repeat(2_000_000) })],
    ['connexion, JSON malformé', api().call('POST', '/api/auth/local', '{"identifier":', { 'Content-Type': 'application/json' })],
    ['jeton invalide', api('pas-un-jeton').get('/api/ra/me')],
  ];
  for (const [label, pending] of cases) {
    const answer = await pending;
    expect([label, answer.status >= 400 && answer.status < 500]).toEqual([label, true]);
    expectNoLeak(answer.body, label);
  }
});

test('a 500 (a real database fault) carries no stack trace, path nor SQL', async () => {
  // PostgreSQL refuses every new trace row for a moment: any write through the bridge fails inside the database
  await sql(`ALTER TABLE ceres_trace ADD CONSTRAINT test_security_headers_fault CHECK (false) NOT VALID`);
  let answer;
  try {
    answer = await api(token).post('/api/ra/pays', { codeInsee: '99899', nom: 'Panne', libelleCog: 'PANNE', nature: 'ANCIEN_ETAT' });
  } finally {
    await sql(`ALTER TABLE ceres_trace DROP CONSTRAINT test_security_headers_fault`);
  }
  expect(answer.status).toBe(500);
  expect(answer.body.error.message).toMatch(/Erreur interne/);
  expectNoLeak(answer.body, '500');
  expectSecurityHeaders(answer.headers, '500');
  expect(await sql(`SELECT 1 FROM pays WHERE code_insee = '99899'`)).toEqual([]);
});
