/**
 * One error shape for the back-office: { error: { status, field?, message } }, in French, never a
 * stack trace. Placed right inside strapi::errors (config/middlewares.ts) for /api/ra and /api/auth.
 */
import type { Context, Next } from 'koa';
import { BridgeError } from '../domain/errors';

const FRENCH_BY_STATUS: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise : veuillez vous connecter.',
  403: 'Action non autorisée pour votre profil.',
  404: 'Ressource introuvable.',
  405: 'Méthode non autorisée.',
  409: 'Conflit : l’enregistrement a changé entre-temps.',
  413: 'La requête est trop volumineuse.',
  415: 'Type de contenu non pris en charge.',
  429: 'Trop de tentatives : réessayez dans une minute.',
  503: 'Service momentanément indisponible : la base de données ne répond pas. Réessayez dans un instant.',
};

const KNOWN_MESSAGES: Record<string, string> = {
  'Invalid identifier or password': 'Identifiant ou mot de passe incorrect.',
  'Your account has been blocked by an administrator': 'Votre compte a été bloqué par un administrateur.',
  'Missing or invalid credentials': 'Authentification requise : veuillez vous connecter.',
  'Invalid credentials': 'Identifiant ou mot de passe incorrect.',
  'Too many requests, please try again later.': 'Trop de tentatives : réessayez dans une minute.',
  'Invalid refresh token': 'Session expirée : veuillez vous reconnecter.',
  'Forbidden': 'Action non autorisée pour votre profil.',
};

function isDatabaseDown(error: unknown) {
  const e = error as { code?: string; message?: string; name?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', 'ETIMEDOUT'].includes(e?.code ?? '') ||
    /Knex: Timeout acquiring a connection|Connection terminated|connect ECONNREFUSED/.test(e?.message ?? '')
  );
}

const STATUS_BY_NAME: Record<string, number> = {
  ValidationError: 400,
  YupValidationError: 400,
  ApplicationError: 400,
  PaginationError: 400,
  UnauthorizedError: 401,
  ForbiddenError: 403,
  PolicyError: 403,
  NotFoundError: 404,
  PayloadTooLargeError: 413,
  RateLimitError: 429,
  NotImplementedError: 501,
};

type StrapiErrorBody = { data: null; error: { status: number; name?: string; message?: string } };
const isStrapiErrorBody = (body: unknown): body is StrapiErrorBody =>
  typeof body === 'object' && body !== null && 'error' in body && 'data' in body && (body as StrapiErrorBody).data === null;

function translate(ctx: Context, error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  // a workflow plugin's error with a French message for the agent (it cannot import BridgeError at run time)
  const foreign = error as { ceresBridgeError?: boolean; status?: number; message?: string; field?: string };
  if (foreign?.ceresBridgeError === true && typeof foreign.status === 'number' && foreign.message) return new BridgeError(foreign.status, foreign.message, foreign.field);
  if (isDatabaseDown(error)) return new BridgeError(503, FRENCH_BY_STATUS[503]);
  const e = error as { status?: number; statusCode?: number; name?: string; message?: string };
  const status = e.status ?? e.statusCode ?? STATUS_BY_NAME[e.name ?? ''] ?? 500;
  // Strapi answers 403 to an anonymous call (public role): to the back-office it means "log in"
  if (status === 403 && !ctx.state.user && ctx.path.startsWith('/api/ra')) return new BridgeError(401, FRENCH_BY_STATUS[401]);
  if (status >= 500) {
    (ctx as unknown as { app: { emit: (...args: unknown[]) => void } }).app.emit('error', error, ctx);
    return new BridgeError(500, 'Erreur interne : l’incident a été enregistré. Réessayez ou contactez l’assistance.');
  }
  if (status === 401) return new BridgeError(401, KNOWN_MESSAGES[e.message ?? ''] ?? FRENCH_BY_STATUS[401]);
  // the login form's own validation (missing or malformed fields) speaks English: say what to do instead
  if (status === 400 && !KNOWN_MESSAGES[e.message ?? ''] && ctx.path === '/api/auth/local') {
    return new BridgeError(400, 'Saisissez votre identifiant et votre mot de passe.');
  }
  return new BridgeError(status, KNOWN_MESSAGES[e.message ?? ''] ?? FRENCH_BY_STATUS[status] ?? 'Requête invalide.');
}

export default () => async (ctx: Context, next: Next) => {
  if (!ctx.path.startsWith('/api/ra') && !ctx.path.startsWith('/api/auth')) return next();
  let answer: BridgeError | undefined;
  try {
    await next();
    // Strapi's auth layer answers with ctx.forbidden()/ctx.unauthorized() rather than throwing
    if (isStrapiErrorBody(ctx.body)) answer = translate(ctx, { status: ctx.status, name: ctx.body.error.name, message: ctx.body.error.message });
    else if (ctx.status === 404 && ctx.body === undefined) answer = new BridgeError(404, 'Ressource introuvable.');
  } catch (error) {
    answer = translate(ctx, error);
  }
  if (answer) {
    ctx.status = answer.status;
    ctx.body = answer.toBody();
  }
};
