/**
 * Weekly extraction (plugins/reporting): rows per second and how much the server process's RSS grows while it
 * streams, side by side with the raw SQL of the same three files (pg-query-stream, rows counted and dropped).
 * Two runs: the busiest week of the dataset, asked through the bridge as an agent does; and a whole year at once
 * (the same worker and code, the queue row written directly with a wide period) to measure the stream itself.
 */
import { readFileSync } from 'node:fs';
import { Client, type Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { FICHIERS, type Semaine } from '../../plugins/reporting/server/src/domain/extraction-rules';
import { requeteFichier, type Schema } from '../../plugins/reporting/server/src/services/reporting-sql';

/** the table names of a standard CERES database (what schemaOf() reads from Strapi's metadata) */
export const SCHEMA: Schema = {
  sessions: 'sessions',
  inscriptions: 'inscriptions',
  centres: 'centres',
  departements: 'departements',
  regions: 'regions',
  titres: 'titres',
  candidats: 'candidats',
  sessionCentre: { table: 'sessions_centre_lnk', own: 'session_id', target: 'centre_id' },
  sessionTitre: { table: 'sessions_titre_lnk', own: 'session_id', target: 'titre_id' },
  centreDepartement: { table: 'centres_departement_lnk', own: 'centre_id', target: 'departement_id' },
  centreRegion: { table: 'centres_region_lnk', own: 'centre_id', target: 'region_id' },
  departementRegion: { table: 'departements_region_lnk', own: 'departement_id', target: 'region_id' },
  inscriptionSession: { table: 'inscriptions_session_lnk', own: 'inscription_id', target: 'session_id' },
  inscriptionCandidat: { table: 'inscriptions_candidat_lnk', own: 'inscription_id', target: 'candidat_id' },
};

export interface ExtractionMeasure {
  name: string;
  semaine: Semaine;
  statut: string;
  message?: string;
  lignes: { sessions: number; inscriptions: number; resultats: number; total: number };
  /** server side: from the run's start to its end (debut → fin) */
  seconds: number;
  rowsPerSecond: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssIncreaseMiB: number;
  sql: { seconds: number; rows: number; rowsPerSecond: number };
}

const rssMiB = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

/** samples the process's RSS every 20 ms until stopped; returns the peak */
function sampleRss(pid: number) {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      /* process gone */
    }
  }, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** the three files' queries in plain SQL, streamed and counted (no CSV, no file): what the extraction costs at least */
async function rawSql(databaseUrl: string, semaine: Semaine) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = process.hrtime.bigint();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const fichier of FICHIERS) {
      const requete = requeteFichier(SCHEMA, fichier, semaine, { kind: 'national' });
      const stream = client.query(new QueryStream(requete.text, requete.values, { batchSize: 500, highWaterMark: 500 }));
      for await (const _row of stream) rows++;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, rows, rowsPerSecond: rows / seconds };
}

interface RunRow {
  statut: string;
  message: string | null;
  debut: Date | null;
  fin: Date | null;
  nb_sessions: number | null;
  nb_inscriptions: number | null;
  nb_resultats: number | null;
}

async function waitForRun(pool: Pool, documentId: string, timeoutMs: number): Promise<RunRow> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await pool.query<RunRow>(`SELECT statut, message, debut, fin, nb_sessions, nb_inscriptions, nb_resultats FROM extractions WHERE document_id = $1`, [documentId]);
    if (rows[0] && ['TERMINEE', 'ECHEC'].includes(rows[0].statut)) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`extraction ${documentId} non terminée après ${timeoutMs / 1000} s`);
}

function measureOf(name: string, semaine: Semaine, run: RunRow, rssBefore: number, rssPeak: number, sql: ExtractionMeasure['sql']): ExtractionMeasure {
  const lignes = { sessions: run.nb_sessions ?? 0, inscriptions: run.nb_inscriptions ?? 0, resultats: run.nb_resultats ?? 0, total: 0 };
  lignes.total = lignes.sessions + lignes.inscriptions + lignes.resultats;
  const seconds = run.debut && run.fin ? (run.fin.getTime() - run.debut.getTime()) / 1000 : NaN;
  return {
    name,
    semaine,
    statut: run.statut,
    ...(run.message ? { message: run.message } : {}),
    lignes,
    seconds,
    rowsPerSecond: lignes.total / seconds,
    rssBeforeMiB: rssBefore,
    rssPeakMiB: rssPeak,
    rssIncreaseMiB: rssPeak - rssBefore,
    sql,
  };
}

export async function measureExtractions(options: { baseUrl: string; token: string; serverPid: number; databaseUrl: string; pool: Pool; log: (m: string) => void }) {
  const { baseUrl, token, serverPid, databaseUrl, pool, log } = options;
  const results: ExtractionMeasure[] = [];

  // 1. the busiest week of validated results, asked through the bridge ("Lancer maintenant")
  const busiest = (
    await pool.query<{ monday: string }>(
      `SELECT to_char(date_trunc('week', date_validation_resultats), 'YYYY-MM-DD') AS monday FROM sessions
        WHERE statut IN ('RESULTATS_VALIDES', 'CLOTUREE') AND date_validation_resultats < date_trunc('week', current_date)
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows[0]?.monday;
  if (busiest) {
    const fin = new Date(`${busiest}T00:00:00Z`);
    fin.setUTCDate(fin.getUTCDate() + 6);
    const semaine = { debut: busiest, fin: fin.toISOString().slice(0, 10) };
    log(`extraction de la semaine la plus chargée (${semaine.debut} → ${semaine.fin}) par le pont…`);
    const rssBefore = rssMiB(serverPid);
    const stop = sampleRss(serverPid);
    const response = await fetch(`${baseUrl}/api/ra/extractions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ semaineDebut: busiest }),
    });
    const created = (await response.json()) as { id?: string; error?: { message: string } };
    if (!response.ok || !created.id) {
      stop();
      log(`extraction refusée par le pont : ${response.status} ${JSON.stringify(created)}`);
    } else {
      const run = await waitForRun(pool, created.id, 10 * 60_000);
      const peak = stop();
      results.push(measureOf('Extraction hebdomadaire nationale (semaine la plus chargée), demandée par le pont', semaine, run, rssBefore, peak, await rawSql(databaseUrl, semaine)));
    }
  }

  // 2. a whole year in one run: same worker, same queries, the queue row written with the wider period
  const year = new Date().getFullYear() - 1;
  {
    const semaine = { debut: `${year}-01-01`, fin: `${year}-12-31` };
    log(`extraction d'une année entière (${semaine.debut} → ${semaine.fin}) : débit du flux…`);
    const documentId = `bbench${Date.now().toString(36)}`;
    const rssBefore = rssMiB(serverPid);
    const stop = sampleRss(serverPid);
    await pool.query(
      `INSERT INTO extractions (document_id, semaine_debut, semaine_fin, perimetre, perimetre_libelle, declenchement, demandeur, statut, tentatives, created_at, updated_at)
       VALUES ($1, $2, $3, 'national', 'National', 'DEMANDE', 'Banc de performance', 'EN_ATTENTE', 0, now(), now())`,
      [documentId, semaine.debut, semaine.fin],
    );
    const run = await waitForRun(pool, documentId, 30 * 60_000);
    const peak = stop();
    results.push(measureOf(`Extraction nationale d'une année (${year}, même code, période élargie) : débit du flux`, semaine, run, rssBefore, peak, await rawSql(databaseUrl, semaine)));
  }
  return results;
}
