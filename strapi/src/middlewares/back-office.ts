/**
 * Serves the react-admin back-office (admin-ui/dist) at "/", from the same origin as /api: no CORS.
 * Strapi's own public folder keeps its role (robots.txt); the API and /admin are left untouched.
 */
import path from 'node:path';
import serve from 'koa-static';
import type { Context, Next } from 'koa';

const DIST = process.env.CERES_BACK_OFFICE_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'admin-ui', 'dist');

export default () => {
  const serveDist = serve(DIST, { index: 'index.html', maxage: 0, gzip: false });
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api') || ctx.path.startsWith('/admin') || ctx.path.startsWith('/_health')) return next();
    return serveDist(ctx, next);
  };
};
