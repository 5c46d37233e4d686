/**
 * npm run backup [-- --output <file.dump | folder>] [other pg_dump options]
 * Dumps the CERES database (DATABASE_URL, or the embedded cluster) in pg_dump's custom format into
 * .data/backups/ceres-<date>.dump by default. See docs/operations.md.
 */
import { dumpDatabase, OperationError, redact, withDatabase, BACKUP_DIR } from './lib/backup';

async function main() {
  const args = process.argv.slice(2);
  let output = BACKUP_DIR;
  const extra: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--output' || args[i] === '-o') output = args[++i];
    else if (args[i].startsWith('--output=')) output = args[i].slice('--output='.length);
    else extra.push(args[i]);
  }
  if (!output) throw new OperationError('--output attend un fichier .dump ou un dossier.');
  await withDatabase(async (url, where) => {
    console.log(`CERES : sauvegarde de ${redact(url)} (${where})…`);
    const file = dumpDatabase(url, output, extra);
    console.log(`CERES : sauvegarde écrite : ${file}`);
  });
}

main().catch((error) => {
  console.error(error instanceof OperationError ? `CERES : ${error.message}` : error);
  process.exit(1);
});
