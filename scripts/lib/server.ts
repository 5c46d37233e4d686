/** Starts the compiled Strapi app in this process and stops it (and LibreOffice, PostgreSQL) cleanly. */
import { createStrapi } from '@strapi/strapi';
import { STRAPI_DIR, STRAPI_DIST } from './paths';

export async function startStrapi() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const app = createStrapi({ appDir: STRAPI_DIR, distDir: STRAPI_DIST });
  // a stray rejection (a library's background promise) is logged, never allowed to take the server down
  process.on('unhandledRejection', (reason) => app.log.error(`Promesse rejetée non traitée : ${(reason as Error)?.stack ?? String(reason)}`));
  await app.start();
  return app;
}
