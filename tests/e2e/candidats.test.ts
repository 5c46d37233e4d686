/**
 * The candidate screens in a real Chromium: creation goes through the homonym control (v1.7) — search,
 * then explicit confirmation of a new person — and the record's banner shows the birth commune as entered,
 * with its département (v1.8: a wrong commune was shown); a second entry of the same person is flagged.
 */
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { sql } from '../support/db';

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sql(`DELETE FROM candidats WHERE nom_naissance LIKE 'Zzécran%'`);
});

async function remplirIdentite(page: Page) {
  await page.goto(page.url().replace(/#.*$/, '#/candidats/create'));
  await page.locator('input[name="nomNaissance"]').fill('Zzécran');
  await page.locator('input[name="prenomsSaisis"]').fill('Léa, Marie');
  await page.locator('input[name="dateNaissance"]').fill('1990-05-06');
  await page.getByRole('combobox', { name: 'Sexe' }).click();
  await page.getByRole('option', { name: 'Femme' }).click();
}

test('create through the homonym control; the banner shows the birth commune as entered', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await remplirIdentite(page);
  await page.getByRole('button', { name: 'Rechercher les homonymes' }).click();
  await page.getByText('Aucun candidat connu ne correspond.').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: /je confirme une nouvelle personne/ }).click();
  await page.locator('input[name="communeNaissanceCode"]').fill('94038');
  await page.locator('input[name="communeNaissanceLibelle"]').fill("L'Haÿ-les-Roses");
  await page.locator('input[name="codePostal"]').fill('69003');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const bandeau = page.getByTestId('bandeau-candidat');
  await bandeau.waitFor({ timeout: 20_000 });
  expect(await bandeau.innerText()).toContain("Née le 06/05/1990 à L'Haÿ-les-Roses (94)");
  expect(await bandeau.innerText()).toContain('ZZÉCRAN Léa Marie');
  await page.getByRole('tab', { name: 'Parcours' }).click();
  await page.getByText('Titres et CCP').waitFor({ timeout: 20_000 });
  await page.close();
});

test('entering the same person again shows the match and cannot save without a decision', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await remplirIdentite(page);
  await page.getByRole('button', { name: 'Rechercher les homonymes' }).click();
  await page.getByText(/ZZÉCRAN Léa Marie — né\(e\) le 06\/05\/1990 à L'Haÿ-les-Roses \(94\)/).waitFor({ timeout: 20_000 });
  await page.getByText(/Identique/).first().waitFor();
  await page.getByRole('link', { name: /ouvrir sa fiche/ }).first().waitFor();
  // a confirmation given, then the identity retyped: the confirmation is withdrawn
  await page.getByRole('button', { name: /je confirme une nouvelle personne/ }).click();
  await page.getByRole('button', { name: 'Nouvelle personne confirmée' }).waitFor();
  await page.locator('input[name="nomNaissance"]').fill('Zzécrann');
  await page.locator('input[name="nomNaissance"]').fill('Zzécran');
  await page.getByRole('button', { name: 'Nouvelle personne confirmée' }).waitFor({ state: 'detached', timeout: 10_000 });
  await page.getByRole('button', { name: 'Rechercher les homonymes' }).click();
  await page.getByText(/Identique/).first().waitFor({ timeout: 20_000 });
  // saving without confirming is refused by the server, with its French message
  await page.locator('input[name="communeNaissanceCode"]').fill('94038');
  await page.locator('input[name="communeNaissanceLibelle"]').fill("L'Haÿ-les-Roses");
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(/Contrôle d’homonymie : recherchez d’abord les homonymes/).waitFor({ timeout: 20_000 });
  expect(await sql(`SELECT count(*)::int AS n FROM candidats WHERE nom_naissance = 'Zzécran'`)).toEqual([{ n: 1 }]);
  await page.close();
});
