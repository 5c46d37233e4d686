/**
 * Statistiques and Extractions hebdomadaires in a real Chromium, on a small dataset of June 2019: Nouvelle-
 * Calédonie's statistics page shows its own figures only; a UD runs its extraction, sees it finish and
 * downloads a results file that a French spreadsheet opens (BOM, ';', JJ/MM/AAAA).
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

jest.setTimeout(180_000);

const PREFIX = 'RPTE-';
const TITRES = ['TP-99903', 'TP-99904'];
const EXTRACTIONS_DIR = path.resolve(__dirname, '..', '..', '.data', 'extractions');
const docId = () => randomBytes(12).toString('hex').slice(0, 24);
let browser: Browser;

async function cleanup() {
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT l.inscription_id FROM inscriptions_session_lnk l JOIN sessions s ON s.id = l.session_id WHERE s.numero LIKE '${PREFIX}%')`);
  await sql(`DELETE FROM sessions WHERE numero LIKE '${PREFIX}%'`);
  await sql(`DELETE FROM titres WHERE code = ANY($1)`, [TITRES]);
  const runs = await sql<{ document_id: string }>(`DELETE FROM extractions WHERE semaine_debut = '2019-06-17' RETURNING document_id`);
  for (const run of runs) await rm(path.join(EXTRACTIONS_DIR, run.document_id), { recursive: true, force: true });
}

/** one session validated on 19 June 2019 with the given decisions (all présentés) */
async function session(numero: string, siret: string, titre: string, decisions: string[]) {
  const [{ id: titreId }] = await sql(
    `INSERT INTO titres (document_id, code, version, intitule, type_certification, niveau, statut, created_at, updated_at) VALUES ($1, $2, 2019, $3, 'TITRE_PROFESSIONNEL', 4, 'ACTIF', now(), now()) RETURNING id`,
    [docId(), titre, `Titre e2e ${titre}`],
  );
  const [{ id }] = await sql(
    `INSERT INTO sessions (document_id, numero, type, date_debut, date_fin, statut, date_validation_resultats, nb_deverrouillages, created_at, updated_at)
     VALUES ($1, $2, 'TITRE', '2019-06-17', '2019-06-18', 'RESULTATS_VALIDES', '2019-06-19', 0, now(), now()) RETURNING id`,
    [docId(), numero],
  );
  await sql('INSERT INTO sessions_centre_lnk (session_id, centre_id) SELECT $1, id FROM centres WHERE siret = $2', [id, siret]);
  await sql('INSERT INTO sessions_titre_lnk (session_id, titre_id) VALUES ($1, $2)', [id, titreId]);
  for (const decision of decisions) {
    const [{ id: inscription }] = await sql(
      `INSERT INTO inscriptions (document_id, voie_acces, statut, presence, decision, date_inscription, created_at, updated_at) VALUES ($1, 'VAE', 'INSCRIT', 'PRESENT', $2, '2019-05-02', now(), now()) RETURNING id`,
      [docId(), decision],
    );
    await sql('INSERT INTO inscriptions_session_lnk (inscription_id, session_id) VALUES ($1, $2)', [inscription, id]);
  }
}

beforeAll(async () => {
  await cleanup();
  await session(`${PREFIX}LYON`, DEMO_SIRETS.lyon, TITRES[0], ['TITRE_OBTENU', 'ECHEC', 'ECHEC', 'ECHEC']);
  await session(`${PREFIX}NOUMEA`, DEMO_SIRETS.noumea, TITRES[1], ['TITRE_OBTENU', 'REUSSITE_PARTIELLE']);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await cleanup();
});

test('Nouvelle-Calédonie sees its own statistics, with French rates', async () => {
  const page = await loginPage(browser, 'nc.dfpc');
  await page.goto(page.url().replace(/#.*$/, '#/statistiques'));
  await page.getByLabel('Année (jury)').fill('2019');
  const row = page.locator('table tbody tr', { hasText: TITRES[1] });
  await row.waitFor({ timeout: 20_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('50,0 %'); // total and partial: 1 of 2 each
  expect(await page.locator('table tbody tr', { hasText: TITRES[0] }).count()).toBe(0);
  // the charts are drawn (recharts renders SVG bars)
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await page.close();
});

test('a UD runs its extraction now and downloads the results file', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await page.goto(page.url().replace(/#.*$/, '#/extractions'));
  await page.getByLabel('Semaine (un jour de la semaine)').fill('2019-06-19');
  await page.getByRole('button', { name: 'Lancer maintenant' }).click();
  const row = page.locator('table tbody tr', { hasText: 'du 17/06/2019 au 23/06/2019' });
  await row.getByText('Terminée').waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Résultats/ }).click()]);
  expect(download.suggestedFilename()).toBe('ceres-resultats-2019-06-17-au-2019-06-23-departements-69.csv');
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines[0].split(';')).toContain('Décision');
  const ours = lines.filter((line) => line.startsWith(PREFIX));
  expect(ours).toHaveLength(4); // Lyon's four candidates; Nouméa is not the Rhône's
  expect(ours.every((line) => line.includes(';19/06/2019;'))).toBe(true);
  await page.close();
});
