/** Starts the compiled Strapi app in this process and stops it (and LibreOffice, PostgreSQL) cleanly. */
import { createStrapi } from '@strapi/strapi';
import { STRAPI_DIR, STRAPI_DIST } from './paths';

export async function startStrapi() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const app = createStrapi({ appDir: STRAPI_DIR, distDir: STRAPI_DIST });
  await app.start();
  return app;
}
