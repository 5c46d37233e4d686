/**
 * Backup and restore with Debian's PostgreSQL 15 client tools (pg_dump / pg_restore, the same major
 * version as the embedded server). The database is DATABASE_URL (environment, then .env) or, without it,
 * the embedded cluster under .data/postgres: used as is when `npm start` is running, started for the
 * duration of the command otherwise.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DATA_DIR, ENV_FILE } from './paths';
import { startEmbeddedPostgres } from './postgres';

export const BACKUP_DIR = path.join(DATA_DIR, 'backups');
export const EMBEDDED_DIR = path.join(DATA_DIR, 'postgres');
const EMBEDDED_PORT = 54329;
const EMBEDDED_URL = (port: number) => `postgres://postgres:ceres-local@127.0.0.1:${port}/ceres`;

export class OperationError extends Error {}

function tool(name: 'pg_dump' | 'pg_restore'): string {
  for (const candidate of [`/usr/lib/postgresql/15/bin/${name}`, `/usr/bin/${name}`]) if (existsSync(candidate)) return candidate;
  throw new OperationError(`${name} est introuvable : installez les outils clients PostgreSQL 15 (apt-get install postgresql-client-15).`);
}

function databaseUrlFromEnv(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!existsSync(ENV_FILE)) return undefined;
  const line = readFileSync(ENV_FILE, 'utf8')
    .split('\n')
    .find((l) => /^\s*DATABASE_URL\s*=/.test(l));
  return line?.replace(/^\s*DATABASE_URL\s*=\s*/, '').replace(/^"(.*)"$/, '$1').trim() || undefined;
}

/** the port of the embedded cluster when its postmaster runs (npm start), from postmaster.pid */
function runningEmbeddedPort(): number | undefined {
  const pidFile = path.join(EMBEDDED_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined; // stale file: the server is not running
  }
  return Number(port) || undefined;
}

/** Runs `work` against the database to back up / restore into, starting the embedded cluster if needed. */
export async function withDatabase<T>(work: (url: string, where: string) => Promise<T>): Promise<T> {
  const configured = databaseUrlFromEnv();
  if (configured) return work(configured, 'DATABASE_URL');
  const port = runningEmbeddedPort();
  if (port) return work(EMBEDDED_URL(port), `PostgreSQL embarqué en cours d'exécution (port ${port})`);
  const postgres = await startEmbeddedPostgres({ persistent: true, port: EMBEDDED_PORT });
  try {
    return await work(postgres.url, `PostgreSQL embarqué (${postgres.dataDir}), démarré le temps de l'opération`);
  } finally {
    await postgres.stop();
  }
}

/** the password travels in PGPASSWORD, not on the command line (visible to `ps`) */
function connectionArgs(url: string): { arg: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { arg: `--dbname=${u.toString()}`, env: password ? { PGPASSWORD: password } : {} };
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, PGCONNECT_TIMEOUT: '10', ...env } });
  if (result.error) throw new OperationError(`${path.basename(command)} n'a pas pu être lancé : ${result.error.message}`);
  if (result.status !== 0) throw new OperationError(`${path.basename(command)} a échoué (code ${result.status}) :\n${result.stderr.trim()}`);
  return result;
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/**
 * pg_dump in custom format (compressed, restorable table by table) into `output` (a file, or a folder:
 * ceres-<date>.dump inside it). Written under a temporary name, checked with pg_restore --list, then renamed:
 * a file named .dump is always a complete archive. Extra arguments go to pg_dump.
 */
export function dumpDatabase(url: string, output = BACKUP_DIR, extra: string[] = []): string {
  const isDir = !output.endsWith('.dump') || (existsSync(output) && statSync(output).isDirectory());
  const file = isDir ? path.join(output, `ceres-${stamp()}.dump`) : output;
  // personal data: the backups are readable by their owner only
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  try {
    const connection = connectionArgs(url);
    run(tool('pg_dump'), ['--format=custom', '--compress=6', `--file=${partial}`, ...extra, connection.arg], connection.env);
    chmodSync(partial, 0o600);
    run(tool('pg_restore'), ['--list', partial]);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return file;
}

/** the user tables of a database: restoring is only allowed into an empty one */
export async function userTables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** pg_restore of a custom-format dump into an EMPTY database, in one transaction (all or nothing). */
export async function restoreDatabase(url: string, file: string, extra: string[] = []) {
  if (!existsSync(file)) throw new OperationError(`Sauvegarde introuvable : ${file}`);
  run(tool('pg_restore'), ['--list', file]);
  const tables = await userTables(url);
  if (tables.length) {
    throw new OperationError(
      `La base cible n'est pas vide (${tables.length} tables, dont ${tables.slice(0, 3).join(', ')}) : la restauration se fait dans une base vide. ` +
        `Voir docs/operations.md (--new-database <nom>, ou un nouveau cluster embarqué).`,
    );
  }
  const connection = connectionArgs(url);
  run(tool('pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', ...extra, connection.arg, file], connection.env);
}

/** CREATE DATABASE <name> on the server of `url`; returns the new database's URL */
export async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new OperationError(`Nom de base invalide « ${name} » : lettres minuscules, chiffres et _.`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } catch (error) {
    throw new OperationError(`Création de la base « ${name} » impossible : ${(error as Error).message}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** the URL without its password, for messages */
export const redact = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(URL illisible)';
  }
};
