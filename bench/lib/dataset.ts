/**
 * National-scale dataset over the real referentials (communes, titres, départements): ten years of
 * candidates, sessions and registrations, generated inside PostgreSQL with set-based INSERT … SELECT
 * (no row crosses the wire, faster than COPY from the client). Names follow a skewed frequency
 * distribution, birth communes are drawn by population. Reused when already generated at that scale.
 */
import type { Client } from 'pg';
import { NOMS, PRENOMS_F, PRENOMS_M } from './names';

/** bumped when the generator's output changes: a dataset of another version is regenerated */
// (a lateral sub-select must depend on the row, here through `g`: else PostgreSQL may compute it once, or
// memoize it, and every row gets the same random draw)
export const DATASET_VERSION = 4;

export interface DatasetSize {
  version?: number;
  scale: number;
  centres: number;
  candidats: number;
  sessions: number;
  inscriptions: number;
}

export function sizeFor(scale: number): DatasetSize {
  return {
    version: DATASET_VERSION,
    scale,
    centres: Math.max(30, Math.round(3_000 * scale)),
    candidats: Math.round(2_000_000 * scale),
    sessions: Math.round(250_000 * scale),
    inscriptions: Math.round(2_500_000 * scale),
  };
}

/** the bulk tables and their link tables: secondary indexes dropped before the load, rebuilt after it */
const BULK_TABLES = [
  'candidats',
  'sessions',
  'inscriptions',
  'candidats_commune_naissance_lnk',
  'sessions_centre_lnk',
  'sessions_departement_lnk',
  'sessions_titre_lnk',
  'sessions_ccps_lnk',
  'inscriptions_candidat_lnk',
  'inscriptions_session_lnk',
];

const literalArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
/** a skewed pick in a frequency-ordered array (the head is drawn far more often) */
const skewedPick = (array: string, length: number, k = 2.2) => `(${array})[1 + floor(${length} * power(random(), ${k}))::int]`;
// documentIds start with a letter, like Strapi's (a leading digit reads as a numeric id)
const documentId = `'b' || substr(md5(random()::text || clock_timestamp()::text), 1, 23)`;
// multiplicative hashes spreading registrations over sessions and candidates (ids are 1…n)
const SESSION_OF = (g: string, n: number) => `(1 + (${g}::bigint * 32452843) % ${n})`;
const CANDIDAT_OF = (g: string, n: number) => `(1 + (${g}::bigint * 15485863) % ${n})`;

async function linkColumns(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name LIKE '%\\_id' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name as string);
}

async function tableExists(client: Client, table: string) {
  return (await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [table])).rows[0].ok as boolean;
}

