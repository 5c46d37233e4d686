/**
 * "Liste des agréments" in Chromium: its headers (v1.8: centre, site, titre and code, start and end, status,
 * temporary authorisation) and the DREETS's decision showing the right message (v1.7: a wrong one was shown
 * when validating an agrément).
 */
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

jest.setTimeout(90_000);

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('the list of agréments shows its headers, French dates and whether a temporary authorisation applies', async () => {
  const page = await loginPage(browser, 'centre.lyon');
  try {
    await page.goto(page.url().replace(/#.*$/, '#/agrements'));
    for (const header of ['Centre', 'Site', 'Titre / CCS', 'Code', 'Début', 'Fin', 'Statut', 'Autorisation temporaire']) {
      await page.getByRole('columnheader', { name: header }).first().waitFor({ timeout: 20_000 });
    }
    // the seeded request of the Lyon centre is covered by a temporary authorisation in force
    // (other suites add agréments to the same centre before this one runs: look for the kind of row, not the first one)
    const cell = (name: string) => page.getByRole('cell', { name, exact: true });
    const demande = page.getByRole('row').filter({ hasText: 'Demandé' }).filter({ has: cell('Oui') }).first();
    await demande.waitFor({ timeout: 20_000 });
    const accorde = page.getByRole('row').filter({ hasText: 'Accordé' }).filter({ has: cell('Non') }).first();
    await accorde.waitFor({ timeout: 20_000 });
    expect(await accorde.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    // the centre sees only its own centre's agréments
    const rows = await page.getByRole('row').filter({ hasText: /Paris Formation|Nouméa/ }).count();
    expect(rows).toBe(0);
  } finally {
    await page.close();
  }
});

test('the DREETS grants a request and reads « Agrément accordé. »; the centre sees no decision button', async () => {
  const [centre] = await sql(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS.lyon]);
  const [site] = await sql(`SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id WHERE l.centre_id = (SELECT id FROM centres WHERE siret = $1) LIMIT 1`, [DEMO_SIRETS.lyon]);
  const [titre] = await sql(`SELECT document_id FROM titres WHERE date_fin_validite IS NULL OR date_fin_validite > now() + interval '2 years' ORDER BY code LIMIT 1`);
  const created = await api(await login('centre.lyon')).post('/api/ra/agrements', { centre: centre.document_id, site: site.document_id, titre: titre.document_id, dateDebut: day(20), dateFin: day(300) });
  expect(created.status).toBe(201);

  const centrePage = await loginPage(browser, 'centre.lyon');
  try {
    await centrePage.goto(centrePage.url().replace(/#.*$/, `#/agrements/${created.body.id}/show`));
    await centrePage.getByText('Demandé').first().waitFor({ timeout: 20_000 });
    expect(await centrePage.getByRole('button', { name: 'Accorder' }).count()).toBe(0);
  } finally {
    await centrePage.close();
  }

  const page = await loginPage(browser, 'dreets.ara');
  try {
    await page.goto(page.url().replace(/#.*$/, `#/agrements/${created.body.id}/show`));
    const accorder = page.getByRole('button', { name: 'Accorder' });
    await accorder.waitFor({ timeout: 20_000 });
    await accorder.click();
    await page.getByText('Agrément accordé.').waitFor({ timeout: 20_000 });
    expect(await page.getByText(/refusée|retiré/).count()).toBe(0);
    await page.getByText('Accordé').first().waitFor({ timeout: 20_000 });
    // decided: granting again is no longer offered, withdrawing is
    await page.getByRole('button', { name: 'Retirer' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Accorder' }).count()).toBe(0);
  } finally {
    await page.close();
  }
  const [row] = await sql(`SELECT statut FROM agrements WHERE document_id = $1`, [created.body.id]);
  expect(row.statut).toBe('ACCORDE');
});
