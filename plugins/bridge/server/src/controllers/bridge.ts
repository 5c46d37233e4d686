/**
 * HTTP side of the bridge: react-admin simple-REST calls → registry, permission matrix, repository.
 * Every write runs in one transaction together with its trace (write listeners); creations and updates
 * go through the `writes` service (services/writes.ts), which workflow actions use too.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rm } from 'node:fs/promises';
import { BridgeError, forbidden, notFound, conflict, badRequest } from '../domain/errors';
import { parseListQuery } from '../domain/protocol';
import { grantsOf } from '../domain/permissions';
import { PROFILE_LABELS, type Principal } from '../domain/access';
import { principalOf } from '../services/principal';
import { capitalize, type Repository } from '../services/repository';
import { isFileAnswer, type ActionContext, type Registry } from '../services/registry';
import type { Writes } from '../services/writes';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;
  const writes = () => strapi.plugin('ra').service('writes') as Writes;

  async function authorize(ctx: Context, action: string) {
    const resource = registry().resource(ctx.params.resource);
    if (!resource) throw notFound(`Ressource inconnue « ${ctx.params.resource} ».`);
    const principal = await principalOf(strapi, ctx.state.user);
    writes().authorize(resource, principal, action);
    return { resource, principal };
  }

  const transaction = <T>(work: () => Promise<T>) => strapi.db.transaction(work) as Promise<T>;

  /**
   * Optimistic version check: the edit form sends back the record's updatedAt as it was loaded; if the
   * row (locked FOR UPDATE meanwhile) changed since, the second agent gets a 409 instead of silently
   * overwriting the first one's work. updateMany sends only changed fields, hence no version.
   */
  function assertUnchangedSince(body: unknown, current: Record<string, unknown>) {
    const seen = (body as { updatedAt?: unknown } | null)?.updatedAt;
    if (typeof seen !== 'string' || !current.updatedAt) return;
    if (new Date(seen).getTime() !== new Date(current.updatedAt as string).getTime()) {
      throw conflict("Cet enregistrement a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page pour voir ses changements, puis refaites les vôtres.", 'updatedAt');
    }
  }

  return {
    async me(ctx: Context) {
      const principal: Principal = await principalOf(strapi, ctx.state.user);
      ctx.body = {
        id: principal.userId,
        username: principal.username,
        email: principal.email,
        profile: principal.profile,
        profileLabel: PROFILE_LABELS[principal.profile],
        territory: principal.territory,
        permissions: grantsOf(principal.profile),
      };
    },

    async list(ctx: Context) {
      const { resource, principal } = await authorize(ctx, 'list');
      const query = parseListQuery(ctx.query, resource);
      // getMany sends only filter={"id":[…]}: answer every id asked, not a default page
      if (ctx.query.range === undefined && Array.isArray(query.filter.id)) {
        query.range = { start: 0, end: Math.max(0, Math.min(query.filter.id.length, 1000) - 1) };
      }
      const { total, records } = resource.reader ? await resource.reader.list(query, principal) : await repository().list(resource, query, principal.territory);
      const end = records.length ? query.range.start + records.length - 1 : query.range.start;
      ctx.set('Content-Range', `${resource.name} ${query.range.start}-${end}/${total}`);
      ctx.body = records;
    },

    async findOne(ctx: Context) {
      const { resource, principal } = await authorize(ctx, 'show');
      if (resource.reader) {
        ctx.body = (await resource.reader.findOne(String(ctx.params.id), principal)) ?? throwNotFound(`${capitalize(resource.label)} introuvable.`);
        return;
      }
      ctx.body = await repository().findVisible(resource, ctx.params.id, principal.territory);
    },

    async create(ctx: Context) {
      const { resource, principal } = await authorize(ctx, 'create');
      ctx.body = await writes().create(resource, principal, ctx.request.body);
      ctx.status = 201;
    },

    async update(ctx: Context) {
      const { resource, principal } = await authorize(ctx, 'edit');
      ctx.body = await transaction(async () => {
        const id = await repository().resolveId(resource, ctx.params.id, principal.territory, true);
        const before = await repository().findOne(resource, id);
        assertUnchangedSince(ctx.request.body, before);
        const data = await writes().validated(resource, principal, 'update', ctx.request.body, before);
        await strapi.documents(resource.uid as never).update({ documentId: before.id, data } as never);
        await repository().resolveId(resource, before.id, principal.territory).catch(() => {
          throw forbidden(`Cette modification sortirait l'enregistrement de votre périmètre.`);
        });
        const after = await repository().findOne(resource, id);
        await registry().emitWrite({ principal, resource: resource.name, action: 'update', documentId: before.id, before, after });
        return after;
      });
    },

    async delete(ctx: Context) {
      const { resource, principal } = await authorize(ctx, 'delete');
      ctx.body = await transaction(async () => {
        const id = await repository().resolveId(resource, ctx.params.id, principal.territory, true);
        const before = await repository().findOne(resource, id);
        await strapi.documents(resource.uid as never).delete({ documentId: before.id } as never);
        await registry().emitWrite({ principal, resource: resource.name, action: 'delete', documentId: before.id, before, after: null });
        return before;
      });
    },

    async action(ctx: Context) {
      const { resource, principal } = await authorize(ctx, ctx.params.action);
      const action = registry().action(resource.name, ctx.params.action);
      if (!action || resource.reader) throw notFound(`Action inconnue « ${ctx.params.action} » pour ${resource.label}.`);
      const body = ctx.request.body ?? {};
      if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('body', 'Le corps de la requête doit être un objet JSON.');
      if (action.readOnly) {
        const [field] = Object.keys(body);
        if (field) throw badRequest(field, `Champ inconnu « ${field} » : cette action n'attend aucune donnée.`);
        const id = await repository().resolveId(resource, ctx.params.id, principal.territory);
        ctx.body = await action.handler({ principal, id, documentId: ctx.params.id, body });
        return;
      }
      // multipart calls (supporting documents) also bring their uploaded files, parsed by strapi::body into
      // temporary files: removed whatever happens (strapi::body only removes its own "files" field)
      const files = (ctx.request as unknown as { files?: ActionContext['files'] }).files;
      const answer = await transaction(async () => {
        const id = await repository().resolveId(resource, ctx.params.id, principal.territory, true);
        const before = await repository().findOne(resource, id);
        const result = await action.handler({ principal, id, documentId: ctx.params.id, body, ...(files ? { files } : {}) });
        // traced like any write, with the action's name; an action may delete its record (after = null)
        const after = await repository()
          .findOne(resource, id)
          .catch((error: unknown) => (error instanceof BridgeError && error.status === 404 ? null : Promise.reject(error)));
        await registry().emitWrite({ principal, resource: resource.name, action: action.name, documentId: before.id, before, after });
        return result;
      }).finally(() => removeUploads(files));
      if (isFileAnswer(answer)) {
        // a document (PDF…): sent after the commit, never cached (personal data)
        const ascii = answer.filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
        ctx.set('Content-Type', answer.contentType);
        ctx.set('Content-Disposition', `${answer.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(answer.filename)}`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = answer.body;
      } else ctx.body = answer;
    },
  };
};

/** temporary files of a multipart call (personal data): never left in the temporary folder */
const removeUploads = async (files: ActionContext['files']) => {
  const list = files ? Object.values(files).flat() : [];
  await Promise.all(list.map((file) => rm(file.filepath, { force: true }).catch(() => undefined)));
};

const throwNotFound = (message: string): never => {
  throw notFound(message);
};

export { BridgeError };