export async function existingDataset(client: Client): Promise<DatasetSize | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (id int PRIMARY KEY, size jsonb NOT NULL, generated_at timestamptz NOT NULL, seconds numeric, steps jsonb)`);
  await client.query(`ALTER TABLE bench_meta ADD COLUMN IF NOT EXISTS steps jsonb`);
  const { rows } = await client.query(`SELECT size FROM bench_meta WHERE id = 1`);
  return rows[0]?.size ?? null;
}

/** a dataset is reused only when it was completely generated at the same scale by the same generator */
export const reusable = (existing: DatasetSize | null, wanted: DatasetSize) => !!existing && existing.scale === wanted.scale && (existing.version ?? 1) === wanted.version;

/** the app's schema exists (the server started once on this database) */
export const schemaReady = (client: Client) => tableExists(client, 'candidats');

export interface GenerationResult {
  seconds: number;
  steps: { step: string; seconds: number }[];
}

/**
 * Generates the dataset, set-based inside PostgreSQL. FK triggers are off for this connection
 * (session_replication_role = replica: the rows are consistent by construction) and the secondary indexes
 * of the bulk tables are dropped, then rebuilt once at the end with a large maintenance_work_mem, under the
 * same names, so that the app's `CREATE INDEX IF NOT EXISTS` at its next start finds them.
 */
export async function generateDataset(client: Client, size: DatasetSize, log: (message: string) => void): Promise<GenerationResult> {
  const started = Date.now();
  const steps: GenerationResult['steps'] = [];
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const t = Date.now();
    await client.query(sql, values);
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step: label, seconds });
    log(`  ${label} (${seconds.toFixed(1)} s)`);
  };
  const link = async (label: string, table: string, select: string) => {
    const columns = await linkColumns(client, table);
    if (columns.length < 2) throw new Error(`table de liaison inattendue : ${table} (${columns.join(', ')})`);
    await step(label, `INSERT INTO ${table} (${columns[0]}, ${columns[1]}) ${select}`);
  };
  // fresh statistics before the next step joins what was just loaded: planned on the emptied tables' figures, a
  // join of 2 M rows becomes a nested loop that runs for hours (seen on a new database)
  const analyze = (...tables: string[]) => client.query(`ANALYZE ${tables.join(', ')}`);

  await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`);
  await client.query(`SET session_replication_role = replica`).catch(() => log('  (pas superutilisateur : contrôles de clés étrangères actifs)'));
  // an interrupted generation must not be taken for a complete one at the next run
  await client.query(`DELETE FROM bench_meta`);
  await client.query(`TRUNCATE candidats, sessions, inscriptions RESTART IDENTITY CASCADE`);
  for (const table of BULK_TABLES) if (table.endsWith('_lnk') && (await tableExists(client, table))) await client.query(`TRUNCATE ${table}`);
  await client.query(`DELETE FROM centres_departement_lnk WHERE centre_id IN (SELECT id FROM centres WHERE raison_sociale LIKE 'Centre bench %')`);
  await client.query(`DELETE FROM centres WHERE raison_sociale LIKE 'Centre bench %'`);

  // secondary indexes (not primary keys, not constraints): kept by definition, dropped, rebuilt at the end
  const { rows: indexes } = await client.query(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [BULK_TABLES],
  );
  // kept in a table, so that a generation interrupted after the drop still rebuilds them at the next one
  await client.query(`CREATE TABLE IF NOT EXISTS bench_indexes (name text PRIMARY KEY, definition text NOT NULL)`);
  for (const { name, definition } of indexes) await client.query(`INSERT INTO bench_indexes VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET definition = $2`, [name, definition]);
  for (const { name } of indexes) await client.query(`DROP INDEX IF EXISTS "${name}"`);

  await step(
    'communes pondérées par population',
    `DROP TABLE IF EXISTS bench_communes;
     CREATE TABLE bench_communes AS
       SELECT c.id, c.code_insee, c.nom, c.codes_postaux->>0 AS code_postal, d.code AS departement, d.id AS departement_id,
              (sum(greatest(coalesce(c.population, 1), 1)) OVER (ORDER BY c.id))::bigint AS cumul
         FROM communes c
         JOIN communes_departement_lnk cd ON cd.commune_id = c.id
         JOIN departements d ON d.id = cd.departement_id
        WHERE c.type = 'COMMUNE_ACTUELLE';
     CREATE INDEX ON bench_communes (cumul);
     ANALYZE bench_communes;`,
  );

  await step(
    `${size.centres} centres`,
    `INSERT INTO centres (document_id, raison_sociale, siret, actif, created_at, updated_at)
       SELECT ${documentId}, 'Centre bench ' || g, lpad((70000000000000 + g)::text, 14, '0'), true, now(), now()
         FROM generate_series(1, ${size.centres}) g;
     DROP TABLE IF EXISTS bench_centres;
     CREATE TABLE bench_centres AS
       SELECT row_number() OVER (ORDER BY c.id) AS rn, c.id, c.raison_sociale LIKE 'Centre bench %' AS bench,
              (SELECT b.departement_id FROM bench_communes b WHERE b.cumul >= (random() * (SELECT max(cumul) FROM bench_communes) + c.id * 0)::bigint ORDER BY b.cumul LIMIT 1) AS departement_id
         FROM centres c;`,
  );
  await link('liens centre → département', 'centres_departement_lnk', `SELECT id, departement_id FROM bench_centres WHERE bench`);

  const noms = literalArray(NOMS);
  const prenomsF = literalArray(PRENOMS_F);
  const prenomsM = literalArray(PRENOMS_M);
  await step(
    `${size.candidats} candidats`,
    `INSERT INTO candidats (id, document_id, nom_naissance, nom_usage, prenoms, sexe, date_naissance, commune_naissance_code, commune_naissance_libelle,
                            commune_naissance_departement, adresse, code_postal, ville, departement_residence,
                            email, confirmation_nouvelle_personne, created_at, updated_at)
       SELECT g, ${documentId}, p.nom,
              CASE WHEN p.sexe = 'F' AND random() < 0.25 THEN ${skewedPick(noms, NOMS.length)} END,
              CASE WHEN random() < 0.35 THEN jsonb_build_array(p.prenom, p.prenom2) ELSE jsonb_build_array(p.prenom) END,
              p.sexe, date '1958-01-01' + (random() * 17000)::int, b.code_insee, b.nom, b.departement,
              (1 + floor(random() * 120))::int || ' rue de la République', r.code_postal, r.nom, r.departement,
              lower(translate(p.prenom, 'éèëïîôöüçÉ', 'eeeiioouce')) || '.' || lower(replace(replace(p.nom, ' ', ''), '''', '')) || g || '@exemple.fr', true, now(), now()
         FROM generate_series(1, ${size.candidats}) g
         CROSS JOIN LATERAL (
           SELECT ${skewedPick(noms, NOMS.length)} AS nom, s.sexe,
                  CASE WHEN s.sexe = 'F' THEN ${skewedPick(prenomsF, PRENOMS_F.length, 1.8)} ELSE ${skewedPick(prenomsM, PRENOMS_M.length, 1.8)} END AS prenom,
                  CASE WHEN s.sexe = 'F' THEN ${skewedPick(prenomsF, PRENOMS_F.length, 1.4)} ELSE ${skewedPick(prenomsM, PRENOMS_M.length, 1.4)} END AS prenom2,
                  (random() * (SELECT max(cumul) FROM bench_communes) + g * 0)::bigint AS naissance,
                  (random() * (SELECT max(cumul) FROM bench_communes) + g * 0)::bigint AS residence
             FROM (SELECT CASE WHEN random() < 0.52 THEN 'F' ELSE 'M' END AS sexe, g) s
         ) p
         CROSS JOIN LATERAL (SELECT code_insee, nom, departement FROM bench_communes b WHERE b.cumul >= p.naissance ORDER BY b.cumul LIMIT 1) b
         CROSS JOIN LATERAL (SELECT code_postal, nom, departement FROM bench_communes b WHERE b.cumul >= p.residence ORDER BY b.cumul LIMIT 1) r`,
  );
  await analyze('candidats');
  await link(
    'liens candidat → commune de naissance',
    'candidats_commune_naissance_lnk',
    `SELECT c.id, b.id FROM candidats c JOIN (SELECT DISTINCT ON (code_insee) code_insee, id FROM bench_communes ORDER BY code_insee, id) b ON b.code_insee = c.commune_naissance_code`,
  );

  // titles weighted by the square of their number of CCPs (the big titles are the most examined ones)
  await step(
    'titres et leurs CCP',
    `DROP TABLE IF EXISTS bench_titres;
     CREATE TABLE bench_titres AS
       SELECT row_number() OVER (ORDER BY t.id, k) AS rn, t.id, t.ccps, t.ccp_ids
         FROM (SELECT t.id, coalesce(array_agg(c.document_id ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS ccps,
                      coalesce(array_agg(c.id ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS ccp_ids
                 FROM titres t LEFT JOIN ccps_titres_lnk l ON l.titre_id = t.id LEFT JOIN ccps c ON c.id = l.ccp_id GROUP BY t.id) t
         CROSS JOIN LATERAL generate_series(1, greatest(cardinality(t.ccps) * cardinality(t.ccps), 1)) k;`,
  );
  const titres = Number((await client.query(`SELECT count(*) AS n FROM bench_titres`)).rows[0].n);
  const centres = Number((await client.query(`SELECT count(*) AS n FROM bench_centres`)).rows[0].n);
  if (!titres) throw new Error('aucun titre : le référentiel des titres doit être chargé (démarrer le serveur une fois)');

  const APRES_JURY = `ARRAY['RESULTATS_SAISIS','FINALISEE','RESULTATS_TRANSMIS','RESULTATS_VALIDES','CLOTUREE']`;
  await step(
    `${size.sessions} sessions sur dix ans`,
    `INSERT INTO sessions (id, document_id, numero, type, date_debut, date_fin, statut, responsable_session, prolongation, modalite, nb_deverrouillages,
                           date_validation_resultats, date_cloture, created_at, updated_at)
       SELECT g, ${documentId}, 'B' || lpad(g::text, 9, '0'), x.type, x.d, x.d + x.duree, x.statut, 'Responsable ' || g, false, 'PRESENTIEL', 0,
              CASE WHEN x.statut IN ('RESULTATS_VALIDES','CLOTUREE') THEN least(x.d + x.duree + 3 + floor(random() * 18)::int, current_date) END,
              CASE WHEN x.statut = 'CLOTUREE' THEN least(x.d + x.duree + 30 + floor(random() * 30)::int, current_date) END,
              now(), now()
         FROM generate_series(1, ${size.sessions}) g
         CROSS JOIN LATERAL (
           SELECT (ARRAY['TITRE','TITRE','TITRE','CCP','CCP','CCS'])[1 + floor(random() * 6)::int] AS type, dd.d, (1 + floor(random() * 4))::int AS duree,
                  CASE WHEN dd.d < current_date - 60 THEN (SELECT CASE WHEN a < 0.04 THEN 'ANNULEE' WHEN a < 0.2 THEN 'RESULTATS_VALIDES' ELSE 'CLOTUREE' END FROM (SELECT random() + g * 0 AS a) r)
                       ELSE (ARRAY['EN_PREPARATION','DECLAREE','VALIDEE','DTE_COMMANDE','DTE_EXPEDIE','CONVOCATIONS_ENVOYEES','RESULTATS_SAISIS','FINALISEE','RESULTATS_TRANSMIS'])[1 + floor(random() * 9)::int] END AS statut
             FROM (SELECT current_date - 3650 + floor(random() * 3700)::int + g * 0 AS d) dd
         ) x`,
  );
  await analyze('sessions', 'bench_centres', 'bench_titres');
  await link('liens session → centre', 'sessions_centre_lnk', `SELECT s.id, c.id FROM generate_series(1, ${size.sessions}) s(id) JOIN bench_centres c ON c.rn = 1 + (s.id::bigint * 7919) % ${centres}`);
  await link(
    'liens session → département',
    'sessions_departement_lnk',
    `SELECT sc.session_id, cd.departement_id FROM sessions_centre_lnk sc JOIN (SELECT DISTINCT ON (centre_id) centre_id, departement_id FROM centres_departement_lnk ORDER BY centre_id, id) cd ON cd.centre_id = sc.centre_id`,
  );
  await step(
    'plan titre de chaque session',
    `DROP TABLE IF EXISTS bench_session_titre;
     CREATE TABLE bench_session_titre AS SELECT s.id AS session_id, t.id AS titre_id, t.ccps, t.ccp_ids
       FROM generate_series(1, ${size.sessions}) s(id) JOIN bench_titres t ON t.rn = 1 + (s.id::bigint * 104729) % ${titres};
     ALTER TABLE bench_session_titre ADD PRIMARY KEY (session_id);`,
  );
  await analyze('sessions_centre_lnk', 'centres_departement_lnk', 'bench_session_titre');
  await link('liens session → titre', 'sessions_titre_lnk', `SELECT session_id, titre_id FROM bench_session_titre`);
  await link('liens session → CCP évalués', 'sessions_ccps_lnk', `SELECT b.session_id, c.ccp_id FROM bench_session_titre b CROSS JOIN LATERAL unnest(b.ccp_ids) c(ccp_id)`);

  // registrations: the session is fixed by the registration's id (same hash as its link below), so dates,
  // presence and results follow the session's dates and state, and results name the CCPs of its title
  await step(
    `${size.inscriptions} inscriptions et leurs résultats par CCP`,
    `INSERT INTO inscriptions (id, document_id, voie_acces, statut, date_inscription, date_desinscription, motif_desinscription, date_convocation,
                               presence, resultats_ccp, entretien_final, decision, livret_ecf, created_at, updated_at)
       SELECT g, ${documentId}, v.voie, v.statut, v.date_inscription,
              CASE WHEN v.statut = 'DESINSCRIT' THEN v.date_inscription + 1 + floor(random() * 10)::int END,
              CASE WHEN v.statut = 'DESINSCRIT' THEN 'Désistement du candidat' END,
              s.date_debut - 20,
              p.presence, r.resultats, r.resultats IS NOT NULL,
              CASE WHEN p.presence IS NULL THEN NULL
                   WHEN p.presence <> 'PRESENT' THEN 'ABSENT'
                   WHEN r.non_acquis = 0 THEN 'TITRE_OBTENU'
                   WHEN r.non_acquis < r.total THEN 'REUSSITE_PARTIELLE'
                   ELSE 'ECHEC' END,
              true, now(), now()
         FROM generate_series(1, ${size.inscriptions}) g
         JOIN sessions s ON s.id = ${SESSION_OF('g', size.sessions)}
         JOIN bench_session_titre bt ON bt.session_id = s.id
         CROSS JOIN LATERAL (
           SELECT (ARRAY['FORMATION_CONTINUE','FORMATION_CONTINUE','FORMATION_CONTINUE','PARCOURS_PROGRESSIF','APPRENTISSAGE','CONTRAT_PRO','VAE','REUSSITE_PARTIELLE'])[1 + floor(random() * 8)::int] AS voie,
                  CASE WHEN random() < 0.03 THEN 'DESINSCRIT' ELSE 'INSCRIT' END AS statut,
                  least(s.date_debut - 21 - floor(random() * 100)::int + g * 0, current_date) AS date_inscription
         ) v
         CROSS JOIN LATERAL (
           SELECT CASE WHEN v.statut = 'INSCRIT' AND s.statut = ANY(${APRES_JURY}) AND g > 0
                       THEN (ARRAY['PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','ABSENT','ABSENT_JUSTIFIE'])[1 + floor(random() * 10)::int] END AS presence
         ) p
         CROSS JOIN LATERAL (
           SELECT jsonb_object_agg(x.ccp, x.resultat) AS resultats, count(*) FILTER (WHERE x.resultat = 'NON_ACQUIS') AS non_acquis, count(*) AS total
             FROM (SELECT c.ccp, CASE WHEN random() < 0.82 THEN 'ACQUIS' ELSE 'NON_ACQUIS' END AS resultat
                     FROM unnest(bt.ccps) c(ccp) WHERE p.presence = 'PRESENT' AND g > 0) x
         ) r`,
  );
  await analyze('inscriptions');
  await link('liens inscription → candidat', 'inscriptions_candidat_lnk', `SELECT g, ${CANDIDAT_OF('g', size.candidats)} FROM generate_series(1, ${size.inscriptions}) g`);
  await link('liens inscription → session', 'inscriptions_session_lnk', `SELECT g, ${SESSION_OF('g', size.sessions)} FROM generate_series(1, ${size.inscriptions}) g`);

  // ids were given explicitly: the sequences continue after them
  for (const table of ['candidats', 'sessions', 'inscriptions']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  const { rows: toRebuild } = await client.query(`SELECT name, definition FROM bench_indexes ORDER BY name`);
  for (const { name, definition } of toRebuild) await step(`index ${name}`, String(definition).replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
  await client.query(`DELETE FROM bench_indexes`);
  await client.query(`SET session_replication_role = DEFAULT`).catch(() => undefined);
  await client.query(`DROP TABLE IF EXISTS bench_communes, bench_centres, bench_titres, bench_session_titre`);
  await step('ANALYZE', `ANALYZE`);
  const seconds = (Date.now() - started) / 1000;
  await client.query(
    `INSERT INTO bench_meta (id, size, generated_at, seconds, steps) VALUES (1, $1, now(), $2, $3)
       ON CONFLICT (id) DO UPDATE SET size = $1, generated_at = now(), seconds = $2, steps = $3`,
    [size, seconds, JSON.stringify(steps)],
  );
  return { seconds, steps };
}
