/**
 * Builds the Principal (profile + territory) of the authenticated users-permissions user.
 * The profile is the role's type; the territory comes from the scope stored on the user.
 */
import type { Core } from '@strapi/strapi';
import { PROFILES, territoryOf, type Principal, type Profile } from '../domain/access';
import { BridgeError } from '../domain/errors';

export interface AuthenticatedUser {
  id: number;
  username: string;
  email: string;
  blocked?: boolean;
  confirmed?: boolean;
  role?: { id?: number; type?: string; name?: string };
}

interface Scope {
  centreIds: number[];
  departementCodes: string[];
  regionCodes: string[];
}

/**
 * What the bridge's authentication (services/auth.ts) read about this very user object during this call,
 * in the same statement as the account itself: the session's state and the scope. Keyed by the request's
 * user object, so it lives exactly as long as the request — never a cache across calls.
 */
const authenticated = new WeakMap<object, { sessionActive: boolean; scope: Scope }>();

export function rememberAuthentication(user: AuthenticatedUser, facts: { sessionActive: boolean; scope: Scope }) {
  authenticated.set(user, facts);
}

export async function principalOf(strapi: Core.Strapi, user: AuthenticatedUser | undefined): Promise<Principal> {
  if (!user) throw new BridgeError(401, 'Authentification requise : veuillez vous connecter.');
  const known = authenticated.get(user);
  if (known) {
    if (!known.sessionActive) throw new BridgeError(401, 'Session terminée : veuillez vous reconnecter.');
    return principal(user, known.scope);
  }
  // Refresh mode: an access token names its session. Logout deletes the session, and the access token must
  // stop working then, not a quarter of an hour later (users-permissions only checks the signature).
  const sessionId = (strapi.requestContext.get() as { state?: { session?: { id?: string } } } | undefined)?.state?.session?.id;
  if (sessionId && !(await strapi.sessionManager('users-permissions').isSessionActive(sessionId))) {
    throw new BridgeError(401, 'Session terminée : veuillez vous reconnecter.');
  }
  profileOf(user);
  const scoped = (await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: user.id },
    select: ['id', 'departementCodes', 'regionCodes'],
    populate: { centres: { select: ['id'] } },
  })) as { departementCodes?: string[] | null; regionCodes?: string[] | null; centres?: { id: number }[] } | null;
  return principal(user, {
    centreIds: scoped?.centres?.map((c) => c.id) ?? [],
    departementCodes: scoped?.departementCodes ?? [],
    regionCodes: scoped?.regionCodes ?? [],
  });
}

function profileOf(user: AuthenticatedUser): Profile {
  const profile = (user.role?.type ?? '').toUpperCase() as Profile;
  if (!PROFILES.includes(profile)) throw new BridgeError(403, "Votre compte n'a pas de profil CERES : contactez votre administrateur.");
  return profile;
}

function principal(user: AuthenticatedUser, scope: Scope): Principal {
  const profile = profileOf(user);
  return { userId: user.id, username: user.username, email: user.email, profile, territory: territoryOf(profile, scope) };
}
