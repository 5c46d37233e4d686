/**
 * Authentication of the bridge's routes in ONE indexed SQL statement per call.
 * users-permissions' stock strategy costs about six queries per request (token's user, user + role, advanced
 * settings, role permissions) plus a CASL ability built each time, and the principal then needed three more
 * (session, scope). Here the same facts are read together, live, at every call — the session (a logout
 * refuses the access token at once), the account (blocked), its role and the role's bridge grants, its scope —
 * so nothing is cached that could outlive a revocation; only table and column names are resolved once.
 * The checks are the stock ones: signed access token of a users-permissions session, existing unblocked
 * (and confirmed, when e-mail confirmation is on) account, route granted to its role.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { rememberAuthentication, type AuthenticatedUser } from './principal';

const ORIGIN = 'users-permissions';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}
type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };

interface Row {
  id: number;
  username: string;
  email: string;
  blocked: boolean | null;
  confirmed: boolean | null;
  departement_codes: unknown;
  region_codes: unknown;
  role_id: number | null;
  role_type: string | null;
  role_name: string | null;
  centre_ids: number[] | null;
  grants: string[] | null;
  session_found: boolean;
  session_expires_at: Date | string | null;
  advanced: unknown;
}

const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
const codes = (value: unknown) => {
  const parsed = json(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function bearer(ctx: Context): string | null {
  const header = ctx.request?.header?.authorization;
  if (!header) return null;
  const parts = header.split(/\s+/);
  return parts[0].toLowerCase() === 'bearer' && parts.length === 2 ? parts[1] : null;
}

/** users-permissions' sessions table has no index on the session id that every call looks up */
export function sessionIndexSql(strapi: Core.Strapi): string {
  const session = strapi.db.metadata.get('admin::session' as never) as unknown as Meta;
  const column = session.attributes.sessionId?.columnName ?? 'session_id';
  return `CREATE INDEX IF NOT EXISTS "${`${session.tableName}_${column}_idx`.slice(0, 63)}" ON "${session.tableName}" ("${column}")`;
}

