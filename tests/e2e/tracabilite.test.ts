/**
 * Traces in the back-office, in a real Chromium: a record's "Historique" tab shows who changed what (before →
 * after, French dates), and the administrators' trace list is read-only (no create, edit, delete, selection).
 */
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

jest.setTimeout(120_000);

let browser: Browser;
let id: string;

beforeAll(async () => {
  browser = await openBrowser();
  const admin = api(await login('admin.national'));
  await sql(`DELETE FROM pays WHERE code_insee = '99871'`);
  const created = await admin.post('/api/ra/pays', { codeInsee: '99871', nom: 'Historiquie', libelleCog: 'HISTORIQUIE', nature: 'ANCIEN_ETAT' });
  id = created.body.id;
  await admin.put(`/api/ra/pays/${id}`, { nom: 'Historiquie du Sud', dateFin: '1991-12-26' });
});

afterAll(async () => {
  await browser?.close();
  await sql(`DELETE FROM pays WHERE code_insee = '99871'`);
});

test('the Historique tab of a country shows its traces, newest first, with before → after', async () => {
  const page = await loginPage(browser, 'admin.national');
  await page.goto(page.url().replace(/#.*$/, `#/pays/${id}/show`));
  await page.getByRole('tab', { name: 'Historique' }).click();
  const rows = page.locator('table tbody tr');
  await rows.nth(1).waitFor({ timeout: 15_000 });
  expect(await rows.count()).toBe(2);
  const newest = (await rows.nth(0).innerText()).replace(/\s+/g, ' ');
  expect(newest).toContain('Modification');
  expect(newest).toContain('admin.national');
  expect(newest).toContain('Nom : Historiquie → Historiquie du Sud');
  expect(newest).toContain('Fin de validité : — → 26/12/1991');
  expect(newest).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  expect((await rows.nth(1).innerText()).replace(/\s+/g, ' ')).toContain('Création');
  // read-only: no selection checkbox, no delete button in the history
  expect(await page.locator('table input[type="checkbox"]').count()).toBe(0);
  await page.close();
});

test('the administrators find traces by resource and record, read-only', async () => {
  const page = await loginPage(browser, 'admin.national');
  const filter = encodeURIComponent(JSON.stringify({ resource: 'pays', record: id }));
  await page.goto(page.url().replace(/#.*$/, `#/traces?filter=${filter}`));
  const rows = page.locator('table tbody tr');
  await rows.nth(1).waitFor({ timeout: 15_000 });
  expect(await rows.count()).toBe(2);
  expect(await page.getByRole('button', { name: /^(Créer|Supprimer)$/ }).count()).toBe(0);
  await rows.nth(0).click();
  await page.getByText('N° de trace').waitFor();
  expect(await page.getByRole('button', { name: /^(Éditer|Supprimer)$/ }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /^Éditer$/ }).count()).toBe(0);
  await page.close();
});

test('a page without tabs (agrément) shows the history under its fields', async () => {
  const [{ document_id: agrement }] = await sql(
    `SELECT a.document_id FROM agrements a JOIN agrements_centre_lnk l ON l.agrement_id = a.id JOIN centres c ON c.id = l.centre_id
      WHERE c.siret = $1 AND a.statut = 'DEMANDE' ORDER BY a.id LIMIT 1`,
    [DEMO_SIRETS.lyon],
  );
  const edited = await api(await login('dreets.ara')).put(`/api/ra/agrements/${agrement}`, { commentaire: `Relu le ${Date.now()}` });
  expect([edited.status, edited.body.error]).toEqual([200, undefined]);
  const page = await loginPage(browser, 'admin.national');
  await page.goto(page.url().replace(/#.*$/, `#/agrements/${agrement}/show`));
  const row = page.locator('table tbody tr', { hasText: 'dreets.ara' }).first();
  await row.waitFor({ timeout: 15_000 });
  expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/Modification.*Commentaire|Modification.*commentaire/);
  await page.close();
});
