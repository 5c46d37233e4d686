/**
 * Weekly extraction and statistics (issue 9 points 2–5) on a known dataset inserted through SQL: sessions
 * of the week 10–16 June 2019 in the Rhône (69, région 84), Paris (75, région 11) and Nouvelle-Calédonie (988),
 * in every situation the rules name (validated, re-validated, unlocked, not yet validated, cancelled), with
 * presences, absences (justified or not), abandons and unregistrations. Files are read back as a French
 * spreadsheet would (BOM, ';', JJ/MM/AAAA, decimal comma); figures and each profile's scope are checked.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

const PREFIX = 'RPT-';
/** the plugin's default folder (EXTRACTIONS_DIR is not set for the test server) */
const EXTRACTIONS_DIR = path.resolve(__dirname, '..', '..', '.data', 'extractions');
const TITRE_A = 'TP-99901';
const TITRE_B = 'TP-99902';
const docId = () => randomBytes(12).toString('hex').slice(0, 24);

type Client = ReturnType<typeof api>;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= api(await login(username)));

// ---------- dataset ----------

async function cleanup() {
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT l.inscription_id FROM inscriptions_session_lnk l JOIN sessions s ON s.id = l.session_id WHERE s.numero LIKE '${PREFIX}%')`);
  await sql(`DELETE FROM sessions WHERE numero LIKE '${PREFIX}%'`);
  await sql(`DELETE FROM candidats WHERE nom_naissance LIKE 'REPORTING%'`);
  await sql(`DELETE FROM titres WHERE code IN ($1, $2)`, [TITRE_A, TITRE_B]);
  // the runs' files too (the database is thrown away after the run, the folder is not)
  const runs = await sql<{ document_id: string }>(`DELETE FROM extractions WHERE semaine_debut IN ('2019-06-10', '2019-06-03') OR perimetre LIKE 'inconnu%' RETURNING document_id`);
  for (const run of runs) await rm(path.join(EXTRACTIONS_DIR, run.document_id), { recursive: true, force: true });
}

async function insertReturningId(text: string, params: unknown[]): Promise<number> {
  return (await sql<{ id: number }>(`${text} RETURNING id`, params))[0].id;
}

const centreId = async (siret: string) => (await sql<{ id: number }>('SELECT id FROM centres WHERE siret = $1', [siret]))[0].id;

async function titre(code: string, niveau: number) {
  return insertReturningId(
    `INSERT INTO titres (document_id, code, version, intitule, type_certification, niveau, statut, created_at, updated_at)
     VALUES ($1, $2, 2019, $3, 'TITRE_PROFESSIONNEL', $4, 'ACTIF', now(), now())`,
    [docId(), code, `Titre de test ${code}`, niveau],
  );
}

interface SessionSpec {
  numero: string;
  centre: number;
  titre: number;
  statut: string;
  dateFin: string;
  dateValidationResultats?: string;
  dateDeverrouillage?: string;
  nbDeverrouillages?: number;
}

async function session(spec: SessionSpec) {
  const id = await insertReturningId(
    `INSERT INTO sessions (document_id, numero, type, date_debut, date_fin, statut, date_validation_resultats, date_deverrouillage, nb_deverrouillages, created_at, updated_at)
     VALUES ($1, $2, 'TITRE', $3::date - 2, $3, $4, $5, $6, $7, now(), now())`,
    [docId(), spec.numero, spec.dateFin, spec.statut, spec.dateValidationResultats ?? null, spec.dateDeverrouillage ?? null, spec.nbDeverrouillages ?? 0],
  );
  await sql('INSERT INTO sessions_centre_lnk (session_id, centre_id) VALUES ($1, $2)', [id, spec.centre]);
  await sql('INSERT INTO sessions_titre_lnk (session_id, titre_id) VALUES ($1, $2)', [id, spec.titre]);
  return id;
}

let candidatCount = 0;
async function inscription(
  sessionId: number,
  spec: { voie: string; presence?: string; decision?: string; statut?: string; dateInscription?: string; dateDesinscription?: string; motif?: string; nom?: string },
) {
  candidatCount++;
  const candidat = await insertReturningId(
    `INSERT INTO candidats (document_id, nom_naissance, prenoms, sexe, date_naissance, created_at, updated_at) VALUES ($1, $2, $3, 'F', '1990-03-07', now(), now())`,
    [docId(), spec.nom ?? `REPORTING ${String(candidatCount).padStart(2, '0')}`, JSON.stringify(['Élise', 'Marie'])],
  );
  const id = await insertReturningId(
    `INSERT INTO inscriptions (document_id, voie_acces, statut, presence, decision, date_inscription, date_desinscription, motif_desinscription, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())`,
    [docId(), spec.voie, spec.statut ?? 'INSCRIT', spec.presence ?? null, spec.decision ?? null, spec.dateInscription ?? '2019-04-01', spec.dateDesinscription ?? null, spec.motif ?? null],
  );
  await sql('INSERT INTO inscriptions_session_lnk (inscription_id, session_id) VALUES ($1, $2)', [id, sessionId]);
  await sql('INSERT INTO inscriptions_candidat_lnk (inscription_id, candidat_id) VALUES ($1, $2)', [id, candidat]);
}

beforeAll(async () => {
  await cleanup();
  const [lyon, paris, noumea] = [await centreId(DEMO_SIRETS.lyon), await centreId(DEMO_SIRETS.paris), await centreId(DEMO_SIRETS.noumea)];
  const [a, b] = [await titre(TITRE_A, 3), await titre(TITRE_B, 5)];

  // S1 Lyon: validated in the week; every kind of presence
  const s1 = await session({ numero: `${PREFIX}S1`, centre: lyon, titre: a, statut: 'RESULTATS_VALIDES', dateFin: '2019-06-12', dateValidationResultats: '2019-06-14' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'TITRE_OBTENU', nom: 'REPORTING ARNAUD' });
  await inscription(s1, { voie: 'VAE', presence: 'PRESENT', decision: 'REUSSITE_PARTIELLE' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'ECHEC' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', presence: 'ABSENT', decision: 'ABSENT' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', presence: 'ABSENT_JUSTIFIE' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', statut: 'DESINSCRIT', dateDesinscription: '2019-06-11', motif: 'Déménagement ; Lyon' });
  await inscription(s1, { voie: 'FORMATION_CONTINUE', presence: 'ABANDON', decision: 'ECHEC' });
  // S2 Lyon: held the week before, unlocked in the week: results withdrawn
  const s2 = await session({ numero: `${PREFIX}S2`, centre: lyon, titre: b, statut: 'DEVERROUILLEE', dateFin: '2019-06-05', dateValidationResultats: '2019-06-07', dateDeverrouillage: '2019-06-13', nbDeverrouillages: 1 });
  await inscription(s2, { voie: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'TITRE_OBTENU' });
  // S3 Paris: re-validated in the week after an unlock
  const s3 = await session({ numero: `${PREFIX}S3`, centre: paris, titre: a, statut: 'RESULTATS_VALIDES', dateFin: '2019-06-10', dateValidationResultats: '2019-06-15', nbDeverrouillages: 1 });
  await inscription(s3, { voie: 'APPRENTISSAGE', presence: 'PRESENT', decision: 'TITRE_OBTENU' });
  await inscription(s3, { voie: 'APPRENTISSAGE', presence: 'PRESENT', decision: 'ECHEC' });
  // S4 Nouméa: closed, validated in the week
  const s4 = await session({ numero: `${PREFIX}S4`, centre: noumea, titre: b, statut: 'CLOTUREE', dateFin: '2019-06-11', dateValidationResultats: '2019-06-13' });
  await inscription(s4, { voie: 'VAE', presence: 'PRESENT', decision: 'TITRE_OBTENU' });
  await inscription(s4, { voie: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'REUSSITE_PARTIELLE' });
  await inscription(s4, { voie: 'FORMATION_CONTINUE', presence: 'ABSENT', dateInscription: '2019-06-10' });
  // S5 Lyon: cancelled — in no file, whatever its dates
  const s5 = await session({ numero: `${PREFIX}S5`, centre: lyon, titre: a, statut: 'ANNULEE', dateFin: '2019-06-12' });
  await inscription(s5, { voie: 'FORMATION_CONTINUE', dateInscription: '2019-06-12' });
  // S6 Lyon: held in the week, results transmitted but not validated
  const s6 = await session({ numero: `${PREFIX}S6`, centre: lyon, titre: a, statut: 'RESULTATS_TRANSMIS', dateFin: '2019-06-14' });
  await inscription(s6, { voie: 'VAE', presence: 'PRESENT', decision: 'TITRE_OBTENU', dateInscription: '2019-06-10' });
  // S7 Lyon: another year
  const s7 = await session({ numero: `${PREFIX}S7`, centre: lyon, titre: a, statut: 'RESULTATS_VALIDES', dateFin: '2018-03-01', dateValidationResultats: '2018-03-05' });
  await inscription(s7, { voie: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'TITRE_OBTENU' });
});

afterAll(async () => {
  await cleanup();
});

// ---------- reading a CSV back as a French spreadsheet would ----------

interface Csv {
  header: string[];
  rows: Record<string, string>[];
}

function parseCsv(bytes: Buffer): Csv {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  const [header, ...data] = records;
  for (const row of data) expect(row).toHaveLength(header.length);
  return { header, rows: data.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]]))) };
}

const ours = (csv: Csv, column = 'Numéro de session') => csv.rows.filter((row) => row[column]?.startsWith(PREFIX));

async function waitForEnd(client: Client, id: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { body } = await client.get(`/api/ra/extractions/${id}`);
    if (body.statut === 'TERMINEE' || body.statut === 'ECHEC') return body;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`extraction ${id} toujours en cours`);
}


/** runs the extraction of the week of 10 June 2019 as `username` and returns the three files */
async function extraction(username: string) {
  const client = await as(username);
  const created = await client.post('/api/ra/extractions', { semaineDebut: '2019-06-12' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ semaineDebut: '2019-06-10', semaineFin: '2019-06-16', statut: 'EN_ATTENTE', declenchement: 'DEMANDE', demandeur: username });
  expect(created.body.perimetre).toBeUndefined();
  const done = await waitForEnd(client, created.body.id);
  expect(done).toMatchObject({ statut: 'TERMINEE', message: null });
  const files: Record<string, Csv> = {};
  const token = await login(username);
  for (const fichier of ['sessions', 'inscriptions', 'resultats']) {
    const response = await fetch(new URL(`/api/ra/extractions/${created.body.id}/telecharger`, baseUrl()), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fichier }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain(`ceres-${fichier}-2019-06-10-au-2019-06-16`);
    files[fichier] = parseCsv(Buffer.from(await response.arrayBuffer()));
  }
  return { id: created.body.id as string, record: done, files };
}

// ---------- extraction ----------

describe('weekly extraction: content (national)', () => {
  let run: Awaited<ReturnType<typeof extraction>>;
  beforeAll(async () => {
    run = await extraction('admin.national');
  });

  test('sessions.csv: the week’s sessions by end, validation or unlock; cancelled ones left out; French dates and rate', () => {
    const rows = ours(run.files.sessions);
    expect(rows.map((row) => row['Numéro de session']).sort()).toEqual([`${PREFIX}S1`, `${PREFIX}S2`, `${PREFIX}S3`, `${PREFIX}S4`, `${PREFIX}S6`]);
    const s1 = rows.find((row) => row['Numéro de session'] === `${PREFIX}S1`)!;
    expect(s1).toMatchObject({
      'Code titre': TITRE_A,
      Niveau: '3',
      Département: '69',
      Région: '84',
      'Date de fin': '12/06/2019',
      'Date de début': '10/06/2019',
      'Date de validation des résultats': '14/06/2019',
      Statut: 'RESULTATS_VALIDES',
      'Situation des résultats': 'Résultats validés',
      Inscrits: '6',
      Présentés: '4',
      Absents: '2',
      'dont absences justifiées': '1',
      'Réussites totales': '1',
      'Réussites partielles': '1',
      'Taux de réussite totale (%)': '25,0',
    });
    expect(rows.find((row) => row['Numéro de session'] === `${PREFIX}S2`)).toMatchObject({
      'Situation des résultats': 'Déverrouillée : résultats retirés, en cours de correction',
      'Nombre de déverrouillages': '1',
      'Date du dernier déverrouillage': '13/06/2019',
      'Réussites totales': '0',
    });
    expect(rows.find((row) => row['Numéro de session'] === `${PREFIX}S3`)).toMatchObject({ 'Situation des résultats': 'Résultats revalidés après déverrouillage', Région: '11', 'Taux de réussite totale (%)': '50,0' });
    expect(rows.find((row) => row['Numéro de session'] === `${PREFIX}S4`)).toMatchObject({ Département: '988', Région: '' });
    // held but not validated: its results are not official, so no success is counted
    expect(rows.find((row) => row['Numéro de session'] === `${PREFIX}S6`)).toMatchObject({ 'Situation des résultats': 'Résultats non encore validés', Présentés: '1', 'Réussites totales': '0', 'Taux de réussite totale (%)': '0,0' });
    expect(run.files.sessions.header[0]).toBe('Numéro de session');
  });

  test('resultats.csv: registered candidates of sessions validated in the week; absents listed, not présentés; re-validation flagged', () => {
    const rows = ours(run.files.resultats);
    const bySession = (numero: string) => rows.filter((row) => row['Numéro de session'] === `${PREFIX}${numero}`);
    expect(bySession('S1')).toHaveLength(6); // the unregistered one is not a result
    expect(bySession('S3')).toHaveLength(2);
    expect(bySession('S4')).toHaveLength(3);
    expect(rows).toHaveLength(11); // S2 (unlocked), S5 (cancelled), S6 (not validated) give none
    expect(bySession('S1').filter((row) => row['Présenté'] === 'Oui')).toHaveLength(4);
    expect(bySession('S1').find((row) => row.Présence === 'ABSENT_JUSTIFIE')).toMatchObject({ 'Présenté': 'Non', Décision: '' });
    expect(bySession('S1').find((row) => row.Présence === 'ABANDON')).toMatchObject({ 'Présenté': 'Oui', Décision: 'ECHEC' });
    expect(bySession('S1').find((row) => row['Nom de naissance'] === 'REPORTING ARNAUD')).toMatchObject({
      Prénoms: 'Élise Marie',
      'Date de naissance': '07/03/1990',
      Décision: 'TITRE_OBTENU',
      "Voie d'accès": 'FORMATION_CONTINUE',
      'Date de validation des résultats': '14/06/2019',
      'Revalidation après déverrouillage': 'Non',
    });
    expect(bySession('S3').every((row) => row['Revalidation après déverrouillage'] === 'Oui')).toBe(true);
  });

  test('inscriptions.csv: the week’s registration movements, unregistrations with their motive, none on a cancelled session', () => {
    const rows = ours(run.files.inscriptions);
    expect(rows.map((row) => `${row['Numéro de session']}:${row["Statut de l'inscription"]}`).sort()).toEqual([`${PREFIX}S1:DESINSCRIT`, `${PREFIX}S4:INSCRIT`, `${PREFIX}S6:INSCRIT`]);
    // a ';' inside a field is quoted, not a column break
    expect(rows.find((row) => row["Statut de l'inscription"] === 'DESINSCRIT')).toMatchObject({ 'Motif de désinscription': 'Déménagement ; Lyon', 'Date de désinscription': '11/06/2019' });
  });

  test('the run records its counts; the list shows it', async () => {
    expect(run.record.nbResultats).toBeGreaterThanOrEqual(11);
    const fichiers = typeof run.record.fichiers === 'string' ? JSON.parse(run.record.fichiers) : run.record.fichiers;
    expect(fichiers.resultats).toMatchObject({ lignes: run.record.nbResultats, nom: expect.stringMatching(/^ceres-resultats-2019-06-10-au-2019-06-16-national\.csv$/) });
    const list = await (await as('admin.national')).get(`/api/ra/extractions?filter=${encodeURIComponent(JSON.stringify({ semaineDebut: '2019-06-10' }))}`);
    expect(list.status).toBe(200);
    expect(list.body.map((row: { id: string }) => row.id)).toContain(run.id);
  });
});

describe('weekly extraction: each profile on its own territory', () => {
  const numeros = (csv: Csv) => [...new Set(ours(csv).map((row) => row['Numéro de session']))].sort();
  const cases: [string, string[], number, number][] = [
    // user, sessions, result rows, registration movements
    ['ud.rhone', ['S1', 'S2', 'S6'], 6, 2],
    ['dreets.ara', ['S1', 'S2', 'S6'], 6, 2],
    ['centre.lyon', ['S1', 'S2', 'S6'], 6, 2],
    ['centre.paris', ['S3'], 2, 0],
    ['dreets.idf', ['S3'], 2, 0],
    ['nc.dfpc', ['S4'], 3, 1],
  ];
  test.each(cases)('%s', async (username, sessions, resultats, inscriptions) => {
    const run = await extraction(username);
    expect(numeros(run.files.sessions)).toEqual(sessions.map((s) => `${PREFIX}${s}`));
    expect(ours(run.files.resultats)).toHaveLength(resultats);
    expect(ours(run.files.inscriptions)).toHaveLength(inscriptions);
    // its run is its own: another territory neither lists nor reads it, national does
    const other = await as(username === 'ud.paris' ? 'ud.rhone' : 'ud.paris');
    expect((await other.get(`/api/ra/extractions/${run.id}`)).status).toBe(404);
    expect((await other.get('/api/ra/extractions?range=[0,999]')).body.map((row: { id: string }) => row.id)).not.toContain(run.id);
    expect((await other.call('POST', `/api/ra/extractions/${run.id}/telecharger`, { fichier: 'resultats' })).status).toBe(404);
    expect((await (await as('admin.national')).get(`/api/ra/extractions/${run.id}`)).status).toBe(200);
  });
});

describe('weekly extraction: bad input, failures and retries', () => {
  test('a future week, an unknown file, a field set by the server: 400 naming the field', async () => {
    const ud = await as('ud.rhone');
    const future = await ud.post('/api/ra/extractions', { semaineDebut: '2099-01-05' });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ field: 'semaineDebut' });
    expect(future.body.error.message).toMatch(/semaine/);
    const forged = await ud.post('/api/ra/extractions', { perimetre: 'national' });
    expect(forged.status).toBe(400);
    const { body: list } = await ud.get('/api/ra/extractions?range=[0,0]');
    const bad = await ud.call('POST', `/api/ra/extractions/${list[0].id}/telecharger`, { fichier: 'salaires' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'fichier' });
  });

  async function insertRun(perimetre: string, statut: string, tentatives: number) {
    const documentId = docId();
    await sql(
      `INSERT INTO extractions (document_id, semaine_debut, semaine_fin, perimetre, perimetre_libelle, declenchement, demandeur, statut, tentatives, prochaine_tentative, created_at, updated_at)
       VALUES ($1, '2019-06-03', '2019-06-09', $2, 'test', 'PLANIFIEE', 'Planification hebdomadaire', $3, $4, now() - interval '1 minute', now(), now())`,
      [documentId, perimetre, statut, tentatives],
    );
    return documentId;
  }

  async function waitForAttempt(documentId: string, tentatives: number) {
    for (let attempt = 0; attempt < 120; attempt++) {
      const [row] = await sql('SELECT statut, tentatives, message, prochaine_tentative FROM extractions WHERE document_id = $1', [documentId]);
      if (row.tentatives >= tentatives && row.statut !== 'EN_COURS') return row;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('tentative jamais faite');
  }

  test('a failed run is visible with its message and scheduled for a retry; retries stop at the maximum', async () => {
    const failing = await insertRun('inconnu:1', 'EN_ATTENTE', 0);
    const first = await waitForAttempt(failing, 1);
    expect(first).toMatchObject({ statut: 'ECHEC', tentatives: 1 });
    expect(first.message).toMatch(/^Échec de l'extraction \(tentative 1 sur 3\)/);
    expect(first.prochaine_tentative).not.toBeNull();
    const shown = await (await as('admin.national')).get(`/api/ra/extractions/${failing}`);
    expect(shown.body).toMatchObject({ statut: 'ECHEC', tentatives: 1 });
    expect(shown.body.message).toMatch(/Nouvelle tentative automatique/);
    const notReady = await (await as('admin.national')).call('POST', `/api/ra/extractions/${failing}/telecharger`, { fichier: 'sessions' });
    expect(notReady.status).toBe(409);

    const lastChance = await insertRun('inconnu:2', 'ECHEC', 2);
    const last = await waitForAttempt(lastChance, 3);
    expect(last).toMatchObject({ statut: 'ECHEC', tentatives: 3, prochaine_tentative: null });
    expect(last.message).toMatch(/Plus de nouvelle tentative automatique/);
  });

  test('a failed scheduled run of Nouvelle-Calédonie is retried by the worker and becomes NC’s own extraction', async () => {
    const retried = await insertRun('departements:988', 'ECHEC', 1);
    const row = await waitForAttempt(retried, 2);
    expect(row).toMatchObject({ statut: 'TERMINEE', tentatives: 2, message: null });
    expect((await (await as('nc.dfpc')).get(`/api/ra/extractions/${retried}`)).body).toMatchObject({ statut: 'TERMINEE', declenchement: 'PLANIFIEE', perimetreLibelle: 'test' });
    expect((await (await as('ud.rhone')).get(`/api/ra/extractions/${retried}`)).status).toBe(404);
    expect((await (await as('dreets.ara')).get(`/api/ra/extractions/${retried}`)).status).toBe(404);
  });
});

// ---------- statistics ----------

const stats = async (username: string, filter: Record<string, unknown>, resource = 'statistiques') => {
  const response = await (await as(username)).get(`/api/ra/${resource}?range=[0,999]&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(response.status).toBe(200);
  return response.body as Record<string, any>[];
};
const byId = (rows: Record<string, any>[]) => Object.fromEntries(rows.map((row) => [row.id, row]));

