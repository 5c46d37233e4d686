/**
 * Uploaded files (supporting documents of equivalence requests…) are personal data: Strapi's upload plugin
 * writes them under public/uploads, which strapi::public would serve to anyone knowing the file name.
 * They are read only through the bridge, after its profile and territory checks.
 */
import type { Context, Next } from 'koa';

export default () => async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith('/uploads/') || ctx.path === '/uploads') {
    ctx.status = 404;
    ctx.body = { error: { status: 404, message: 'Ressource introuvable.' } };
    return;
  }
  return next();
};
