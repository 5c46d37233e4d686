/**
 * The documents' screens in a real Chromium: a DREETS launches a « lot d'édition » for its région and a period,
 * watches the progress bar reach the end and downloads the PDF; the edition log (« Éditions ») lists what was
 * printed, and a centre sees its own editions only; the centre's habilitated jurors' list offers « Imprimer la liste ».
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { sql } from '../support/db';

jest.setTimeout(180_000);

const SUFFIX = String(Date.now()).slice(-5);
const docId = () => 'e' + randomBytes(12).toString('hex').slice(0, 23);
let browser: Browser;
const fx = { session: 0, candidat: 0, titre: 0 };

async function insert(table: string, row: Record<string, unknown>): Promise<number> {
  const data = { document_id: docId(), created_at: new Date(), updated_at: new Date(), ...row };
  const columns = Object.keys(data);
  const values = Object.values(data).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
  const [r] = await sql(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
  return r.id;
}

beforeAll(async () => {
  browser = await openBrowser();
  // one Lyon session (région 84) validated on 12 April 2017 with one laureate
  fx.titre = await insert('titres', { code: `TP-5${SUFFIX.slice(1)}`, version: 2017, intitule: `Titre e2e lots ${SUFFIX}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF', niveau: 4 });
  fx.session = await insert('sessions', { numero: `E2ELOT-${SUFFIX}`, type: 'TITRE', statut: 'RESULTATS_VALIDES', date_debut: '2017-04-03', date_fin: '2017-04-05', date_validation_resultats: '2017-04-12', nb_deverrouillages: 0 });
  const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
  await sql(`INSERT INTO sessions_centre_lnk (session_id, centre_id) VALUES ($1, $2)`, [fx.session, lyon.id]);
  await sql(`INSERT INTO sessions_titre_lnk (session_id, titre_id) VALUES ($1, $2)`, [fx.session, fx.titre]);
  fx.candidat = await insert('candidats', { nom_naissance: `Navigatrice${SUFFIX}`, prenoms: ['Inès'], sexe: 'F', date_naissance: '1990-04-02', commune_naissance_libelle: 'Villeurbanne', commune_naissance_departement: 'Rhône' });
  const inscription = await insert('inscriptions', { statut: 'INSCRIT', voie_acces: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: 'TITRE_OBTENU', resultats_ccp: {}, entretien_final: true });
  await sql(`INSERT INTO inscriptions_candidat_lnk (inscription_id, candidat_id) VALUES ($1, $2)`, [inscription, fx.candidat]);
  await sql(`INSERT INTO inscriptions_session_lnk (inscription_id, session_id) VALUES ($1, $2)`, [inscription, fx.session]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT inscription_id FROM inscriptions_session_lnk WHERE session_id = $1)`, [fx.session]);
  await sql(`DELETE FROM sessions WHERE id = $1`, [fx.session]);
  await sql(`DELETE FROM candidats WHERE id = $1`, [fx.candidat]);
});

test("the DREETS launches a lot d'édition, follows its progress bar and downloads the PDF", async () => {
  const page = await loginPage(browser, 'dreets.ara');
  try {
    await page.locator('a.RaMenuItemLink-root[href="#/lots-edition"]').click();
    // the DREETS has one région: it is chosen already
    await page.getByRole('combobox', { name: 'Région' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('combobox', { name: 'Région' }).innerText()).toMatch(/84 Auvergne-Rhône-Alpes/);
    await page.getByLabel('Résultats validés du').fill('2017-04-01');
    await page.getByLabel('au', { exact: true }).fill('2017-04-30');
    await page.getByLabel('Livrets de certification').uncheck();
    await page.getByRole('button', { name: 'Lancer le lot' }).click();
    const row = page.getByRole('row').filter({ hasText: 'du 01/04/2017 au 30/04/2017' }).first();
    await row.getByText('Terminé').waitFor({ timeout: 120_000 });
    expect(await row.getByTestId('progression').innerText()).toBe('1 / 1 document(s)');
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), row.getByRole('button', { name: /Télécharger le PDF \(1 p\.\)/ }).click()]);
    expect(download.suggestedFilename()).toBe('lot-84-2017-04-01-2017-04-30.pdf');
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', (await download.path())!, '-']).toString();
    expect(text).toContain(`Navigatrice${SUFFIX}`);
  } finally {
    await page.close();
  }
});

test('« Éditions » lists the parchemin just printed, filtered by session from its documents tab', async () => {
  const [session] = await sql(`SELECT document_id FROM sessions WHERE id = $1`, [fx.session]);
  const page = await loginPage(browser, 'dreets.ara');
  try {
    await page.goto(page.url().replace(/#.*$/, `#/sessions/${session.document_id}/show`));
    await page.getByRole('tab', { name: /Documents/ }).click();
    await page.getByRole('link', { name: /Éditions de cette session/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'Parchemin du titre professionnel' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toMatch(new RegExp(`84-\\d{4}-TP-\\d{6}[\\s\\S]*E2ELOT-${SUFFIX}[\\s\\S]*NAVIGATRICE${SUFFIX}|84-\\d{4}-TP-\\d{6}[\\s\\S]*E2ELOT-${SUFFIX}[\\s\\S]*Navigatrice${SUFFIX}`));
    expect(await row.innerText()).toContain('dreets.ara (DREETS)');
  } finally {
    await page.close();
  }
});

test('the centre prints its habilitated jurors from the list, and sees that edition in « Éditions », not the other centres’', async () => {
  const page = await loginPage(browser, 'centre.lyon');
  try {
    await page.goto(page.url().replace(/#.*$/, '#/habilitations'));
    const button = page.getByRole('button', { name: 'Imprimer la liste' });
    await button.waitFor({ timeout: 20_000 });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/imprimerListeJurys'), { timeout: 60_000 }), button.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await page.goto(page.url().replace(/#.*$/, '#/editions'));
    await page.getByRole('row').filter({ hasText: 'Liste des jurés habilités' }).first().waitFor({ timeout: 20_000 });
    // the lot printed by the DREETS for a Lyon session is the centre's session's edition: visible; nothing of another centre
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows.some((r) => r.includes(`E2ELOT-${SUFFIX}`))).toBe(true);
    expect(rows.some((r) => /centre\.paris/.test(r))).toBe(false);
  } finally {
    await page.close();
  }
});
