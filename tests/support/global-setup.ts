/**
 * One server for the whole integration run: build what is stale, start a throwaway embedded PostgreSQL
 * (or use TEST_DATABASE_URL), start Strapi in a child process on a free port, wait for its health check.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../scripts/lib/build';
import { freePort, startEmbeddedPostgres } from '../../scripts/lib/postgres';
import { generateSecrets } from '../../scripts/lib/secrets';
import { DATA_DIR, ROOT } from '../../scripts/lib/paths';
import { RUN_STATE_FILE } from './run-state';

declare global {
  // eslint-disable-next-line no-var
  var __CERES_TEARDOWN__: (() => Promise<void>) | undefined;
}

async function waitForHealth(url: string, child: { exitCode: number | null }, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`Le serveur de test s'est arrêté (code ${child.exitCode}) : voir .data/test-server.log`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('Le serveur de test ne répond pas : voir .data/test-server.log');
}

export default async function globalSetup() {
  build({ adminPanel: false });
  mkdirSync(DATA_DIR, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({ persistent: false });
    stops.push(postgres.stop);
    databaseUrl = postgres.url;
  }
  const port = await freePort();
  const log = openSync(path.join(DATA_DIR, 'test-server.log'), 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'ceres.ts'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...generateSecrets(),
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_STARTUP_LOG: 'false',
      // the suite logs in often; the rate-limit test lowers nothing and checks the header
      LOGIN_RATE_LIMIT_MAX: process.env.LOGIN_RATE_LIMIT_MAX ?? '1000',
      // LibreOffice starts with the first document asked, not at boot: most suites print nothing
      CERES_LIBREOFFICE_AT_BOOT: process.env.CERES_LIBREOFFICE_AT_BOOT ?? 'false',
    },
    stdio: ['ignore', log, log],
  });
  stops.unshift(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
  globalThis.__CERES_TEARDOWN__ = async () => {
    for (const stop of stops) await stop().catch((error) => console.error(error));
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 240_000);
  } catch (error) {
    await globalThis.__CERES_TEARDOWN__();
    throw error;
  }
  writeFileSync(RUN_STATE_FILE, JSON.stringify({ baseUrl, databaseUrl, serverPid: child.pid }));
  process.env.CERES_TEST_RUN_STATE = RUN_STATE_FILE; // inherited by the test workers
}
