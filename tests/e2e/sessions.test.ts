/**
 * A session in a real Chromium, each profile with its own buttons: created by the centre in the form (its site and
 * the agrément covering it picked among the centre's), declared by the centre, validated by
 * the UD, results entered in the grid, finalised and transmitted by the centre, validated by the UD;
 * unlocked by the DREETS (reason + entretien final checkbox), corrected, re-finalised, re-transmitted,
 * re-validated, the former results staying visible; the jury tab flags a juror sharing a candidate's employer.
 * Steps that are not the point here (registrations, DTE, jury, convocations) go through the API.
 */
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { createSessionFixtures, inDays, removeSessionFixtures, startToday, type SessionFixtures } from '../support/sessions-fixtures';

jest.setTimeout(120_000);

let browser: Browser;
let fx: SessionFixtures;
let sessionId: string;
const pages = new Map<string, Page>();

const as = async (username: string) => api(await login(username));
const ok = async (username: string, action: string, body: Record<string, unknown> = {}) => {
  const r = await (await as(username)).post(`/api/ra/sessions/${sessionId}/${action}`, body);
  if (r.status !== 200) throw new Error(`${action} : ${r.status} ${JSON.stringify(r.body)}`);
};

/** the session page of one agent (logged in once per agent) */
async function sessionPage(username: string, tab = ''): Promise<Page> {
  let page = pages.get(username);
  if (!page) {
    page = await loginPage(browser, username);
    // after login the back-office lands on its first list: let it, or it overrides our navigation
    await page.getByRole('columnheader').first().waitFor({ timeout: 20_000 });
    pages.set(username, page);
  }
  await page.goto(`${baseUrl()}/#/sessions/${sessionId}/show${tab ? `/${tab}` : ''}`);
  // other agents changed the session meanwhile: a fresh load, not the page's cache
  await page.reload();
  await page.getByRole('heading', { name: /^Session S\d{4}-\d{6} — / }).waitFor({ timeout: 20_000 });
  await page.getByTestId('actions-session').waitFor({ state: 'attached' });
  return page;
}
const banner = (page: Page, etat: string) => page.getByRole('heading', { name: new RegExp(`Session S\\d{4}-\\d{6} — ${etat}$`) }).waitFor({ timeout: 15_000 })
const buttons = async (page: Page) => (await page.getByTestId('actions-session').locator('button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).sort();

async function choose(page: Page, row: string, column: number, option: string) {
  await page.getByTestId('grille-resultats').getByRole('row', { name: new RegExp(row) }).getByRole('combobox').nth(column).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  fx = await createSessionFixtures();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (fx) await sql(`UPDATE jures SET employeur = NULL WHERE id = $1`, [fx.jures[1].id]);
  await removeSessionFixtures(fx);
});

/** an autocomplete of the session form: type, then pick the option */
async function pick(page: Page, label: string, typed: string | null, option: RegExp) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (typed !== null) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('the centre creates the session in the form: its site and the agrément covering it are picked among the centre’s', async () => {
  const page = await loginPage(browser, 'centre.lyon');
  await page.getByRole('columnheader').first().waitFor({ timeout: 20_000 });
  pages.set('centre.lyon', page);
  await page.goto(`${baseUrl()}/#/sessions/create`);
  await pick(page, 'Centre', 'Institut', /Institut Formation Rhône/);
  const [code] = await sql(`SELECT code FROM titres WHERE id = $1`, [fx.titre.id]);
  await pick(page, 'Titre', code.code, new RegExp(code.code));
  await pick(page, 'Site', 'Plateau de test', new RegExp(`Plateau de test sessions ${fx.suffix}`));
  await pick(page, 'Agrément', null, /^Du 01\/01\/2020 au 31\/12\/2035$/);
  await page.locator('input[name="dateDebut"]').fill(inDays(90));
  await page.locator('input[name="dateFin"]').fill(inDays(90));
  await page.locator('input[name="responsableSession"]').fill('Mme Responsable');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('heading', { name: /^Session S\d{4}-\d{6} — En préparation$/ }).waitFor({ timeout: 20_000 });
  sessionId = /#\/sessions\/([^/]+)\/show/.exec(page.url())![1];
  // the session page shows them
  await page.getByText(`Plateau de test sessions ${fx.suffix}`).waitFor();
  await page.getByText('Agrément accordé, valide du 01/01/2020 au 31/12/2035').waitFor();
  const [row] = await sql(`SELECT s.document_id FROM sessions s JOIN sessions_site_lnk l ON l.session_id = s.id WHERE l.site_id = $1`, [fx.site.id]);
  expect(row.document_id).toBe(sessionId);
});

test('each profile sees only its buttons; the centre declares, the UD validates', async () => {
  const centre = await sessionPage('centre.lyon');
  expect(await buttons(centre)).toEqual(['annuler', 'declarer']);
  await centre.getByRole('button', { name: 'Déclarer la session' }).click();
  await banner(centre, 'Déclarée');

  const ud = await sessionPage('ud.rhone');
  expect(await buttons(ud)).toEqual(['annuler', 'renvoyer', 'valider']);
  await ud.getByRole('button', { name: 'Valider la session' }).click();
  await banner(ud, 'Validée');

  const afpa = await sessionPage('afpa.dte');
  expect(await buttons(afpa)).toEqual([]);
});

test('results entered in the grid, finalised and transmitted by the centre, validated by the UD', async () => {
  for (const c of fx.candidats) await ok('centre.lyon', 'inscrire', { candidat: c.documentId, voieAcces: 'FORMATION_CONTINUE' });
  await ok('centre.lyon', 'commanderDte', { commentaire: 'Plateau B' });
  await ok('afpa.dte', 'expedierDte');
  // impartiality: Bruno's employer is the second juror's; the jury tab flags it (the juror still sits)
  await sql(`UPDATE candidats SET employeur = 'Garage Dupont' WHERE id = $1`, [fx.candidats[1].id]);
  await sql(`UPDATE jures SET employeur = 'GARAGE DUPONT' WHERE id = $1`, [fx.jures[1].id]);
  for (const j of fx.jures.slice(0, 2)) await ok('centre.lyon', 'ajouterJure', { jure: j.documentId });
  const jury = await sessionPage('centre.lyon', 'jury');
  await jury.getByRole('alert').filter({ hasText: /^Même employeur que SESSIONTEST\d+ Bruno \(Garage Dupont\)$/ }).waitFor();
  expect(await jury.getByRole('alert').filter({ hasText: /Même employeur|Lien déclaré/ }).count()).toBe(1);
  await ok('centre.lyon', 'envoyerConvocations');
  await startToday(sessionId);

  const centre = await sessionPage('centre.lyon', 'resultats');
  await banner(centre, 'Convocations envoyées');
  const grid = centre.getByTestId('grille-resultats');
  await grid.getByRole('row', { name: /Alice/ }).waitFor()
  // columns: présence, CCP 1, CCP 2, décision
  await choose(centre, 'Alice', 0, 'Présent');
  await choose(centre, 'Alice', 1, 'Acquis');
  await choose(centre, 'Alice', 2, 'Acquis');
  await centre.getByRole('checkbox', { name: /Entretien final .*Alice/ }).check();
  await choose(centre, 'Alice', 3, 'Titre obtenu');
  await choose(centre, 'Bruno', 0, 'Absent justifié');
  // v1.7.1: the justified absence comes with its document, uploaded from the row (private store, plugins/sessions services/pieces.ts)
  const bruno = centre.getByTestId('grille-resultats').getByRole('row', { name: /Bruno/ });
  await bruno.locator('input[type=file]').setInputFiles({ name: 'certificat-medical.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% certificat\n%%EOF\n') });
  await bruno.getByText('certificat-medical.pdf').waitFor();
  await choose(centre, 'Bruno', 3, 'Absent');
  for (const label of await centre.getByText(/^JURÉ-(UN|DEUX)/).all()) await label.click();
  await centre.getByLabel('Numéro du procès-verbal').fill('PV-69-E2E');
  // v1.7: the signed PV is an uploaded file, no longer a box to tick
  await centre.locator('input[type=file][aria-label="PV signé (fichier)"]').setInputFiles({ name: 'pv-signe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% PV\n%%EOF\n') });
  await centre.getByText('pv-signe.pdf').waitFor();
  await centre.getByRole('button', { name: 'Enregistrer les résultats' }).click();
  await banner(centre, 'Résultats saisis');

  await centre.getByRole('button', { name: 'Finaliser la session' }).click();
  await banner(centre, 'Finalisée');
  await centre.getByRole('button', { name: 'Transmettre les résultats' }).click();
  await banner(centre, 'Résultats transmis');

  const ud = await sessionPage('ud.rhone');
  await ud.getByRole('button', { name: 'Valider les résultats' }).click();
  await banner(ud, 'Résultats validés');
});