describe('statistics: figures on the known dataset', () => {
  test('by title (2019): official results only; absents are not présentés; rates total / partial', async () => {
    const rows = byId(await stats('admin.national', { axe: 'titre', annee: 2019 }));
    expect(rows[TITRE_A]).toMatchObject({ inscrits: 8, presentes: 6, absents: 2, reussitesTotales: 2, reussitesPartielles: 1, echecs: 3, titresDelivres: 2, tauxReussiteTotale: 33.3, tauxReussitePartielle: 16.7, tauxReussite: 50 });
    // S2's results were withdrawn by the unlock: only Nouméa's session counts
    expect(rows[TITRE_B]).toMatchObject({ inscrits: 3, presentes: 2, absents: 1, reussitesTotales: 1, reussitesPartielles: 1, titresDelivres: 1, tauxReussiteTotale: 50 });
  });

  test('by year, région, level and access route', async () => {
    expect(byId(await stats('admin.national', { axe: 'annee', titre: TITRE_A }))).toMatchObject({ '2019': { presentes: 6 }, '2018': { presentes: 1, titresDelivres: 1 } });
    const regions = byId(await stats('admin.national', { axe: 'region', titre: TITRE_A, annee: 2019 }));
    expect(regions).toMatchObject({ '84': { presentes: 4, reussitesTotales: 1 }, '11': { presentes: 2, reussitesTotales: 1 } });
    expect(Object.keys(regions).sort()).toEqual(['11', '84']);
    expect(byId(await stats('admin.national', { axe: 'region', titre: TITRE_B, annee: 2019 }))['988']).toMatchObject({ libelle: 'Nouvelle-Calédonie', presentes: 2 });
    expect(byId(await stats('admin.national', { axe: 'niveau', titre: TITRE_B, annee: 2019 }))['5']).toMatchObject({ libelle: 'Niveau 5', presentes: 2 });
    const voies = byId(await stats('admin.national', { axe: 'voieAcces', titre: TITRE_A, annee: 2019 }));
    expect(voies).toMatchObject({
      FORMATION_CONTINUE: { presentes: 3, reussitesTotales: 1, absents: 2 },
      VAE: { presentes: 1, reussitesPartielles: 1 },
      APPRENTISSAGE: { presentes: 2, reussitesTotales: 1 },
    });
    expect(await stats('admin.national', { axe: 'ensemble', titre: TITRE_A, annee: 2019, voieAcces: 'APPRENTISSAGE' })).toEqual([expect.objectContaining({ id: 'ensemble', presentes: 2, tauxReussiteTotale: 50 })]);
  });

  test('sessions by state (every state, cancelled included)', async () => {
    expect(byId(await stats('admin.national', { titre: TITRE_A, annee: 2019 }, 'statistiques-sessions'))).toEqual({
      RESULTATS_VALIDES: expect.objectContaining({ nombre: 2, libelle: 'Résultats validés' }),
      ANNULEE: expect.objectContaining({ nombre: 1 }),
      RESULTATS_TRANSMIS: expect.objectContaining({ nombre: 1 }),
    });
    expect(byId(await stats('admin.national', { titre: TITRE_B, annee: 2019 }, 'statistiques-sessions'))).toEqual({
      DEVERROUILLEE: expect.objectContaining({ nombre: 1 }),
      CLOTUREE: expect.objectContaining({ nombre: 1 }),
    });
  });

  test('bad filters: 400 naming the field', async () => {
    const client = await as('admin.national');
    for (const [filter, field] of [
      [{ axe: 'planete' }, 'filter.axe'],
      [{ annee: 'deux mille' }, 'filter.annee'],
      [{ centre: 'x' }, 'filter.centre'],
      [{ region: "84' OR '1'='1" }, 'filter.region'],
    ] as const) {
      const response = await client.get(`/api/ra/statistiques?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
    const sessions = await client.get(`/api/ra/statistiques-sessions?filter=${encodeURIComponent(JSON.stringify({ voieAcces: 'VAE' }))}`);
    expect(sessions.status).toBe(400);
    expect(sessions.body.error.field).toBe('filter.voieAcces');
  });
});

describe('statistics: each profile sees its territory only (Nouvelle-Calédonie its own)', () => {
  const cases: [string, Record<string, number>][] = [
    ['ud.rhone', { [TITRE_A]: 4 }],
    ['dreets.ara', { [TITRE_A]: 4 }],
    ['centre.lyon', { [TITRE_A]: 4 }],
    ['centre.paris', { [TITRE_A]: 2 }],
    ['ud.paris', { [TITRE_A]: 2 }],
    ['nc.dfpc', { [TITRE_B]: 2 }],
    ['lecture', { [TITRE_A]: 6, [TITRE_B]: 2 }],
  ];
  test.each(cases)('%s', async (username, expected) => {
    const rows = (await stats(username, { axe: 'titre', annee: 2019 })).filter((row) => row.id === TITRE_A || row.id === TITRE_B);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.presentes]))).toEqual(expected);
  });

  test('a filter cannot widen the territory', async () => {
    expect((await stats('ud.rhone', { axe: 'ensemble', departement: '988', titre: TITRE_B, annee: 2019 }))[0]).toMatchObject({ presentes: 0, tauxReussite: null });
    expect(await stats('nc.dfpc', { titre: TITRE_A }, 'statistiques-sessions')).toEqual([]);
    expect(byId(await stats('nc.dfpc', { titre: TITRE_B, annee: 2019 }, 'statistiques-sessions'))).toEqual({ CLOTUREE: expect.objectContaining({ nombre: 1 }) });
  });
});
