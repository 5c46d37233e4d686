/**
 * Writes that do not go through the bridge — Strapi's admin panel (Content Manager) above all — are traced
 * too: a Document Service middleware records create / update / delete / clone of every bridge resource's
 * content type when the call comes from an HTTP request other than /api/ra (the bridge traces its own),
 * in one transaction with the write. Writes without a request (seed at boot, scheduled jobs) are the
 * system's, not an agent's decision, and are not traced here.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Registry, Repository, ResourceDefinition } from '@ceres/plugin-bridge/runtime';
import { writeTrace } from './store';

const TRACED_ACTIONS = new Set(['create', 'update', 'delete', 'clone']);

interface RequestState {
  path?: string;
  state?: { user?: { id?: number; email?: string; username?: string | null; firstname?: string | null; lastname?: string | null }; auth?: { strategy?: { name?: string } } };
}

type Middleware = (context: { uid: string; action: string; params?: Record<string, unknown> }, next: () => Promise<unknown>) => Promise<unknown>;

export function traceWritesOutsideBridge(strapi: Core.Strapi, connection: () => Promise<Knex>) {
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;

  async function snapshot(resource: ResourceDefinition, documentId: unknown) {
    if (typeof documentId !== 'string') return null;
    const row = (await strapi.db.query(resource.uid as never).findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null;
    return row ? repository().findOne(resource, row.id) : null;
  }

  const middleware: Middleware = async (context, next) => {
    const request = (strapi as unknown as { requestContext?: { get(): RequestState | undefined } }).requestContext?.get();
    if (!request || !TRACED_ACTIONS.has(context.action) || request.path?.startsWith('/api/ra')) return next();
    const resource = registry()
      .resources()
      .find((r) => r.uid === context.uid && !r.reader);
    if (!resource) return next();
    const user = request.state?.user;
    const isAdmin = request.state?.auth?.strategy?.name === 'admin' || !!request.path?.startsWith('/content-manager');
    return strapi.db.transaction(async () => {
      const before = context.action === 'create' ? null : await snapshot(resource, context.params?.documentId);
      const result = (await next()) as { documentId?: string } | null;
      const documentId = (context.action === 'create' || context.action === 'clone' ? result?.documentId : context.params?.documentId) as string | undefined;
      if (!documentId) return result;
      const after = context.action === 'delete' ? null : await snapshot(resource, documentId);
      await writeTrace(await connection(), {
        principal: {
          // Strapi admin accounts are not CERES users: no user id, their e-mail as name
          userId: isAdmin ? (null as unknown as number) : (user?.id as number),
          username: isAdmin ? `admin Strapi : ${user?.email ?? 'inconnu'}` : (user?.username ?? user?.email ?? 'inconnu'),
          email: user?.email ?? '',
          profile: (isAdmin ? 'ADMIN_STRAPI' : 'HORS_PONT') as never,
          territory: { kind: 'national' },
        },
        resource: resource.name,
        action: context.action === 'clone' ? 'create' : context.action,
        documentId,
        before: context.action === 'clone' ? null : before,
        after,
      });
      return result;
    });
  };
  (strapi.documents as unknown as { use(m: Middleware): void }).use(middleware);
}
