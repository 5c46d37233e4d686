#!/usr/bin/env node
// `npm start` on a fresh clone: installs what is missing, then hands over to the TypeScript launcher.
// Plain JavaScript on purpose: it runs before node_modules exists.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`CERES demande Node.js 20.19 ou plus récent (installé : ${process.versions.node}).`);
  process.exit(1);
}

// npm ci when node_modules is absent or older than the lockfile
const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  console.log('CERES : installation des dépendances (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

// LibreOffice renders the PDFs; Debian packages when we can install them, a clear message otherwise
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice || test -x /usr/lib/libreoffice/program/soffice.bin']).status === 0;
if (!hasSoffice) {
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = process.getuid?.() === 0;
  const packages = readFileSync(join(root, '.ci', 'debian-packages.txt'), 'utf8').split(/\s+/).filter(Boolean).join(' ');
  if (isDebian && isRoot) {
    console.log('CERES : installation de LibreOffice et des polices (apt)…');
    run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages}`);
  } else {
    console.warn(`CERES : LibreOffice est absent ; les PDF ne pourront pas être produits. Installez : ${packages}`);
  }
}

const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'ceres.ts'), 'start', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
