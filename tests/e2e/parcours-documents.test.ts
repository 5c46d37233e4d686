/**
 * Issue #5 §3 in a real Chromium: the « Parcours » tab of a candidate lists, after the title result, the
 * parchemin issued (number, date JJ/MM/AAAA and place of issue) and its reissue with its reason, and links to
 * the « Éditions » screen filtered on this candidate.
 */
import type { Browser } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { sql } from '../support/db';
import { api, login } from '../support/http';
import { createSessionValidee, removeSessionValidee, type SessionValidee } from '../support/resultats-fixtures';

jest.setTimeout(180_000);

let browser: Browser;
let fx: SessionValidee;
const jjmmaaaa = (iso: string) => iso.split('-').reverse().join('/');

beforeAll(async () => {
  browser = await openBrowser();
  fx = await createSessionValidee('Zzparcours-Ecran');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await removeSessionValidee(fx);
});

test('the parcours shows the parchemin, its reissue with the reason, and opens the candidate’s editions', async () => {
  const ud = api(await login('ud.rhone'));
  expect((await ud.post(`/api/ra/sessions/${fx.session.documentId}/delivrerParchemins`, {})).status).toBe(200);
  expect((await ud.post(`/api/ra/inscriptions/${fx.inscriptions[0].documentId}/reediterParchemin`, { motif: 'Perte de l’original' })).status).toBe(200);
  const [row] = await sql(`SELECT numero, to_char(date_delivrance, 'YYYY-MM-DD') AS date, lieu_delivrance AS lieu FROM documents_delivrances WHERE objet = $1`, [`inscription:${fx.inscriptions[0].documentId}`]);

  const page = await loginPage(browser, 'ud.rhone');
  await page.goto(page.url().replace(/#.*$/, `#/candidats/${fx.laureate.documentId}/show/parcours`));
  const delivre = page.getByRole('row').filter({ hasText: `N° ${row.numero}, délivré le ${jjmmaaaa(row.date)} à ${row.lieu} (réédité 1 fois)` });
  await delivre.waitFor({ timeout: 20_000 });
  expect(await delivre.innerText()).toContain('Parchemin du titre professionnel');
  expect(await delivre.innerText()).toContain(`session ${fx.numeroSession}`);
  const reedition = page.getByRole('row').filter({ hasText: /Réédition — N°/ });
  expect(await reedition.innerText()).toContain(`Réédition — N° ${row.numero}, délivré le ${jjmmaaaa(row.date)} à ${row.lieu}. Motif : Perte de l’original`);
  // time order: the title result (jury's day) comes first, then the issue, then the reissue
  const lignes = await page.getByRole('row').allInnerTexts();
  const ordre = [lignes.findIndex((l) => l.includes('Résultat titre')), lignes.findIndex((l) => l.includes('Délivré')), lignes.findIndex((l) => l.includes('Réédité'))];
  expect(ordre.every((i) => i > 0)).toBe(true);
  expect([...ordre].sort((a, b) => a - b)).toEqual(ordre);

  await page.getByRole('link', { name: 'Éditions de ce candidat (journal)' }).click();
  await page.waitForURL(/#\/editions\?/, { timeout: 20_000 });
  expect(decodeURIComponent(page.url())).toContain(`"candidat":"${fx.laureate.documentId}"`);
  await page.getByRole('cell', { name: row.numero }).first().waitFor({ timeout: 20_000 });
  expect(await page.getByRole('cell', { name: row.numero }).count()).toBe(2);
  await page.close();
});
