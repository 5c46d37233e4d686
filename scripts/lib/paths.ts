import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const STRAPI_DIR = path.join(ROOT, 'strapi');
export const STRAPI_DIST = path.join(STRAPI_DIR, 'dist');
export const ADMIN_UI_DIR = path.join(ROOT, 'admin-ui');
export const PLUGINS_DIR = path.join(ROOT, 'plugins');
/** local, git-ignored data: the embedded PostgreSQL cluster and generated files */
export const DATA_DIR = path.join(ROOT, '.data');
export const ENV_FILE = path.join(ROOT, '.env');
