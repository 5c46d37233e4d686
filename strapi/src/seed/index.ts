/**
 * Idempotent seeding, run at every start: referentials are upserted from the data files shipped in
 * the repository; demo data only outside production.
 */
import type { Core } from '@strapi/strapi';
import { seedDemoUsers } from './demo-users';
import { seedDemoJurys } from './demo-jurys';
import { seedDemoOrganisations } from './demo-organisations';
import { seedReferentielsInStrapi } from './referentiels';
import { seedDemoCandidats } from './demo-candidats';
import { seedDemoSessions } from './demo-sessions';

export async function seed(strapi: Core.Strapi) {
  const started = Date.now();
  await seedReferentielsInStrapi(strapi);
  await seedDemoOrganisations(strapi); // before the users: the centre users are linked to their centres
  await seedDemoUsers(strapi);
  await seedDemoJurys(strapi); // after the organisations: habilitations on the demo centres' titles
  await seedDemoCandidats(strapi);
  await seedDemoSessions(strapi); // last: sessions of the demo centres, with demo candidates and jurors
  strapi.log.info(`CERES : données initialisées en ${Date.now() - started} ms`);
}
