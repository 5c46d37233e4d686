/**
 * The bridge's write path, in one place: the permission check, the body checked against the content type,
 * the relations within the user's reach, the resource's `validate` rules, the territory of the result and
 * the write listeners (trace, homonym confirmation…). The HTTP controller uses it for `POST /api/ra/<resource>`
 * and `PUT`; a workflow action that creates a record of another resource as one of its steps (registering a
 * new person to a session) calls `create` inside its own transaction, so that the record is created exactly
 * as through its own form, or not at all.
 */
import type { Core } from '@strapi/strapi';
import { forbidden } from '../domain/errors';
import { checkBody, throwFieldErrors } from '../domain/body';
import { isAllowed } from '../domain/permissions';
import { PROFILE_LABELS, type Principal } from '../domain/access';
import type { ResourceDefinition } from '../domain/resource';
import { capitalize, type RaRecord, type Repository } from './repository';
import type { Registry } from './registry';

const ACTION_LABELS: Record<string, string> = {
  list: 'consulter la liste',
  show: 'consulter',
  create: 'créer',
  edit: 'modifier',
  delete: 'supprimer',
};

export function createWrites(strapi: Core.Strapi) {
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;

  /** 403 unless the matrix lets the profile do `action` on the resource (and a read-only resource is never written). */
  function authorize(resource: ResourceDefinition, principal: Principal, action: string) {
    if (!isAllowed(principal.profile, resource.name, action)) {
      throw forbidden(`Votre profil (${PROFILE_LABELS[principal.profile]}) ne permet pas de ${ACTION_LABELS[action] ?? `faire « ${action} » sur`} ${resource.label}.`);
    }
    if (resource.readOnlyResource && ['create', 'edit', 'delete'].includes(action)) {
      throw forbidden(`${capitalize(resource.label)} ne se modifie pas ici.`);
    }
  }

  /** The body as the content type accepts it, its relations reachable, the resource's rules passed (400 naming the field). */
  async function validated(resource: ResourceDefinition, principal: Principal, mode: 'create' | 'update', body: unknown, previous?: Record<string, unknown>) {
    const data = checkBody(body, repository().contentTypeAttributes(resource), resource, mode);
    await repository().checkRelations(resource, data, principal.territory);
    if (resource.validate) {
      const merged = { ...(previous ?? {}), ...data };
      throwFieldErrors(
        await resource.validate(merged, {
          mode,
          previous,
          principal,
          lookup: async (name, documentId) => {
            const target = registry().resource(name);
            return target ? repository().lookup(target.uid, documentId) : null;
          },
        }),
      );
    }
    return data;
  }

  return {
    authorize,
    validated,

    /**
     * Creates a record as `POST /api/ra/<resource>` does, in the current transaction (or its own): permission,
     * checks, creation, 403 if the record would fall outside the user's territory, write listeners. Answers it.
     */
    async create(resource: ResourceDefinition, principal: Principal, body: unknown): Promise<RaRecord> {
      authorize(resource, principal, 'create');
      const work = async (): Promise<RaRecord> => {
        const data = await validated(resource, principal, 'create', body);
        const created = (await strapi.documents(resource.uid as never).create({ data } as never)) as { documentId: string };
        const id = await repository()
          .resolveId(resource, created.documentId, principal.territory)
          .catch(() => {
            throw forbidden(`Cet enregistrement sortirait de votre périmètre : ${resource.label} non créé.`);
          });
        const after = await repository().findOne(resource, id);
        await registry().emitWrite({ principal, resource: resource.name, action: 'create', documentId: after.id, before: null, after });
        return after;
      };
      return (await strapi.db.transaction(work)) as unknown as RaRecord;
    },
  };
}

export type Writes = ReturnType<typeof createWrites>;
