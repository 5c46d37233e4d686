/**
 * National-scale dataset over the real referentials (communes, titres, départements): ten years of
 * candidates, sessions and registrations, generated inside PostgreSQL with set-based INSERT … SELECT
 * (no row crosses the wire, faster than COPY from the client). Names follow a skewed frequency
 * distribution, birth communes are drawn by population. Reused when already generated at that scale.
 */
import type { Client } from 'pg';
import { NOMS, PRENOMS_F, PRENOMS_M } from './names';

export interface DatasetSize {
  scale: number;
  centres: number;
  candidats: number;
  sessions: number;
  inscriptions: number;
}

export function sizeFor(scale: number): DatasetSize {
  return {
    scale,
    centres: Math.max(30, Math.round(3_000 * scale)),
    candidats: Math.round(2_000_000 * scale),
    sessions: Math.round(250_000 * scale),
    inscriptions: Math.round(2_500_000 * scale),
  };
}

/** the tables the generator fills (main tables; their link tables follow) */
const TABLES = ['candidats', 'sessions', 'inscriptions'];

const literalArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
/** a skewed pick in a frequency-ordered array (the head is drawn far more often) */
const skewedPick = (array: string, length: number, k = 2.2) => `(${array})[1 + floor(${length} * power(random(), ${k}))::int]`;
// documentIds start with a letter, like Strapi's (a leading digit reads as a numeric id)
const documentId = `'b' || substr(md5(random()::text || clock_timestamp()::text), 1, 23)`;

async function linkColumns(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name LIKE '%\\_id' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name as string);
}

/** inserts (owner, target) pairs into a Strapi link table whatever its extra (order) columns */
async function link(client: Client, table: string, select: string) {
  const columns = await linkColumns(client, table);
  if (columns.length < 2) throw new Error(`table de liaison inattendue : ${table} (${columns.join(', ')})`);
  await client.query(`INSERT INTO ${table} (${columns[0]}, ${columns[1]}) ${select}`);
}

