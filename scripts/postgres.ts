/**
 * Runs an embedded PostgreSQL in the foreground until SIGTERM/SIGINT — for a developer who wants a database
 * without the app, and for tests that must stop and restart one (they cannot load the ESM wrapper in jest).
 *   npx tsx scripts/postgres.ts [--data-dir DIR] [--port N]   → prints "DATABASE_URL=postgres://…" when ready
 */
import { startEmbeddedPostgres } from './lib/postgres';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const dataDir = option('--data-dir');
  const port = option('--port');
  const postgres = await startEmbeddedPostgres({ persistent: true, dataDir, port: port ? Number(port) : undefined });
  const stop = async () => {
    await postgres.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  console.log(`DATABASE_URL=${postgres.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
