/**
 * An equivalence request in a real Chromium (newsletter v1.6, v1.7 "présentation de la PJ"): from the
 * candidate record's "…" menu, the request is recorded, a PDF is attached and previewed in the
 * back-office, then the UD grants it and the candidate's path shows the CCP held by equivalence.
 */
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, login } from '../support/http';
import { sql } from '../support/db';

let browser: Browser;
let candidat: string;

beforeAll(async () => {
  browser = await openBrowser();
  const rhone = api(await login('ud.rhone'));
  const created = await rhone.post('/api/ra/candidats', {
    nomNaissance: 'Zzéquivalence',
    prenoms: ['Hugo'],
    sexe: 'M',
    dateNaissance: '1988-04-04',
    communeNaissanceCode: '69123',
    communeNaissanceLibelle: 'Lyon',
    codePostal: '69002',
    confirmationNouvellePersonne: true,
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  candidat = created.body.id;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  const where = `IN (SELECT l.{own} FROM {table} l JOIN candidats c ON c.id = l.candidat_id WHERE c.nom_naissance = 'Zzéquivalence')`;
  await sql(`DELETE FROM evenements_parcours WHERE id ${where.replace('{own}', 'evenement_parcours_id').replace('{table}', 'evenements_parcours_candidat_lnk')}`);
  await sql(`DELETE FROM demandes_equivalence WHERE id ${where.replace('{own}', 'demande_equivalence_id').replace('{table}', 'demandes_equivalence_candidat_lnk')}`);
  await sql(`DELETE FROM candidats WHERE nom_naissance = 'Zzéquivalence'`);
});

test('record a request from the … menu, attach and preview a PDF, grant it: the path is updated', async () => {
  const page = await loginPage(browser, 'ud.rhone');
  await page.goto(page.url().replace(/#.*$/, `#/candidats/${candidat}/show`));
  await page.getByTestId('bandeau-candidat').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Autres actions' }).click();
  await page.getByRole('menuitem', { name: 'Enregistrer une demande d’équivalence/correspondance' }).click();

  // the candidate comes prefilled from the record
  await page.waitForURL(/demandes-equivalence\/create/, { timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Type de demande' }).click();
  await page.getByRole('option', { name: /Équivalence externe/ }).click();
  await page.getByRole('combobox', { name: 'Règle appliquée' }).fill('RS5368');
  await page.getByRole('option', { name: /RS5368/ }).first().click();
  await page.locator('input[name="certificationExterne"]').fill('CCE Exercer le rôle de tuteur en entreprise');
  await page.getByRole('combobox', { name: 'CCP demandés' }).fill('CP-MATU-1');
  await page.getByRole('option', { name: /CP-MATU-1/ }).first().click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  // the request's page: attach a PDF, preview it
  await page.getByText('Pièces justificatives').waitFor({ timeout: 20_000 });
  await page.locator('input[type="file"]').setInputFiles({ name: 'attestation-tuteur.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await page.getByText('attestation-tuteur.pdf').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Voir' }).click();
  const apercu = page.locator('iframe[title="attestation-tuteur.pdf"]');
  await apercu.waitFor({ timeout: 20_000 });
  expect(await apercu.getAttribute('src')).toMatch(/^blob:/);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Accorder' }).click();
  await page.getByText('Équivalence accordée : le parcours du candidat est mis à jour.').waitFor({ timeout: 20_000 });
  await page.getByText('Accordée').first().waitFor();

  await page.goto(page.url().replace(/#.*$/, `#/candidats/${candidat}/show/parcours`));
  await page.getByText(/Oui, par équivalence/).first().waitFor({ timeout: 20_000 });
  await page.close();
});
