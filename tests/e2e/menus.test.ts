/**
 * Each profile logs in through the login page and sees its own menu: exactly the back-office resources its
 * profile may list according to the server's matrix — no more (hidden, not merely refused) and no less.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loginPage, openBrowser } from '../support/browser';
import { isAllowed } from '../../plugins/bridge/server/src/domain/permissions';
import type { Profile } from '../../plugins/bridge/server/src/domain/access';

jest.setTimeout(90_000);

/** the resources the back-office declares (<Resource name="…">), read from its source */
const APP_RESOURCES = [...readFileSync(path.resolve(__dirname, '../../admin-ui/src/App.tsx'), 'utf8').matchAll(/<Resource\s+name="([^"]+)"/g)].map((m) => m[1]);

const PROFILES: [string, Profile, { shows: string[]; hides: string[] }][] = [
  ['admin.national', 'ADMIN_NATIONAL', { shows: ['Centres', 'Agréments', 'Contrôles'], hides: [] }],
  ['dreets.ara', 'DREETS', { shows: ['Centres', 'Agréments', 'Autorisations temporaires', 'Contrôles'], hides: [] }],
  ['ud.rhone', 'UD', { shows: ['Centres', 'Agréments', 'Contrôles'], hides: [] }],
  ['centre.lyon', 'CENTRE', { shows: ['Centres', 'Sites / plateaux techniques', 'Agréments', 'Autorisations temporaires'], hides: ['Contrôles'] }],
  ['nc.dfpc', 'NOUVELLE_CALEDONIE', { shows: ['Centres', 'Agréments', 'Contrôles'], hides: [] }],
  ['afpa.dte', 'AFPA', { shows: ['Centres'], hides: ['Agréments', 'Autorisations temporaires', 'Contrôles'] }],
  ['lecture', 'LECTURE', { shows: ['Centres', 'Agréments', 'Contrôles'], hides: [] }],
];

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const menuLinks = (page: Page) => page.locator('a.RaMenuItemLink-root[href^="#/"]');

/** resources whose list page the back-office certainly has: these must be in the menu exactly when allowed */
const WITH_LIST = ['pays', 'centres', 'sites', 'agrements', 'autorisations-temporaires', 'controles'];

test.each(PROFILES)('%s (%s) sees its menu', async (username, profile, { shows, hides }) => {
  const page = await loginPage(browser, username);
  try {
    const expected = WITH_LIST.filter((resource) => isAllowed(profile, resource, 'list'));
    for (const resource of expected) await page.locator(`a.RaMenuItemLink-root[href="#/${resource}"]`).waitFor({ timeout: 20_000 });
    const shown = (await menuLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(2)))).filter((r) => APP_RESOURCES.includes(r));
    // no more: every resource in the menu may be listed by this profile (server matrix)
    expect(shown.filter((resource) => !isAllowed(profile, resource, 'list'))).toEqual([]);
    // no less: the organisation pages the profile may list are all there
    expect(shown.filter((resource) => WITH_LIST.includes(resource)).sort()).toEqual([...expected].sort());
    const labels = (await menuLinks(page).allTextContents()).map((t) => t.trim());
    for (const label of shows) expect(labels).toContain(label);
    for (const label of hides) expect(labels).not.toContain(label);
  } finally {
    await page.close();
  }
});

test('a hidden resource is not reachable by URL either: the back-office shows an access denial, not the list', async () => {
  const page = await loginPage(browser, 'afpa.dte');
  try {
    await page.goto(page.url().replace(/#.*$/, '#/agrements'));
    await page.getByText(/non autorisé|pas autorisé|Accès refusé|autorisation/i).first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('columnheader', { name: 'Statut' }).count()).toBe(0);
  } finally {
    await page.close();
  }
});