export async function existingDataset(client: Client): Promise<DatasetSize | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (id int PRIMARY KEY, size jsonb NOT NULL, generated_at timestamptz NOT NULL, seconds numeric)`);
  const { rows } = await client.query(`SELECT size FROM bench_meta WHERE id = 1`);
  return rows[0]?.size ?? null;
}

/** drops the secondary indexes of the bulk tables: the app re-creates its own at its next start */
async function dropSecondaryIndexes(client: Client) {
  const { rows } = await client.query(
    `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique`,
    [TABLES],
  );
  for (const { name } of rows) await client.query(`DROP INDEX IF EXISTS "${name}"`);
}

export async function generateDataset(client: Client, size: DatasetSize, log: (message: string) => void): Promise<number> {
  const started = Date.now();
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    await client.query(sql);
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  // an interrupted generation must not be taken for a complete one at the next run
  await client.query(`DELETE FROM bench_meta`);
  await client.query(`TRUNCATE candidats, sessions, inscriptions RESTART IDENTITY CASCADE`);
  for (const table of ['candidats_commune_naissance_lnk', 'candidats_nationalite_lnk', 'sessions_centre_lnk', 'sessions_departement_lnk', 'sessions_titre_lnk', 'inscriptions_candidat_lnk', 'inscriptions_session_lnk']) {
    await client.query(`TRUNCATE ${table}`);
  }
  await client.query(`DELETE FROM centres WHERE raison_sociale LIKE 'Centre bench %'`);
  await dropSecondaryIndexes(client);

  await step(
    'communes pondérées par population',
    `DROP TABLE IF EXISTS bench_communes;
     CREATE TABLE bench_communes AS
       SELECT c.id, c.code_insee, c.nom, d.code AS departement, d.id AS departement_id,
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
       SELECT row_number() OVER (ORDER BY c.id) AS rn, c.id,
              (SELECT b.departement_id FROM bench_communes b WHERE b.cumul >= (random() * (SELECT max(cumul) FROM bench_communes) + c.id * 0)::bigint ORDER BY b.cumul LIMIT 1) AS departement_id
         FROM centres c;`,
  );
  await link(client, 'centres_departement_lnk', `SELECT b.id, b.departement_id FROM bench_centres b JOIN centres c ON c.id = b.id WHERE c.raison_sociale LIKE 'Centre bench %'`);

  const noms = literalArray(NOMS);
  const prenomsF = literalArray(PRENOMS_F);
  const prenomsM = literalArray(PRENOMS_M);
  await step(
    `${size.candidats} candidats`,
    `INSERT INTO candidats (document_id, nom_naissance, nom_usage, prenoms, sexe, date_naissance, commune_naissance_code, commune_naissance_libelle,
                            commune_naissance_departement, email, confirmation_nouvelle_personne, created_at, updated_at)
       SELECT ${documentId}, p.nom,
              CASE WHEN p.sexe = 'F' AND random() < 0.25 THEN ${skewedPick(noms, NOMS.length)} END,
              CASE WHEN random() < 0.35 THEN jsonb_build_array(p.prenom, p.prenom2) ELSE jsonb_build_array(p.prenom) END,
              p.sexe, date '1958-01-01' + (random() * 17000)::int, b.code_insee, b.nom, b.departement,
              lower(translate(p.prenom, 'éèëïîôöüçÉ', 'eeeiioouce')) || '.' || lower(replace(replace(p.nom, ' ', ''), '''', '')) || g || '@exemple.fr', true, now(), now()
         FROM generate_series(1, ${size.candidats}) g
         CROSS JOIN LATERAL (
           SELECT ${skewedPick(noms, NOMS.length)} AS nom, s.sexe,
                  CASE WHEN s.sexe = 'F' THEN ${skewedPick(prenomsF, PRENOMS_F.length, 1.8)} ELSE ${skewedPick(prenomsM, PRENOMS_M.length, 1.8)} END AS prenom,
                  CASE WHEN s.sexe = 'F' THEN ${skewedPick(prenomsF, PRENOMS_F.length, 1.4)} ELSE ${skewedPick(prenomsM, PRENOMS_M.length, 1.4)} END AS prenom2,
                  (random() * (SELECT max(cumul) FROM bench_communes) + g * 0)::bigint AS tirage
             FROM (SELECT CASE WHEN random() < 0.52 THEN 'F' ELSE 'M' END AS sexe, g) s
         ) p
         CROSS JOIN LATERAL (SELECT code_insee, nom, departement FROM bench_communes b WHERE b.cumul >= p.tirage ORDER BY b.cumul LIMIT 1) b`,
  );
  await step(
    'liens candidat → commune de naissance',
    `CREATE TEMP TABLE bench_commune_ids AS SELECT DISTINCT ON (code_insee) code_insee, id FROM bench_communes ORDER BY code_insee, id`,
  );
  await link(client, 'candidats_commune_naissance_lnk', `SELECT c.id, b.id FROM candidats c JOIN bench_commune_ids b ON b.code_insee = c.commune_naissance_code`);

  await step(
    `${size.sessions} sessions sur dix ans`,
    `DROP TABLE IF EXISTS bench_titres;
     CREATE TABLE bench_titres AS SELECT row_number() OVER (ORDER BY id) AS rn, id FROM titres;
     INSERT INTO sessions (document_id, numero, type, date_debut, date_fin, statut, responsable_session, prolongation, modalite, nb_deverrouillages, created_at, updated_at)
       SELECT ${documentId}, 'B' || lpad(g::text, 9, '0'),
              (ARRAY['TITRE','TITRE','TITRE','CCP','CCP','CCS'])[1 + floor(random() * 6)::int],
              d, d + (1 + floor(random() * 4))::int,
              CASE WHEN d < current_date - 60 THEN (ARRAY['CLOTUREE','CLOTUREE','CLOTUREE','RESULTATS_VALIDES','ANNULEE'])[1 + floor(random() * 5)::int]
                   ELSE (ARRAY['EN_PREPARATION','DECLAREE','VALIDEE','DTE_COMMANDE','DTE_EXPEDIE','CONVOCATIONS_ENVOYEES','RESULTATS_SAISIS','FINALISEE','RESULTATS_TRANSMIS'])[1 + floor(random() * 9)::int] END,
              'Responsable ' || g, false, 'PRESENTIEL', 0, now(), now()
         FROM generate_series(1, ${size.sessions}) g
         CROSS JOIN LATERAL (SELECT current_date - 3650 + floor(random() * 3700)::int + g * 0 AS d) dd`,
  );
  await link(client, 'sessions_centre_lnk', `SELECT s.id, c.id FROM sessions s JOIN bench_centres c ON c.rn = 1 + (s.id * 7919) % (SELECT count(*) FROM bench_centres)`);
  await link(
    client,
    'sessions_departement_lnk',
    `SELECT s.id, cd.departement_id FROM sessions s JOIN sessions_centre_lnk sc ON sc.session_id = s.id JOIN centres_departement_lnk cd ON cd.centre_id = sc.centre_id`,
  );
  await link(client, 'sessions_titre_lnk', `SELECT s.id, t.id FROM sessions s JOIN bench_titres t ON t.rn = 1 + (s.id * 104729) % (SELECT count(*) FROM bench_titres)`);

  await step(
    `${size.inscriptions} inscriptions (résultats par CCP)`,
    `INSERT INTO inscriptions (document_id, voie_acces, statut, date_inscription, presence, resultats_ccp, entretien_final, decision, livret_ecf, created_at, updated_at)
       SELECT ${documentId},
              (ARRAY['FORMATION_CONTINUE','FORMATION_CONTINUE','FORMATION_CONTINUE','PARCOURS_PROGRESSIF','APPRENTISSAGE','CONTRAT_PRO','VAE','REUSSITE_PARTIELLE'])[1 + floor(random() * 8)::int],
              CASE WHEN random() < 0.03 THEN 'DESINSCRIT' ELSE 'INSCRIT' END, current_date - floor(random() * 3650)::int,
              p.presence,
              CASE WHEN p.presence = 'PRESENT' THEN jsonb_build_array(
                  jsonb_build_object('ccp', 1, 'resultat', CASE WHEN random() < 0.85 THEN 'ACQUIS' ELSE 'NON_ACQUIS' END),
                  jsonb_build_object('ccp', 2, 'resultat', CASE WHEN random() < 0.8 THEN 'ACQUIS' ELSE 'NON_ACQUIS' END),
                  jsonb_build_object('ccp', 3, 'resultat', CASE WHEN random() < 0.8 THEN 'ACQUIS' ELSE 'NON_ACQUIS' END)) END,
              p.presence = 'PRESENT',
              CASE p.presence WHEN 'PRESENT' THEN (ARRAY['TITRE_OBTENU','TITRE_OBTENU','TITRE_OBTENU','REUSSITE_PARTIELLE','ECHEC'])[1 + floor(random() * 5)::int]
                              ELSE 'ABSENT' END,
              true, now(), now()
         FROM generate_series(1, ${size.inscriptions}) g
         CROSS JOIN LATERAL (SELECT (ARRAY['PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','ABSENT','ABSENT_JUSTIFIE'])[1 + floor(random() * 10)::int] AS presence, g) p`,
  );
  await link(client, 'inscriptions_candidat_lnk', `SELECT i.id, 1 + (i.id * 15485863::bigint) % ${size.candidats} FROM inscriptions i`);
  await link(client, 'inscriptions_session_lnk', `SELECT i.id, 1 + (i.id * 32452843::bigint) % ${size.sessions} FROM inscriptions i`);

  await step('ANALYZE', `ANALYZE`);
  const seconds = (Date.now() - started) / 1000;
  await client.query(`INSERT INTO bench_meta (id, size, generated_at, seconds) VALUES (1, $1, now(), $2) ON CONFLICT (id) DO UPDATE SET size = $1, generated_at = now(), seconds = $2`, [size, seconds]);
  return seconds;
}
