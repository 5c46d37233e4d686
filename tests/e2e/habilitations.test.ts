/**
 * v1.7: the centre profile sees the habilitated jurors of its titles with no action button; the UD,
 * on the same habilitation, gets its workflow buttons (so the centre's absence of buttons is not an
 * empty page). Real Chromium on the real back-office.
 */
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, login } from '../support/http';
import { sql } from '../support/db';

let browser: Browser;
let jure: string;
let habilitation: string;

beforeAll(async () => {
  browser = await openBrowser();
  const admin = api(await login('admin.national'));
  const rhone = api(await login('ud.rhone'));
  const centre = api(await login('centre.lyon'));
  const dep69 = (await admin.get('/api/ra/departements?filter={"code":"69"}')).body[0].id;
  const agrement = (await centre.get('/api/ra/agrements?filter={"statut":"ACCORDE"}')).body.find((a: { titre: string | null }) => a.titre);
  if (!agrement) throw new Error('centre.lyon has no agrément ACCORDE on a title in the demo data');
  const created = await rhone.post('/api/ra/jures', { nom: 'Zzbrowser', prenom: 'Camille', metier: 'Électricien', departement: dep69, telephone: '04 78 00 00 01', adresse: '3 quai Perrache', codePostal: '69002' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  jure = created.body.id;
  await rhone.post('/api/ra/periodes-experience', { jure, dateDebut: '2001-09-01', dateFin: null });
  // a demo title may have no end of validity: then the habilitation's end is given
  const titre = (await admin.get(`/api/ra/titres/${agrement.titre}`)).body;
  const granted = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: agrement.titre, ...(titre.dateFinValidite ? {} : { dateFin: `${new Date().getUTCFullYear() + 2}-12-31` }) });
  if (granted.status !== 200) throw new Error(JSON.stringify(granted.body));
  habilitation = granted.body.id;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sql(`DELETE FROM habilitations WHERE document_id = $1`, [habilitation]);
  await sql(`DELETE FROM periodes_experience WHERE id IN (SELECT periode_experience_id FROM periodes_experience_jure_lnk l JOIN jures j ON j.id = l.jure_id WHERE j.document_id = $1)`, [jure]);
  await sql(`DELETE FROM jures WHERE document_id = $1`, [jure]);
});

const WORKFLOW = ['Suspendre', 'Réactiver', 'Retirer', 'Renouveler', 'Clore', 'Observations', 'Modifier', 'Éditer', 'Supprimer'];

async function openHabilitation(page: Page) {
  await page.goto(page.url().replace(/#.*$/, `#/habilitations/${habilitation}/show`));
  // the record is on screen: the juror's name and phone come from the juror record
  await page.getByText('ZZBROWSER Camille — 04 78 00 00 01').waitFor({ timeout: 20_000 });
}

async function visibleButtons(page: Page): Promise<string[]> {
  const texts = await page.locator('main button:visible, main a[role="button"]:visible, main a.MuiButton-root:visible').allInnerTexts();
  return texts.map((t) => t.trim()).filter(Boolean);
}

test('the UD sees the workflow buttons on a habilitation it granted', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await openHabilitation(page);
  await page.getByRole('button', { name: 'Suspendre' }).waitFor({ timeout: 20_000 });
  const buttons = await visibleButtons(page);
  expect(buttons).toEqual(expect.arrayContaining(['SUSPENDRE', 'RETIRER', 'RENOUVELER'].map((b) => expect.stringMatching(new RegExp(b, 'i')))));
  await page.close();
});

test('the centre sees the habilitated juror, without any action button (v1.7)', async () => {
  const page = await loginPage(browser, 'centre.lyon');
  // the read-only list: the juror is there with phone and address
  await page.goto(page.url().replace(/#.*$/, '#/habilitations'));
  await page.getByRole('cell', { name: 'ZZBROWSER Camille' }).first().waitFor({ timeout: 20_000 });
  await page.getByRole('cell', { name: '04 78 00 00 01' }).first().waitFor();
  // CSV export of the list, with the jurors' contact details
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffNom;Prénom;Téléphone;Courriel;Adresse;Code postal;Commune;Métier;Employeur;Titre;CCS;Début habilitation;Fin habilitation;Statut;Département de délivrance');
  expect(csv).toMatch(/\r\nZzbrowser;Camille;04 78 00 00 01;;3 quai Perrache;69002;;Électricien;;[^;]+;;\d{2}\/\d{2}\/\d{4};\d{2}\/\d{2}\/\d{4};Active;69(\r\n|$)/);
  await openHabilitation(page);
  // give the page the time it gives the UD to show its buttons, then check none came
  await page.getByText('Historique des changements').waitFor();
  await page.waitForLoadState('networkidle');
  const buttons = await visibleButtons(page);
  for (const label of WORKFLOW) {
    expect(buttons.filter((b) => b.toLowerCase() === label.toLowerCase())).toEqual([]);
  }
  expect(await page.locator('[data-action]').count()).toBe(0);
  await page.close();
});

test('the UD finds the juror in the list with phone and address, and the record shows the computed seniority', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await page.goto(page.url().replace(/#.*$/, '#/jures'));
  await page.locator('input[name="q"]').fill('zzbrowser');
  const row = page.getByRole('row', { name: /ZZBROWSER/ });
  await row.waitFor({ timeout: 20_000 });
  expect(await row.innerText()).toMatch(/04 78 00 00 01[\s\S]*3 quai Perrache, 69002/);
  await row.getByRole('cell', { name: 'ZZBROWSER' }).click();
  const anciennete = page.getByTestId('anciennete');
  await anciennete.waitFor({ timeout: 20_000 });
  expect(await anciennete.innerText()).toMatch(/^Ancienneté calculée : \d+ ans.* d'expérience au \d{2}\/\d{2}\/\d{4}, en activité dans le métier\. Critère d’ancienneté rempli aujourd’hui \(3 ans au moins, départ depuis 5 ans au plus\)\.$/);
  await page.getByRole('button', { name: 'Accorder une habilitation' }).waitFor();
  await page.close();
});


test('v1.7.1: the UD edits a juror’s phone and address from the list row', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await page.goto(page.url().replace(/#.*$/, '#/jures'));
  await page.locator('input[name="q"]').fill('zzbrowser');
  const row = page.getByRole('row', { name: /ZZBROWSER/ });
  await row.waitFor({ timeout: 20_000 });
  await row.getByRole('button', { name: 'Coordonnées' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="telephone"]').fill('06 99 88 77 66');
  await dialog.locator('input[name="adresse"]').fill('5 place des Terreaux');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('cell', { name: '06 99 88 77 66' }).waitFor({ timeout: 20_000 });
  expect(page.url()).toMatch(/#\/jures/); // still on the list
  const saved = await api(await login('ud.rhone')).get(`/api/ra/jures/${jure}`);
  expect(saved.body).toMatchObject({ telephone: '06 99 88 77 66', adresse: '5 place des Terreaux', codePostal: '69002' });
  await page.close();
});
