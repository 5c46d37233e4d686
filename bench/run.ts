/**
 * `npm run bench [-- --scale 0.05] [-- --seconds 5]`: national-scale dataset (generated once per scale
 * into its own embedded PostgreSQL under .data/bench-postgres, or BENCH_DATABASE_URL), then each query
 * measured side by side IN THE SAME RUN through the CERES bridge, as raw SQL (pg, no HTTP) and through
 * Strapi's stock REST where it can express it; documents and cold start too. Writes bench/report.md + .json.
 * Targets are reported, never asserted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { build } from '../scripts/lib/build';
import { startEmbeddedPostgres } from '../scripts/lib/postgres';
import { freePort } from '../scripts/lib/net';
import { generateSecrets } from '../scripts/lib/secrets';
import { DATA_DIR, ROOT } from '../scripts/lib/paths';
import { searchExpression } from '../plugins/bridge/server/src/services/search-sql';
import { searchTokens } from '../plugins/bridge/server/src/domain/search-text';
import { existingDataset, generateDataset, reusable, schemaReady, sizeFor, type DatasetSize, type GenerationResult } from './lib/dataset';
import { measureHttp, measureSql, type Measure } from './lib/measure';
import { SCHEMA, measureExtractions, type ExtractionMeasure } from './lib/extraction';
import { requeteSessionsParStatut, requeteStatistiques } from '../plugins/reporting/server/src/services/reporting-sql';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SCALE = Number(argument('scale', '1'));
const SECONDS = Number(argument('seconds', '5'));
const GENERATE_ONLY = process.argv.includes('--generate-only');
/** `--only <regex>`: measure only the scenarios whose name matches (and the extraction / documents when named) */
const ONLY = process.argv.includes('--only') ? new RegExp(argument('only', '.'), 'i') : null;
const selected = (name: string) => !ONLY || ONLY.test(name);
const EXTRACTIONS_DIR = path.join(os.tmpdir(), 'ceres-bench-extractions');
const CONNECTIONS = [1, 10];
const log = (message: string) => console.log(`[bench] ${message}`);

interface Scenario {
  name: string;
  /** bridge URL path, as the back-office sends it */
  bridge: string;
  user: 'admin' | 'centre';
  /** the same query in plain SQL: what the bridge runs for that call, without HTTP */
  sql?: (pool: Pool) => Promise<unknown>;
  /** Strapi's stock REST equivalent (read-only API token), when it can express it */
  stock?: string;
  note?: string;
}

interface ScenarioResult {
  name: string;
  note?: string;
  bridge: Measure[];
  sql: Measure[];
  stock: Measure[];
}

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode}), voir .data/bench-server.log`);
    try {
      if ((await fetch(url)).status < 500) return Date.now() - started;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} ne répond pas`);
}

async function startServer(databaseUrl: string, secrets: Record<string, string>) {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'ceres.ts'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...secrets,
      // demo accounts are refused in production: the bench logs in with them, as the test suite does
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_STARTUP_LOG: 'false',
      CERES_STOCK_REST: 'true',
      LOGIN_RATE_LIMIT_MAX: '1000',
      DATABASE_POOL_MAX: '10',
      // the extraction's files go out of the repository
      EXTRACTIONS_DIR: EXTRACTIONS_DIR,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!child.pid) throw new Error('serveur non lancé');
  const pid = child.pid;
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/_health`, child, 30 * 60_000);
  const firstPage = await fetch(`${baseUrl}/`);
  const coldStartMs = Date.now() - started;
  if (firstPage.status !== 200) throw new Error(`première page : ${firstPage.status}`);
  return {
    baseUrl,
    coldStartMs,
    pid,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}

async function login(baseUrl: string, username: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: username, password: 'Ceres-Demo-2026' }),
  });
  return response.ok ? ((await response.json()).jwt as string) : undefined;
}

/** a read-only API token for Strapi's stock REST: first admin registered once, then a token created */
async function stockToken(baseUrl: string): Promise<string | undefined> {
  const admin = { email: 'bench@ceres.local', password: 'Bench-Ceres-2026', firstname: 'Bench', lastname: 'CERES' };
  let response = await fetch(`${baseUrl}/admin/register-admin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) });
  if (!response.ok) {
    response = await fetch(`${baseUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
  }
  if (!response.ok) return undefined;
  const adminToken = (await response.json()).data?.token;
  const created = await fetch(`${baseUrl}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name: `bench-${Date.now()}`, type: 'read-only', lifespan: null, description: 'benchmark' }),
  });
  return created.ok ? (await created.json()).data?.accessKey : undefined;
}