export function createBridgeAuth(strapi: Core.Strapi) {
  let statement: string | undefined;

  /** the one query, built once from Strapi's metadata (no guessed table name) */
  function sql(): string {
    if (statement) return statement;
    const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
    const col = (m: Meta, attribute: string) => m.attributes[attribute]?.columnName ?? attribute;
    const join = (m: Meta, attribute: string) => {
      const joinTable = m.attributes[attribute]?.joinTable;
      if (!joinTable) throw new Error(`CERES pont : ${m.tableName}.${attribute} sans table de liaison`);
      return joinTable;
    };
    const user = meta('plugin::users-permissions.user');
    const role = meta('plugin::users-permissions.role');
    const permission = meta('plugin::users-permissions.permission');
    const session = meta('admin::session');
    const store = meta('strapi::core-store');
    const userRole = join(user, 'role');
    const userCentres = join(user, 'centres');
    const permissionRole = join(permission, 'role');
    const k = (strapi.db.connection as unknown as Knex).client;
    const id = (name: string) => k.wrapIdentifier(name) as string;
    statement = `SELECT u.id, u.${id(col(user, 'username'))} AS username, u.${id(col(user, 'email'))} AS email,
        u.${id(col(user, 'blocked'))} AS blocked, u.${id(col(user, 'confirmed'))} AS confirmed,
        u.${id(col(user, 'departementCodes'))} AS departement_codes, u.${id(col(user, 'regionCodes'))} AS region_codes,
        r.id AS role_id, r.${id(col(role, 'type'))} AS role_type, r.${id(col(role, 'name'))} AS role_name,
        ARRAY(SELECT cl.${id(userCentres.inverseJoinColumn.name)} FROM ${id(userCentres.name)} cl WHERE cl.${id(userCentres.joinColumn.name)} = u.id ORDER BY 1) AS centre_ids,
        ARRAY(SELECT p.${id(col(permission, 'action'))} FROM ${id(permission.tableName)} p
                JOIN ${id(permissionRole.name)} pl ON pl.${id(permissionRole.joinColumn.name)} = p.id
               WHERE pl.${id(permissionRole.inverseJoinColumn.name)} = r.id AND p.${id(col(permission, 'action'))} LIKE 'plugin::ra.%') AS grants,
        EXISTS (SELECT 1 FROM ${id(session.tableName)} s WHERE s.${id(col(session, 'sessionId'))} = ? AND s.${id(col(session, 'origin'))} = '${ORIGIN}') AS session_found,
        (SELECT s.${id(col(session, 'expiresAt'))} FROM ${id(session.tableName)} s WHERE s.${id(col(session, 'sessionId'))} = ? AND s.${id(col(session, 'origin'))} = '${ORIGIN}' LIMIT 1) AS session_expires_at,
        (SELECT st.${id(col(store, 'value'))} FROM ${id(store.tableName)} st WHERE st.${id(col(store, 'key'))} = 'plugin_users-permissions_advanced' LIMIT 1) AS advanced
      FROM ${id(user.tableName)} u
      LEFT JOIN ${id(userRole.name)} rl ON rl.${id(userRole.joinColumn.name)} = u.id
      LEFT JOIN ${id(role.tableName)} r ON r.id = rl.${id(userRole.inverseJoinColumn.name)}
     WHERE u.id = ?
     LIMIT 1`;
    return statement;
  }

  return {
    name: 'ceres-bridge',

    async authenticate(ctx: Context) {
      const token = bearer(ctx);
      if (!token) return { authenticated: false };
      let payload: { userId?: unknown; sessionId?: unknown; type?: unknown };
      try {
        const result = strapi.sessionManager(ORIGIN).validateAccessToken(token) as { isValid: boolean; payload?: typeof payload };
        if (!result.isValid || !result.payload || result.payload.type !== 'access') return { authenticated: false };
        payload = result.payload;
      } catch {
        return { authenticated: false };
      }
      const userId = Number(payload.userId);
      if (!Number.isInteger(userId)) return { authenticated: false };
      const sessionId = typeof payload.sessionId === 'string' ? payload.sessionId : null;
      const knex = strapi.db.connection as unknown as Knex;
      const { rows } = (await knex.raw(sql(), [sessionId ?? '', sessionId ?? '', userId])) as { rows: Row[] };
      const row = rows[0];
      if (!row) return { error: 'Invalid credentials' };
      const advanced = (json(row.advanced) ?? {}) as { email_confirmation?: boolean };
      if (advanced.email_confirmation && !row.confirmed) return { error: 'Invalid credentials' };
      if (row.blocked) return { error: 'Invalid credentials' };

      const user: AuthenticatedUser = {
        id: row.id,
        username: row.username,
        email: row.email,
        blocked: Boolean(row.blocked),
        confirmed: Boolean(row.confirmed),
        role: row.role_id === null ? undefined : { id: row.role_id, type: row.role_type ?? undefined, name: row.role_name ?? undefined },
      };
      // as the stock strategy: the session backing this call (refresh mode)
      if (sessionId) ctx.state.session = { id: sessionId };
      ctx.state.user = user;
      const expires = row.session_expires_at === null ? null : new Date(row.session_expires_at);
      rememberAuthentication(user, {
        // no session named in the token: nothing to check (as principalOf did); else it must exist, unexpired
        sessionActive: !sessionId || (row.session_found && expires !== null && expires > new Date()),
        scope: { centreIds: (row.centre_ids ?? []).map(Number), departementCodes: codes(row.departement_codes), regionCodes: codes(row.region_codes) },
      });
      return { authenticated: true, credentials: user, ability: { grants: new Set(row.grants ?? []) } };
    },

    /** the route's scope (`plugin::ra.bridge.<handler>`) must be granted to the user's role, as with the stock strategy */
    async verify(auth: { credentials?: unknown; ability?: { grants?: Set<string> } | null }, config: { scope?: string[] } = {}) {
      if (!auth?.credentials) throw new errors.UnauthorizedError();
      const scopes = config.scope ?? [];
      const grants = auth.ability?.grants;
      if (!grants || !scopes.every((scope) => grants.has(scope))) throw new errors.ForbiddenError();
    },
  };
}

/**
 * The strategy object named in the bridge's routes (`config.auth.strategies`): routes are declared before
 * Strapi exists, so it reaches the running instance (the global `strapi`) at the first call.
 */
let instance: ReturnType<typeof createBridgeAuth> | undefined;
const current = () => (instance ??= createBridgeAuth((globalThis as unknown as { strapi: Core.Strapi }).strapi));
export const bridgeAuthStrategy = {
  name: 'ceres-bridge',
  authenticate: (ctx: Context) => current().authenticate(ctx),
  verify: (auth: Parameters<ReturnType<typeof createBridgeAuth>['verify']>[0], config?: { scope?: string[] }) => current().verify(auth, config),
};
