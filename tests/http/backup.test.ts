/**
 * Backup and restore (issue 11 point 5): the documented commands (scripts/backup.ts, scripts/restore.ts —
 * `npm run backup` / `npm run restore`) dump the test database with pg_dump 15 and restore it into a fresh,
 * empty database on the same server, where every record is found: every table's rows (compared in full,
 * document numbers included), every sequence, and the trace table still append-only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { runState } from '../support/run-state';

// each command is a separate process (tsx + pg_dump / pg_restore): seconds, not milliseconds
jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');
const RESTORED = `ceres_restore_test_${process.pid}`;
const NUMERO = `SAUV-2026-${process.pid}`;
let workDir: string;
let restoredUrl: string;

function cli(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function connect(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

type Snapshot = { tables: Record<string, { rows: number; hash: string }>; sequences: Record<string, string>; numbers: Record<string, string[]> };

/** every table's row count and a hash of all its rows, every sequence's position, every document number column */
async function snapshot(client: Client): Promise<Snapshot> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const out: Snapshot = { tables: {}, sequences: {}, numbers: {} };
  for (const table of tables) {
    const { rows } = await client.query<{ rows: number; hash: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS hash FROM ${table} t`,
    );
    out.tables[table] = { rows: rows[0].rows, hash: rows[0].hash ?? '' };
  }
  const sequences = (await client.query<{ name: string }>(`SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences ORDER BY 1`)).rows;
  for (const { name } of sequences) {
    const { rows } = await client.query<{ v: string }>(`SELECT last_value::text || ':' || is_called::text AS v FROM ${name}`);
    out.sequences[name] = rows[0].v;
  }
  // document numbers (parchemins, attestations…): any column named numero…, listed value by value
  const numberColumns = (
    await client.query<{ t: string; c: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS t, format('%I', column_name) AS c FROM information_schema.columns
        WHERE column_name LIKE 'numero%' AND table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`,
    )
  ).rows;
  for (const { t, c } of numberColumns) {
    const { rows } = await client.query<{ n: string }>(`SELECT ${c}::text AS n FROM ${t} WHERE ${c} IS NOT NULL ORDER BY 1`);
    out.numbers[`${t}.${c}`] = rows.map((r) => r.n);
  }
  return out;
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ceres-backup-'));
  // known content: a record and its trace rows
  const admin = api(await login('admin.national'));
  await sql(`DELETE FROM pays WHERE code_insee = '99870'`);
  const created = await admin.post('/api/ra/pays', { codeInsee: '99870', nom: 'Sauvegardie', libelleCog: 'SAUVEGARDIE', nature: 'ANCIEN_ETAT' });
  expect(created.status).toBe(201);
  await admin.put(`/api/ra/pays/${created.body.id}`, { nomOfficiel: 'République de Sauvegardie' });
  // a known document number (a fixture row: the numbering itself is tested in documents.test.ts)
  await sql(
    `INSERT INTO documents_delivrances (numero, serie, emetteur, annee, sequence, template_id, objet, date_delivrance, lieu_delivrance)
     VALUES ($1, 'TEST', 'SAUV', 2026, $2, 'parchemin', $3, '2026-12-03', 'Lyon')`,
    [NUMERO, process.pid, `sauvegarde-${process.pid}`],
  );
});

afterAll(async () => {
  await sql(`DROP DATABASE IF EXISTS ${RESTORED} WITH (FORCE)`);
  await sql(`DELETE FROM documents_delivrances WHERE numero = $1`, [NUMERO]).catch(() => undefined);
  await sql(`DELETE FROM pays WHERE code_insee = '99870'`);
  rmSync(workDir, { recursive: true, force: true });
});

test('backup, then restore into a fresh empty database: every record is there', async () => {
  const source = runState().databaseUrl;
  // the comparison is made in the very snapshot pg_dump reads, so that nothing written meanwhile can blur it
  const reader = await connect(source);
  let before: Snapshot;
  const file = path.join(workDir, 'ceres-test.dump');
  try {
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ id }] = (await reader.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows;
    const dump = cli('backup.ts', ['--output', file, `--snapshot=${id}`], source);
    expect(dump.output).toContain('sauvegarde écrite');
    expect(dump.status).toBe(0);
    before = await snapshot(reader);
  } finally {
    await reader.query('COMMIT').catch(() => undefined);
    await reader.end();
  }
  expect(existsSync(file)).toBe(true);
  expect(before.tables['public.pays'].rows).toBeGreaterThan(0);
  expect(before.tables['public.ceres_trace'].rows).toBeGreaterThan(0);
  expect(before.numbers['public.documents_delivrances.numero']).toContain(NUMERO);

  await sql(`DROP DATABASE IF EXISTS ${RESTORED} WITH (FORCE)`);
  const restore = cli('restore.ts', [file, '--new-database', RESTORED], source);
  expect(restore.output).toContain('restauration terminée');
  expect(restore.status).toBe(0);
  const target = new URL(source);
  target.pathname = `/${RESTORED}`;
  restoredUrl = target.toString();

  const restored = await connect(restoredUrl);
  try {
    const after = await snapshot(restored);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    expect(after).toEqual(before);
    expect(after.numbers['public.documents_delivrances.numero']).toContain(NUMERO);
    const [{ nom_officiel }] = (await restored.query(`SELECT nom_officiel FROM pays WHERE code_insee = '99870'`)).rows;
    expect(nom_officiel).toBe('République de Sauvegardie');
    // the trace table keeps its protection after a restore
    await expect(restored.query(`DELETE FROM ceres_trace`)).rejects.toThrow(/ajout seul/);
  } finally {
    await restored.end();
  }
});

test('restore refuses a database that is not empty, and leaves it untouched', async () => {
  const file = path.join(workDir, 'ceres-test.dump');
  expect(existsSync(file)).toBe(true);
  const [{ n: before }] = await sql(`SELECT count(*)::int AS n FROM pays`);
  const refused = cli('restore.ts', [file], runState().databaseUrl);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toContain("La base cible n'est pas vide");
  const [{ n: after }] = await sql(`SELECT count(*)::int AS n FROM pays`);
  expect(after).toBe(before);
});

test('backup names its file by date under the folder given, never leaving a partial file', async () => {
  const folder = path.join(workDir, 'sauvegardes');
  const dump = cli('backup.ts', ['--output', folder], runState().databaseUrl);
  expect(dump.status).toBe(0);
  const written = /sauvegarde écrite : (.+\.dump)/.exec(dump.output)?.[1];
  expect(written).toMatch(/sauvegardes\/ceres-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump$/);
  expect(existsSync(written!)).toBe(true);
  expect(existsSync(`${written}.partial`)).toBe(false);
});