function machineFacts(postgresVersion: string) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model ?? 'inconnu',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    loadAverage: os.loadavg().map((n) => n.toFixed(2)).join(' / '),
  };
}

/** the bridge's total of a filtered or scoped list (plugins/bridge repository.ts total()): exact up to 10 000, else the planner's estimate */
async function cappedCount(pool: Pool, select: string, values: unknown[] = []) {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM (${select} LIMIT 10001) capped`, values);
  if (rows[0].n <= 10_000) return rows[0].n;
  return (await pool.query(`EXPLAIN (FORMAT JSON) ${select}`, values)).rows[0];
}

function scenarios(candidatSearch: string, sessionId: string | undefined, centreIds: number[], homonyme?: { nom: string; prenom: string; date: string }): Scenario[] {
  const candidatExpression = searchExpression(['nom_naissance', 'nom_usage', 'prenoms', 'email']);
  const tokens = searchTokens(candidatSearch);
  const where = tokens.map((_, i) => `${candidatExpression} LIKE $${i + 1}`).join(' AND ');
  const likes = tokens.map((t) => `%${t}%`);
  const list: Scenario[] = [
    {
      name: 'Recherche de candidat par nom (sans accents)',
      user: 'admin',
      bridge: `/api/ra/candidats?filter=${q({ q: candidatSearch })}&range=[0,24]&sort=${q(['nomNaissance', 'ASC'])}`,
      sql: (pool) =>
        Promise.all([
          cappedCount(pool, `SELECT 1 FROM candidats WHERE ${where}`, likes),
          pool.query(`SELECT * FROM candidats WHERE ${where} ORDER BY nom_naissance, id LIMIT 25`, likes),
        ]),
      stock: `/api/candidats?filters[nomNaissance][$containsi]=${encodeURIComponent(tokens[0] ?? '')}&sort=nomNaissance:asc&pagination[pageSize]=25`,
      note: 'Strapi REST ne sait chercher ni sans accents ni sur plusieurs mots : équivalent le plus proche ($containsi sur le nom).',
    },
    {
      name: 'Liste de candidats filtrée et triée',
      user: 'admin',
      bridge: `/api/ra/candidats?filter=${q({ sexe: 'F', dateNaissance_gte: '1990-01-01' })}&range=[0,24]&sort=${q(['dateNaissance', 'DESC'])}`,
      sql: (pool) =>
        Promise.all([
          cappedCount(pool, `SELECT 1 FROM candidats WHERE sexe = 'F' AND date_naissance >= '1990-01-01'`),
          pool.query(`SELECT * FROM candidats WHERE sexe = 'F' AND date_naissance >= '1990-01-01' ORDER BY date_naissance DESC, id DESC LIMIT 25`),
        ]),
      stock: `/api/candidats?filters[sexe][$eq]=F&filters[dateNaissance][$gte]=1990-01-01&sort=dateNaissance:desc&pagination[pageSize]=25`,
    },
    {
      name: 'Liste de tous les candidats (sans filtre, première page)',
      user: 'admin',
      bridge: `/api/ra/candidats?range=[0,24]&sort=${q(['nomNaissance', 'ASC'])}`,
      sql: (pool) =>
        Promise.all([
          pool.query(`SELECT reltuples::bigint FROM pg_class WHERE oid = 'candidats'::regclass`),
          pool.query(`SELECT * FROM candidats ORDER BY nom_naissance, id LIMIT 25`),
        ]),
      stock: `/api/candidats?sort=nomNaissance:asc&pagination[pageSize]=25`,
      note: 'Total estimé (statistiques de PostgreSQL) par le pont et le SQL brut au-delà de 100 000 lignes sans filtre ni périmètre ; REST Strapi compte exactement.',
    },
    {
      name: 'Sessions par statut et région',
      user: 'admin',
      bridge: `/api/ra/sessions?filter=${q({ statut: 'CLOTUREE' })}&range=[0,24]&sort=${q(['dateDebut', 'DESC'])}`,
      sql: (pool) =>
        Promise.all([
          pool.query(`SELECT count(*) FROM sessions WHERE statut = 'CLOTUREE'`),
          pool.query(`SELECT * FROM sessions WHERE statut = 'CLOTUREE' ORDER BY date_debut DESC, id DESC LIMIT 25`),
        ]),
      stock: `/api/sessions-examen?filters[statut][$eq]=CLOTUREE&sort=dateDebut:desc&pagination[pageSize]=25`,
    },
  ];
  if (homonyme) {
    // contrôle d'homonymie (plugins/candidats): national search, a typo in the name, the matcher in Node
    const nom = `${homonyme.nom}e`;
    list.push({
      name: "Contrôle d'homonymie (nom avec une faute, prénom, date de naissance)",
      user: 'admin',
      bridge: `/api/ra/homonymes?filter=${q({ nomNaissance: nom, prenoms: [homonyme.prenom], dateNaissance: homonyme.date })}`,
      sql: (pool) =>
        pool.query(
          `SELECT id, nom_naissance, nom_usage, prenoms, date_naissance FROM candidats
            WHERE date_naissance = $1::date
               OR ((ceres_norm(nom_naissance) % ceres_norm($2) OR ceres_norm(coalesce(nom_usage, '')) % ceres_norm($2))
                   AND (date_naissance BETWEEN date_trunc('year', $1::date) AND date_trunc('year', $1::date) + interval '1 year' - interval '1 day'
                        OR to_char(date_naissance, 'MM-DD') = to_char($1::date, 'MM-DD')))
            LIMIT 2000`,
          [homonyme.date, nom],
        ),
      note: 'Le SQL seul ne compte pas la comparaison fine (accents, faute de frappe, prénoms inversés…) faite ensuite sur les lignes retenues.',
    });
  }
  if (sessionId) {
    list.push({
      name: "Page d'une session",
      user: 'admin',
      bridge: `/api/ra/sessions/${sessionId}`,
      sql: (pool) => pool.query(`SELECT * FROM sessions WHERE document_id = $1`, [sessionId]),
      stock: `/api/sessions-examen/${sessionId}`,
    });
  }
  if (centreIds.length) {
    list.push({
      name: "Liste des candidats d'un centre (périmètre d'un utilisateur centre)",
      user: 'centre',
      bridge: `/api/ra/candidats?range=[0,24]&sort=${q(['nomNaissance', 'ASC'])}`,
      sql: (pool) => {
        const scope = `id IN (SELECT ic.candidat_id FROM inscriptions_candidat_lnk ic JOIN inscriptions_session_lnk isl ON isl.inscription_id = ic.inscription_id
                                JOIN sessions_centre_lnk sc ON sc.session_id = isl.session_id WHERE sc.centre_id = ANY($1)
                        UNION SELECT cc.candidat_id FROM candidats_centre_createur_lnk cc WHERE cc.centre_id = ANY($1))`;
        return Promise.all([
          cappedCount(pool, `SELECT 1 FROM candidats WHERE ${scope}`, [centreIds]),
          pool.query(`SELECT * FROM candidats WHERE ${scope} ORDER BY nom_naissance, id LIMIT 25`, [centreIds]),
        ]);
      },
      note: 'Strapi REST ne connaît pas le périmètre territorial : pas d’équivalent.',
    });
  }
  // statistics (plugins/reporting): one aggregate per call over every registration, as the national
  // administrator's charts ask them; the SQL side runs the very query the reader builds
  const annee = new Date().getFullYear() - 1;
  const parRegion = requeteStatistiques(SCHEMA, { axe: 'region', annee }, { kind: 'national' });
  list.push({
    name: `Statistiques des candidats par région (${annee})`,
    user: 'admin',
    bridge: `/api/ra/statistiques?filter=${q({ axe: 'region', annee })}&range=[0,49]&sort=${q(['libelle', 'ASC'])}`,
    sql: (pool) => pool.query(parRegion.text, parRegion.values),
  });
  const parTitre = requeteStatistiques(SCHEMA, { axe: 'titre' }, { kind: 'national' });
  list.push({
    name: 'Statistiques des candidats par titre (dix ans)',
    user: 'admin',
    bridge: `/api/ra/statistiques?filter=${q({ axe: 'titre' })}&range=[0,99]&sort=${q(['libelle', 'ASC'])}`,
    sql: (pool) => pool.query(parTitre.text, parTitre.values),
  });
  const sessionsParStatut = requeteSessionsParStatut(SCHEMA, { axe: 'ensemble', region: '84' }, { kind: 'national' });
  list.push({
    name: 'Statistiques des sessions par statut (une région)',
    user: 'admin',
    bridge: `/api/ra/statistiques-sessions?filter=${q({ region: '84' })}&range=[0,49]&sort=${q(['statut', 'ASC'])}`,
    sql: (pool) => pool.query(sessionsParStatut.text, sessionsParStatut.values),
  });
  return list;
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

function markdownTable(results: ScenarioResult[]) {
  const lines = ['| requête | connexions | chemin | p50 ms | p95 ms | p99 ms | req/s | erreurs |', '|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    for (const [label, measures] of [
      ['pont CERES', r.bridge],
      ['SQL brut', r.sql],
      ['REST Strapi', r.stock],
    ] as const) {
      for (const m of measures) {
        // no answer within the measure: every request lasted longer than it (autocannon drops those in flight)
        const none = m.requests === 0 && m.errors === 0 ? `> ${SECONDS * 1000}` : null;
        lines.push(`| ${r.name} | ${m.connections} | ${label} | ${none ?? f(m.p50)} | ${none ?? f(m.p95)} | ${none ?? f(m.p99)} | ${f(m.throughput)} | ${m.errors} |`);
      }
    }
  }
  return lines.join('\n');
}

function verdicts(results: ScenarioResult[]) {
  const lines: string[] = [];
  for (const r of results) {
    for (const connections of CONNECTIONS) {
      const bridge = r.bridge.find((m) => m.connections === connections);
      const sql = r.sql.find((m) => m.connections === connections);
      const stock = r.stock.find((m) => m.connections === connections);
      if (!bridge) continue;
      const checks = [
        `p95 ${f(bridge.p95)} ms ${bridge.p95 <= 100 ? '≤' : '>'} 100 ms`,
        sql ? `p50 pont − p50 SQL = ${f(bridge.p50 - sql.p50)} ms (${bridge.p50 <= sql.p50 + 10 ? 'tenu' : 'manqué'}, cible ≤ 10 ms)` : undefined,
        stock ? `REST Strapi p50 ${f(stock.p50)} ms (${bridge.p50 < stock.p50 ? 'pont plus rapide' : 'pont plus lent'})` : undefined,
      ].filter(Boolean);
      lines.push(`- ${r.name}, ${connections} connexion(s) : ${checks.join(' ; ')}`);
    }
  }
  return lines.join('\n');
}

function extractionReport(extractions: ExtractionMeasure[]) {
  if (!extractions.length) return '(non mesurée)';
  const lines = [
    '| exécution | période | lignes (sessions / inscriptions / résultats) | durée s | lignes/s | SQL brut lignes/s | RSS avant Mio | pic Mio | hausse Mio |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const e of extractions) {
    lines.push(
      `| ${e.name}${e.statut === 'TERMINEE' ? '' : ` (${e.statut} : ${e.message ?? ''})`} | ${e.semaine.debut} → ${e.semaine.fin} | ${e.lignes.total} (${e.lignes.sessions} / ${e.lignes.inscriptions} / ${e.lignes.resultats}) | ${f(e.seconds)} | ${Math.round(e.rowsPerSecond)} | ${Math.round(e.sql.rowsPerSecond)} | ${f(e.rssBeforeMiB)} | ${f(e.rssPeakMiB)} | ${f(e.rssIncreaseMiB)} |`,
    );
  }
  lines.push(
    '',
    'Durée = du début à la fin de l’exécution côté serveur (trois requêtes en flux dans un instantané REPEATABLE READ, CSV écrits sur disque). SQL brut = les trois mêmes requêtes en flux (pg-query-stream), lignes comptées sans CSV ni fichier. RSS = mémoire résidente du processus serveur, échantillonnée toutes les 20 ms.',
    '',
    ...extractions.map(
      (e) =>
        `- ${e.name} : ${Math.round(e.rowsPerSecond)} lignes/s (${e.rowsPerSecond >= 50_000 ? 'atteint' : 'non atteint'}, cible ≥ 50 000) ; hausse de RSS ${f(e.rssIncreaseMiB)} Mio (${e.rssIncreaseMiB <= 100 ? 'atteint' : 'non atteint'}, cible ≤ 100 Mio).`,
    ),
  );
  return lines.join('\n');
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  log(`échelle ${SCALE} (${JSON.stringify(sizeFor(SCALE))}), ${SECONDS} s par mesure`);
  if (!GENERATE_ONLY) build({ adminPanel: false });

  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({ persistent: true, dataDir: path.join(DATA_DIR, 'bench-postgres') });
    stops.push(postgres.stop);
    databaseUrl = postgres.url;
  }
  const secretsFile = path.join(DATA_DIR, 'bench-secrets.json');
  if (!existsSync(secretsFile)) writeFileSync(secretsFile, JSON.stringify(generateSecrets()));
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;

  try {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const wanted = sizeFor(SCALE);
    let generation: GenerationResult | undefined;
    const existing: DatasetSize | null = await existingDataset(client);
    if (!reusable(existing, wanted)) {
      if (!(await schemaReady(client))) {
        log('base vide : un premier démarrage du serveur crée le schéma et les référentiels…');
        if (GENERATE_ONLY) build({ adminPanel: false });
        await (await startServer(databaseUrl, secrets)).stop();
      }
      log('génération du jeu de données national (une fois par échelle)…');
      generation = await generateDataset(client, wanted, log);
      log(`jeu de données généré en ${generation.seconds.toFixed(0)} s`);
    } else {
      log(`jeu de données réutilisé (échelle ${SCALE}, généré le ${(await client.query('SELECT generated_at FROM bench_meta WHERE id = 1')).rows[0].generated_at.toISOString()})`);
    }
    if (GENERATE_ONLY) {
      await client.end();
      return;
    }
    // a first start after the load creates whatever index the app declares and the load did not rebuild;
    // the second start is the cold start measured: that of a warm machine, database ready
    if (generation) {
      log('premier démarrage après la génération…');
      await (await startServer(databaseUrl, secrets)).stop();
    }
    const server = await startServer(databaseUrl, secrets);
    stops.unshift(server.stop);
    const coldStartMs = server.coldStartMs;
    const counts = (
      await client.query(
        `SELECT (SELECT count(*) FROM candidats) AS candidats, (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM inscriptions) AS inscriptions,
                (SELECT count(*) FROM inscriptions i CROSS JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(i.resultats_ccp) = 'object' THEN i.resultats_ccp ELSE '{}' END) k) AS resultats_ccp`,
      )
    ).rows[0];
    const meta = (await client.query(`SELECT seconds, steps FROM bench_meta WHERE id = 1`)).rows[0] as { seconds: string; steps: GenerationResult['steps'] | null } | undefined;
    const postgresVersion = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const sessionId = (await client.query(`SELECT document_id FROM sessions ORDER BY id LIMIT 1 OFFSET 17`)).rows[0]?.document_id as string | undefined;
    const centreIds = (await client.query(`SELECT c.id FROM up_users u JOIN up_users_centres_lnk l ON l.user_id = u.id JOIN centres c ON c.id = l.centre_id WHERE u.username = 'centre.lyon'`).catch(() => ({ rows: [] }))).rows.map((r) => r.id as number);
    const frequent = (await client.query(`SELECT nom_naissance AS nom, prenoms->>0 AS prenom, date_naissance::text AS date FROM candidats WHERE id = 1000`)).rows[0];
    await client.end();

    const tokens = { admin: await login(server.baseUrl, 'admin.national'), centre: await login(server.baseUrl, 'centre.lyon') };
    const stock = await stockToken(server.baseUrl);
    if (!stock) log('jeton API Strapi indisponible : REST Strapi non mesuré');
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    const search = `${(frequent?.nom ?? 'Martin').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()} ${(frequent?.prenom ?? 'Jean').normalize('NFD').replace(/[\u0300-\u036f]/g, '')}`;

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios(search, sessionId, centreIds, frequent?.date ? { nom: frequent.nom, prenom: frequent.prenom, date: frequent.date } : undefined).filter((s) => selected(s.name))) {
      const token = tokens[scenario.user];
      if (!token) {
        log(`${scenario.name} : utilisateur ${scenario.user} absent, non mesuré`);
        continue;
      }
      const result: ScenarioResult = { name: scenario.name, note: scenario.note, bridge: [], sql: [], stock: [] };
      // the previous measure's requests still in flight hold the pool (10 connections): let them drain, so that
      // the check and the next measure start on an idle server (a request queued 5 s for a connection is a 503)
      let check = await fetch(`${server.baseUrl}${scenario.bridge}`, { headers: { Authorization: `Bearer ${token}` } });
      for (let attempt = 0; check.status === 503 && attempt < 12; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        check = await fetch(`${server.baseUrl}${scenario.bridge}`, { headers: { Authorization: `Bearer ${token}` } });
      }
      if (!check.ok) log(`${scenario.name} : le pont répond ${check.status} ${await check.text()}`);
      for (const connections of CONNECTIONS) {
        log(`${scenario.name} — ${connections} connexion(s)`);
        result.bridge.push(await measureHttp(`${server.baseUrl}${scenario.bridge}`, { Authorization: `Bearer ${token}` }, connections, SECONDS));
        if (scenario.sql) {
          result.sql.push(await measureSql(pool, scenario.sql, connections, SECONDS));
        }
        if (scenario.stock && stock) result.stock.push(await measureHttp(`${server.baseUrl}${scenario.stock}`, { Authorization: `Bearer ${stock}` }, connections, SECONDS));
      }
      results.push(result);
    }
    let extractions: ExtractionMeasure[] = [];
    if (tokens.admin && selected('extraction')) {
      try {
        extractions = await measureExtractions({ baseUrl: server.baseUrl, token: tokens.admin, serverPid: server.pid, databaseUrl, pool, log });
      } catch (error) {
        log(`extraction non mesurée : ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        rmSync(EXTRACTIONS_DIR, { recursive: true, force: true });
      }
    }
    await pool.end();

    log('documents (bench/documents.ts)…');
    const documents = !selected('documents') ? { status: 1 } : spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'documents.ts')], { cwd: ROOT, stdio: 'inherit', env: process.env });
    const documentsReport = existsSync(path.join(ROOT, 'bench', 'report-documents.md')) && documents.status === 0 ? readFileSync(path.join(ROOT, 'bench', 'report-documents.md'), 'utf8') : '(échec du banc documents)';

    const facts = machineFacts(postgresVersion);
    const report = {
      facts,
      scale: SCALE,
      secondsPerMeasure: SECONDS,
      counts,
      generation: { seconds: Number(meta?.seconds), steps: meta?.steps ?? [], thisRun: !!generation },
      coldStartMs,
      results,
      extractions,
    };
    writeFileSync(path.join(ROOT, 'bench', 'report.json'), JSON.stringify(report, null, 2));
    const markdown = [
      '# CERES — rapport de performance',
      '',
      `Machine : ${facts.cpu}, ${facts.cores} cœurs, ${facts.memoryGiB} Gio, Node ${facts.node}, PostgreSQL ${facts.postgres} (embarqué). Charge moyenne au départ : ${facts.loadAverage}. Date : ${facts.date}.`,
      `Jeu de données (échelle ${SCALE}) : ${counts.candidats} candidats, ${counts.sessions} sessions, ${counts.inscriptions} inscriptions, ${counts.resultats_ccp} résultats de CCP. Génération : ${Number(meta?.seconds).toFixed(0)} s${generation ? ' (dans ce passage)' : ' (jeu réutilisé, généré lors d’un passage précédent)'}.`,
      `Chaque mesure dure ${SECONDS} s, sur la boucle locale, à 1 puis 10 connexions ; pont CERES, SQL brut (pg, sans HTTP : comptage + page, comme le pont) et REST Strapi (jeton API en lecture seule) dans le même passage.`,
      '',
      `Démarrage à froid du serveur (base prête, jusqu'à la première page servie) : ${(coldStartMs / 1000).toFixed(1)} s.`,
      '',
      '## Requêtes',
      '',
      markdownTable(results),
      '',
      ...results.filter((r) => r.note).map((r) => `- ${r.name} : ${r.note}`),
      '',
      '## Cibles',
      '',
      verdicts(results),
      '',
      '## Extraction hebdomadaire',
      '',
      extractionReport(extractions),
      '',
      '## Documents',
      '',
      documentsReport.replace(/^# .*$/m, '').trim(),
      '',
      // the engineers' reading of the figures (why a target is missed, what would close it), written after a
      // reference run and kept across runs: bench/analyse.md
      ...(existsSync(path.join(ROOT, 'bench', 'analyse.md')) ? [readFileSync(path.join(ROOT, 'bench', 'analyse.md'), 'utf8').trim(), ''] : []),
    ].join('\n');
    writeFileSync(path.join(ROOT, 'bench', 'report.md'), markdown);
    log('rapport écrit : bench/report.md et bench/report.json');
  } finally {
    for (const stop of stops) await stop().catch((error) => console.error(error));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
