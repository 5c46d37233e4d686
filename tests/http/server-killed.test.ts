/**
 * The server killed (SIGKILL) while writes are in flight: after a restart there is no partial state —
 * every country created has its trace row, and no trace row points at a country that does not exist.
 * Runs its own server and database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../scripts/lib/net';
import { generateSecrets } from '../../scripts/lib/secrets';
import { ROOT } from '../../scripts/lib/paths';

jest.setTimeout(240_000);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ceres-pg-kill-'));
const secrets = generateSecrets();
let postgres: ChildProcess;
let databaseUrl: string;

function startPostgres(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'postgres.ts'), '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
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

async function startServer(): Promise<{ process: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'ceres.ts'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...secrets, NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: String(port), SERVE_ADMIN_PANEL: 'false', STRAPI_STARTUP_LOG: 'false', CERES_LIBREOFFICE_AT_BOOT: 'false' },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 150_000) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode})`);
    const up = await fetch(`${baseUrl}/_health`).then((r) => r.status === 204, () => false);
    if (up) return { process: child, baseUrl };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('le serveur ne répond pas');
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill(signal);
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

beforeAll(async () => {
  const database = await startPostgres();
  postgres = database.process;
  databaseUrl = database.url;
});

afterAll(async () => {
  await stop(postgres);
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGKILL during 30 concurrent writes leaves each one whole or absent', async () => {
  let server = await startServer();
  const login = await fetch(`${server.baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: 'admin.national', password: 'Ceres-Demo-2026' }),
  });
  const { jwt } = await login.json();
  const writes = Array.from({ length: 30 }, (_, i) =>
    fetch(`${server.baseUrl}/api/ra/pays`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ codeInsee: String(99700 + i), nom: `Tué-${i}`, libelleCog: `TUE-${i}`, nature: 'ANCIEN_ETAT' }),
    }).then((r) => r.status, () => 'coupé'),
  );
  await new Promise((resolve) => setTimeout(resolve, 60));
  await stop(server.process, 'SIGKILL');
  const outcomes = await Promise.all(writes);
  expect(outcomes).toContain('coupé'); // the kill did land while writes were in flight

  server = await startServer();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT p.document_id, count(t.id)::int AS traces
         FROM pays p LEFT JOIN ceres_trace t ON t.resource = 'pays' AND t.document_id = p.document_id AND t.action = 'create'
        WHERE p.code_insee BETWEEN '99700' AND '99729' GROUP BY p.document_id`,
    );
    for (const row of rows) expect(row.traces).toBe(1);
    const orphans = await client.query(
      `SELECT count(*)::int AS n FROM ceres_trace t WHERE t.resource = 'pays' AND t.action = 'create'
          AND t.changes::text LIKE '%Tué-%' AND NOT EXISTS (SELECT 1 FROM pays p WHERE p.document_id = t.document_id)`,
    );
    expect(orphans.rows[0].n).toBe(0);
    // every write answered 201 before the kill is there
    expect(rows.length).toBeGreaterThanOrEqual(outcomes.filter((o) => o === 201).length);
  } finally {
    await client.end();
    await stop(server.process);
  }
});
