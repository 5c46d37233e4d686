/** The demo seed refuses to run in production: no demo centre, agrément, account nor session, only a warning. */
import { seedDemoOrganisations } from './demo-organisations';
import { seedDemoUsers } from './demo-users';
import { seedDemoSessions } from './demo-sessions';

test.each([
  ['organisations', seedDemoOrganisations],
  ['users', seedDemoUsers],
  ['sessions', seedDemoSessions],
])('demo %s: nothing written when NODE_ENV=production', async (_name, seedDemo) => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const warnings: string[] = [];
  const touched: string[] = [];
  const strapi = new Proxy(
    { log: { warn: (message: string) => warnings.push(message) } },
    { get: (target, key) => (key in target ? target[key as 'log'] : (touched.push(String(key)), () => { throw new Error(`strapi.${String(key)} used in production`); })) },
  );
  try {
    await seedDemo(strapi as never);
  } finally {
    process.env.NODE_ENV = previous;
  }
  expect(touched).toEqual([]);
  expect(warnings).toEqual([expect.stringMatching(/NODE_ENV=production/)]);
});