test('the DREETS unlocks (reason + entretien final), the centre corrects, the UD re-validates; the former results stay visible', async () => {
  const dreets = await sessionPage('dreets.ara');
  expect(await buttons(dreets)).toEqual(['deverrouiller']);
  await dreets.getByRole('button', { name: 'Déverrouiller la session' }).click();
  const dialog = dreets.getByRole('dialog');
  await dialog.getByLabel('Motif (obligatoire)').fill('Erreur de saisie sur le CCP 2');
  await dialog.getByLabel('Entretien final réalisé').check();
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await banner(dreets, 'Déverrouillée');

  const centre = await sessionPage('centre.lyon', 'resultats');
  await banner(centre, 'Déverrouillée');
  await centre.getByTestId('grille-resultats').getByRole('row', { name: /Alice/ }).waitFor();
  // the entretien final recorded before the unlock is still there
  expect(await centre.getByRole('checkbox', { name: /Entretien final .*Alice/ }).isChecked()).toBe(true);
  await choose(centre, 'Alice', 2, 'Non acquis');
  await choose(centre, 'Alice', 3, 'Réussite partielle');
  await centre.getByRole('button', { name: 'Enregistrer les résultats' }).click();
  await centre.getByText('Résultats enregistrés.').waitFor();
  await centre.getByRole('button', { name: 'Finaliser la session' }).click();
  await banner(centre, 'Finalisée');
  await centre.getByRole('button', { name: 'Transmettre les résultats' }).click();
  await banner(centre, 'Résultats transmis');

  const ud = await sessionPage('ud.rhone', 'resultats');
  await ud.getByRole('button', { name: 'Valider les résultats' }).click();
  await banner(ud, 'Résultats validés');
  const history = ud.getByTestId('historique-resultats');
  await history.getByRole('row', { name: /Alice.* 2 / }).waitFor();
  const versions = await history.getByRole('row', { name: /Alice/ }).allTextContents();
  expect(versions.map((v) => v.replace(/^.*01\/01\/1990/, ''))).toEqual([expect.stringMatching(/^1\d{2}\/\d{2}\/\d{4}PrésentTitre obtenuOui$/), expect.stringMatching(/^2\d{2}\/\d{2}\/\d{4}PrésentRéussite partielleOui$/)]);
});
