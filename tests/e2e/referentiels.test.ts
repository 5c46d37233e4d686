/** Referentials in the back-office (real Chromium): exact typography from the data package to the screen, search, read-only profiles. */
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const open = async (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, `#${hash}`));

test.each([
  ['l hay les roses', "L'Haÿ-les-Roses", '94 Val-de-Marne'],
  ['SAINT ETIENNE DU ROUVRAY', 'Saint-Étienne-du-Rouvray', '76 Seine-Maritime'],
  ['ile de batz', 'Île-de-Batz', '29 Finistère'],
])('searching communes for "%s" shows %s exactly, with its département', async (q, nom, departement) => {
  const page = await loginPage(browser, 'admin.national');
  await open(page, '/communes');
  await page.getByRole('columnheader', { name: 'Code INSEE' }).waitFor();
  await page.locator('input[name="q"]').fill(q);
  const cell = page.getByRole('cell', { name: nom, exact: true });
  await cell.waitFor({ timeout: 15_000 });
  expect(await cell.textContent()).toBe(nom);
  await cell.click();
  await page.getByText(departement, { exact: true }).waitFor({ timeout: 10_000 });
  await page.close();
});

test('a title shows its CCPs; a read-only profile sees no create button', async () => {
  const page = await loginPage(browser, 'lecture');
  await open(page, '/titres');
  await page.getByRole('columnheader', { name: 'Intitulé' }).waitFor();
  await page.locator('input[name="q"]').fill('dwwm');
  // the search answers both versions of the title (2018 and 2023) and nothing else
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2, undefined, { timeout: 15_000 });
  const rows = page.getByRole('cell', { name: 'Développeur web et web mobile', exact: true });
  expect(await rows.count()).toBe(2);
  expect(await page.getByRole('link', { name: 'Créer' }).count()).toBe(0);
  await rows.first().click();
  await page.getByRole('tab', { name: 'CCP' }).click();
  await page.getByText(/Développer la partie front-end d'une application web/).waitFor({ timeout: 10_000 });
  await page.close();
  // the same list offers creation to the national administrator
  const adminPage = await loginPage(browser, 'admin.national');
  await open(adminPage, '/titres');
  await adminPage.getByRole('link', { name: 'Créer' }).waitFor({ timeout: 10_000 });
  await adminPage.close();
});
