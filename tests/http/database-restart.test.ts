/**
 * PostgreSQL restarted under the running server: requests fail fast with a French 503 while it is down,
 * and the server recovers by itself when it is back — no restart of CERES needed.
 * Runs its own server and database (the shared ones must not be disturbed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSecrets } from '../../scripts/lib/secrets';
import { ROOT } from '../../scripts/lib/paths';
import { freePort } from '../../scripts/lib/net';

jest.setTimeout(180_000);

let postgres: ChildProcess;
let server: ChildProcess;
let baseUrl: string;
let databaseUrl: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ceres-pg-restart-'));

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('délai dépassé');
}

/** an embedded PostgreSQL in its own process (scripts/postgres.ts): stopping it is a SIGTERM */
function startPostgres(port?: number): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'postgres.ts'), '--data-dir', dataDir, ...(port ? ['--port', String(port)] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /DATABASE_URL=(\S+)/.exec(output);
      if (match) resolve({ process: child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL ne démarre pas (code ${code})`)));
  });
}

async function stopProcess(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const login = () =>
  fetch(`${baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: 'admin.national', password: 'Ceres-Demo-2026' }),
  });

beforeAll(async () => {
  const database = await startPostgres();
  postgres = database.process;
  databaseUrl = database.url;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'ceres.ts'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...generateSecrets(), NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: String(port), SERVE_ADMIN_PANEL: 'false', STRAPI_STARTUP_LOG: 'false', DATABASE_CONNECTION_TIMEOUT: '3000' },
    stdio: 'ignore',
  });
  await until(async () => ((await fetch(`${baseUrl}/_health`)).status === 204 ? true : undefined), 120_000);
});

afterAll(async () => {
  await stopProcess(server);
  await stopProcess(postgres);
  rmSync(dataDir, { recursive: true, force: true });
});

test('503 in French while PostgreSQL is down, then recovery without restarting CERES', async () => {
  const { jwt } = await (await login()).json();
  const list = () => fetch(`${baseUrl}/api/ra/pays?range=[0,0]`, { headers: { Authorization: `Bearer ${jwt}` } });
  expect((await list()).status).toBe(200);

  await stopProcess(postgres);
  const started = Date.now();
  const down = await list();
  const waited = Date.now() - started;
  expect(down.status).toBe(503);
  expect((await down.json()).error.message).toMatch(/base de données ne répond pas/);
  expect(waited).toBeLessThan(20_000); // bounded by DATABASE_CONNECTION_TIMEOUT, not a performance assertion

  postgres = (await startPostgres(Number(new URL(databaseUrl).port))).process;
  const recovered = await until(async () => {
    const response = await list();
    return response.status === 200 ? response : undefined;
  }, 30_000);
  expect(recovered.headers.get('content-range')).toMatch(/^pays /);
});
