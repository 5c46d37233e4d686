/** Playwright (playwright-core) driving Debian's chromium against the test server (a fresh profile per launch). */
import { chromium, type Browser, type Page } from 'playwright-core';
import { baseUrl } from './http';
import { DEMO_PASSWORD } from '../../strapi/src/seed/demo-users';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens the back-office and logs in through the login page, as an agent would. */
export async function loginPage(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await page.goto(`${baseUrl()}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 20_000 });
  return page;
}
