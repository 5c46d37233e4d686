/** The back-office in a real Chromium: log in through the login page and open a list. */
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, login } from '../support/http';

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  const token = await login('admin.national');
  await api(token).post('/api/ra/pays', { codeInsee: '99998', nom: "Pays-d'Essai-Éloigné", libelleCog: "PAYS-D'ESSAI-ELOIGNE", nature: 'ANCIEN_ETAT' });
});

afterAll(async () => {
  await browser?.close();
  const token = await login('admin.national');
  const { body } = await api(token).get('/api/ra/pays?filter={"codeInsee":"99998"}');
  for (const record of body ?? []) await api(token).delete(`/api/ra/pays/${record.id}`);
});

test('a wrong password shows a French message on the login page', async () => {
  const page = await browser.newPage({ locale: 'fr-FR' });
  await page.goto(`${(await import('../support/http')).baseUrl()}/#/login`);
  await page.locator('input[name="username"]').fill('admin.national');
  await page.locator('input[name="password"]').fill('mauvais');
  await page.locator('button[type="submit"]').click();
  await page.getByText('Identifiant ou mot de passe incorrect.').waitFor({ timeout: 10_000 });
  await page.close();
});

test('an administrator logs in, opens the country list and searches without accents', async () => {
  const page = await loginPage(browser, 'admin.national');
  await page.goto(page.url().replace(/#.*$/, '#/pays'));
  await page.getByRole('columnheader', { name: 'Code INSEE' }).waitFor();
  await page.locator('input[name="q"]').fill('pays d essai eloigne');
  const cell = page.getByRole('cell', { name: "Pays-d'Essai-Éloigné" });
  await cell.waitFor({ timeout: 10_000 });
  expect(await cell.textContent()).toBe("Pays-d'Essai-Éloigné");
  await page.close();
});
