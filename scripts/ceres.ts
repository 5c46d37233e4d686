/**
 * CERES launcher.
 *   start  — embedded PostgreSQL (or DATABASE_URL), build what is stale, seed, serve on :1337
 *   serve  — serve the already-built app against DATABASE_URL (used by the test suite)
 */
import { ensureSecrets } from './lib/secrets';
import { startEmbeddedPostgres, type RunningPostgres } from './lib/postgres';
import { build } from './lib/build';
import { startStrapi } from './lib/server';

async function main() {
  const command = process.argv[2] ?? 'start';
  ensureSecrets();
  let postgres: RunningPostgres | undefined;
  const stops: (() => Promise<unknown>)[] = [];
  const shutdown = async (code = 0) => {
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  if (command === 'start') {
    build({ adminPanel: process.env.CERES_SKIP_ADMIN_PANEL !== 'true' });
    if (!process.env.DATABASE_URL) {
      postgres = await startEmbeddedPostgres({ persistent: true, port: 54329 });
      stops.push(postgres.stop);
      process.env.DATABASE_URL = postgres.url;
      console.log(`CERES : PostgreSQL embarqué sur le port ${postgres.port} (données dans ${postgres.dataDir})`);
    }
  } else if (command !== 'serve') {
    console.error(`Commande inconnue : ${command} (start | serve)`);
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL manquant');

  const app = await startStrapi();
  stops.push(() => app.destroy());
  if (command === 'start') {
    const { printWelcome } = await import('./lib/welcome');
    printWelcome(app.config.get('server.port') as number);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
