/**
 * npm run restore -- <file.dump> [--new-database <name>] [other pg_restore options]
 * Restores a backup made by `npm run backup` into an EMPTY database: DATABASE_URL, the embedded cluster
 * (a fresh one when .data/postgres does not exist), or with --new-database a database created for it on
 * the same server. Refuses a database that already has tables. See docs/operations.md.
 */
import path from 'node:path';
import { createDatabase, OperationError, redact, restoreDatabase, withDatabase } from './lib/backup';

async function main() {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let newDatabase: string | undefined;
  const extra: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--new-database') newDatabase = args[++i];
    else if (args[i].startsWith('--new-database=')) newDatabase = args[i].slice('--new-database='.length);
    else if (!args[i].startsWith('-') && !file) file = args[i];
    else extra.push(args[i]);
  }
  if (!file) throw new OperationError('Indiquez la sauvegarde à restaurer : npm run restore -- .data/backups/ceres-<date>.dump');
  const dump = path.resolve(file);
  await withDatabase(async (url, where) => {
    const target = newDatabase ? await createDatabase(url, newDatabase) : url;
    console.log(`CERES : restauration de ${dump} dans ${redact(target)} (${newDatabase ? 'nouvelle base' : where})…`);
    await restoreDatabase(target, dump, extra);
    console.log('CERES : restauration terminée.');
    if (newDatabase) console.log(`CERES : pour servir cette base : DATABASE_URL=${redact(target)} npm start (mot de passe : celui du serveur)`);
  });
}

main().catch((error) => {
  console.error(error instanceof OperationError ? `CERES : ${error.message}` : error);
  process.exit(1);
});
