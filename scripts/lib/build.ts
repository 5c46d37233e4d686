/**
 * Builds what is stale: the local plugins (tsc -b, incremental), the Strapi server (tsc), the
 * back-office SPA (vite) and — for `npm start` only — Strapi's admin panel (≈ 55 s, skipped in tests).
 */
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_UI_DIR, PLUGINS_DIR, ROOT, STRAPI_DIR, STRAPI_DIST } from './paths';

const run = (command: string, cwd = ROOT) => execSync(command, { cwd, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });

function fingerprint(paths: string[]): string {
  const hash = createHash('sha1');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (!['node_modules', 'dist', '.cache'].includes(entry)) walk(path.join(p, entry));
    } else hash.update(`${p}:${stat.size}:${stat.mtimeMs}`);
  };
  paths.forEach(walk);
  return hash.digest('hex');
}

function stale(stamp: string, inputs: string[]): { isStale: boolean; save: () => void } {
  const current = fingerprint(inputs);
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  return { isStale: current !== previous, save: () => writeFileSync(stamp, current) };
}

export function pluginNames(): string[] {
  return readdirSync(PLUGINS_DIR).filter((name) => existsSync(path.join(PLUGINS_DIR, name, 'tsconfig.json')));
}

export function build(options: { adminPanel: boolean }) {
  const started = Date.now();
  const plugins = pluginNames().map((name) => path.join('plugins', name));
  if (plugins.length) run(`npx tsc -b ${plugins.join(' ')}`);

  if (options.adminPanel) {
    const panel = stale(path.join(STRAPI_DIR, '.strapi-admin.stamp'), [path.join(ROOT, 'package-lock.json'), path.join(STRAPI_DIR, 'config', 'admin.ts')]);
    if (panel.isStale || !existsSync(path.join(STRAPI_DIST, 'build', 'index.html'))) {
      console.log('CERES : construction du panneau d’administration Strapi (≈ 1 min, une seule fois)…');
      run('npx strapi build --minify', STRAPI_DIR);
      panel.save();
    }
  }
  // server: tsc is incremental; it also type-checks the app
  run('npx tsc -p tsconfig.json', STRAPI_DIR);

  const ui = stale(path.join(ADMIN_UI_DIR, 'dist', '.stamp'), [path.join(ADMIN_UI_DIR, 'src'), path.join(ADMIN_UI_DIR, 'index.html'), path.join(ADMIN_UI_DIR, 'vite.config.ts')]);
  if (ui.isStale || !existsSync(path.join(ADMIN_UI_DIR, 'dist', 'index.html'))) {
    run('npx vite build --logLevel warn', ADMIN_UI_DIR);
    ui.save();
  }
  console.log(`CERES : construction terminée en ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
