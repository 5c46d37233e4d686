/**
 * Strapi will not start without its secrets. A clean clone has none: the first start generates them
 * into the git-ignored .env; the environment always wins over the file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ENV_FILE } from './paths';

const SECRET_NAMES = ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'] as const;
const token = () => randomBytes(24).toString('base64');

export function generateSecrets(): Record<string, string> {
  const secrets: Record<string, string> = { APP_KEYS: [token(), token(), token(), token()].join(',') };
  for (const name of SECRET_NAMES) secrets[name] = token();
  return secrets;
}

function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return values;
}

/** Loads .env into process.env (without overriding), creating it with fresh secrets when missing. */
export function ensureSecrets(file = ENV_FILE): void {
  let values = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  const missing = ['APP_KEYS', ...SECRET_NAMES].filter((name) => !values[name] && !process.env[name]);
  if (missing.length) {
    const fresh = generateSecrets();
    for (const name of missing) values[name] = fresh[name];
    const body = Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n');
    writeFileSync(file, `# Secrets locaux générés par CERES au premier démarrage — ne jamais versionner.\n${body}\n`, { mode: 0o600 });
  }
  for (const [name, value] of Object.entries(values)) if (process.env[name] === undefined) process.env[name] = value;
}
