/**
 * « Inscrire un candidat » in a real Chromium (issue #5 §2, issue #7 §3): the centre types the identity, the
 * national homonym search shows a person outside its scope by her identity only; the centre registers her, and
 * her record opens from the session. Then a new person: the search finds no one (or someone else), the centre
 * confirms a new person, gives the birth place, and creates and registers her in the same dialog.
 */
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { createSessionFixtures, removeSessionFixtures, sessionTitre, type SessionFixtures } from '../support/sessions-fixtures';

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;
let fx: SessionFixtures;
let sessionId: string;
let nom: string;

beforeAll(async () => {
  fx = await createSessionFixtures();
  nom = `Zzécrin${fx.suffix}`;
  browser = await openBrowser();
  const centre = api(await login('centre.lyon'));
  const session = await centre.post('/api/ra/sessions', sessionTitre(fx));
  expect(session.status).toBe(201);
  sessionId = session.body.id;
  // a person created and living in Paris: outside the Lyon centre's scope
  const paris = api(await login('ud.paris'));
  const created = await paris.post('/api/ra/candidats', {
    nomNaissance: nom,
    prenoms: ['Inès'],
    sexe: 'F',
    dateNaissance: '1992-07-08',
    communeNaissanceCode: '75056',
    communeNaissanceLibelle: 'Paris',
    codePostal: '75011',
    confirmationNouvellePersonne: true,
  });
  expect(created.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  const ours = await sql(`SELECT id, document_id FROM candidats WHERE nom_naissance LIKE $1`, [`${nom}%`]);
  fx?.candidats.push(...ours.map((c) => ({ id: c.id, documentId: c.document_id })));
  await removeSessionFixtures(fx);
  await sql(`DELETE FROM candidats WHERE nom_naissance LIKE $1`, [`${nom}%`]);
});

/** the session's Candidats tab, then the dialog with the identity typed */
async function ouvrirDialogue(identite: { nom: string; prenoms: string; date: string }) {
  await page.goto(`${baseUrl()}/#/sessions/${sessionId}/show/candidats`);
  await page.reload();
  await page.getByRole('button', { name: 'Inscrire un candidat' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="nomNaissance"]').fill(identite.nom);
  await dialog.locator('input[name="prenomsSaisis"]').fill(identite.prenoms);
  await dialog.locator('input[name="dateNaissance"]').fill(identite.date);
  await dialog.getByRole('button', { name: 'Rechercher les homonymes' }).click();
  return dialog;
}

test('the centre registers a person found outside its scope by the identity search; her record then opens', async () => {
  page = await loginPage(browser, 'centre.lyon');
  await page.getByRole('columnheader').first().waitFor({ timeout: 20_000 });
  // typed as the agent hears it: upper case, no accent
  const dialog = await ouvrirDialogue({ nom: nom.toUpperCase().replace('É', 'E'), prenoms: 'Ines', date: '1992-07-08' });
  const match = dialog.getByTestId('homonyme').filter({ hasText: `${nom.toUpperCase()} Inès — né(e) le 08/07/1992 à Paris (75)` });
  await match.waitFor({ timeout: 20_000 });
  await match.getByText('Hors de votre périmètre').waitFor();
  expect(await match.getByRole('link').count()).toBe(0);
  await match.getByRole('button', { name: 'Inscrire cette personne' }).click();
  await page.getByText('Candidat inscrit.').waitFor({ timeout: 20_000 });
  await dialog.waitFor({ state: 'detached' });
  // registered: in the centre's scope, her record opens from the session's list
  const ligne = page.getByRole('link', { name: `${nom.toUpperCase()} Inès — né(e) le 08/07/1992` });
  await ligne.waitFor({ timeout: 20_000 });
  await ligne.click();
  await page.getByTestId('bandeau-candidat').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('bandeau-candidat').innerText()).toContain('Née le 08/07/1992 à Paris (75)');
});

test('none of the matches is the person: the centre confirms a new person, gives the birth place, creates and registers her', async () => {
  const dialog = await ouvrirDialogue({ nom, prenoms: 'Inès, Julie', date: '1992-07-08' });
  // the person registered above is in scope now, and shown as such
  const match = dialog.getByTestId('homonyme').filter({ hasText: `${nom.toUpperCase()} Inès — né(e) le 08/07/1992` });
  await match.getByRole('link', { name: 'Voir la fiche' }).waitFor({ timeout: 20_000 });
  // no creation before the explicit confirmation
  expect(await dialog.getByRole('button', { name: 'Créer la personne et l’inscrire' }).count()).toBe(0);
  await dialog.getByRole('button', { name: /je confirme une nouvelle personne/ }).click();
  await dialog.getByRole('combobox', { name: 'Sexe' }).click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await dialog.locator('input[name="communeNaissanceCode"]').fill('69123');
  await dialog.locator('input[name="communeNaissanceLibelle"]').fill('Lyon');
  // the same name and birth date is already registered: the session's own homonym check asks for a confirmation
  await dialog.getByRole('button', { name: 'Créer la personne et l’inscrire' }).click();
  await page.getByText(/Un homonyme est déjà inscrit à cette session/).waitFor({ timeout: 20_000 });
  expect(await sql(`SELECT count(*)::int AS n FROM candidats WHERE nom_naissance = $1`, [nom])).toEqual([{ n: 1 }]);
  await dialog.getByRole('checkbox', { name: /Homonyme signalé parmi les inscrits/ }).check();
  await dialog.getByRole('button', { name: 'Créer la personne et l’inscrire' }).click();
  await page.getByText('Candidat inscrit.').waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: `${nom.toUpperCase()} Inès Julie — né(e) le 08/07/1992` }).waitFor({ timeout: 20_000 });
  const [cree] = await sql(`SELECT controle_homonymie FROM candidats WHERE nom_naissance = $1 AND prenoms::text LIKE '%Julie%'`, [nom]);
  expect(cree.controle_homonymie).toMatchObject({ decision: 'NOUVELLE_PERSONNE_CONFIRMEE', confirmePar: 'centre.lyon' });
  await page.close();
});
