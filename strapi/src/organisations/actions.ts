/**
 * Agrément workflow as bridge actions: POST /api/ra/agrements/:id/{accorder,refuser,retirer,expirer}.
 * The bridge has already checked the matrix (DREETS / Nouvelle-Calédonie) and the territory (the agrément's
 * centre is in the user's région, 404 otherwise), opened the transaction and traces the change; the pure rules are in
 * domain/agrement.ts. The answer is the updated record plus the French message to show.
 */
import type { Core } from '@strapi/strapi';
import type { Registry, ResourceDefinition } from '@ceres/plugin-bridge';
import { decide, periodeErrors, TRANSITIONS_AGREMENT, type ActionAgrement, type StatutAgrement } from './domain/agrement';
import { BridgeError } from '@ceres/plugin-bridge/runtime';
import { certificationOf, parentAgrementError } from './agrement-rules';
import { today } from './lookup';

interface RepositoryLike {
  findOne(resource: ResourceDefinition, id: number): Promise<Record<string, unknown> & { id: string }>;
}

export function registerAgrementActions(strapi: Core.Strapi) {
  const registry = strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as RepositoryLike;

  for (const name of Object.keys(TRANSITIONS_AGREMENT) as ActionAgrement[]) {
    registry.registerAction({
      resource: 'agrements',
      name,
      async handler({ id, body }) {
        const resource = registry.resource('agrements')!;
        const before = await repository().findOne(resource, id);
        const input = (body ?? {}) as { motif?: unknown; dateDecision?: unknown };
        const decision = decide(
          { statut: before.statut as StatutAgrement, dateDebut: before.dateDebut as string | null, dateFin: before.dateFin as string | null },
          name,
          input,
          today(),
        );
        if (!decision.ok) throw new BridgeError(decision.status, decision.message, decision.field);
        if (name === 'accorder') {
          // the rules of the request still hold on the day of the decision (the title may have been shortened)
          const [error] = periodeErrors({ dateDebut: before.dateDebut, dateFin: before.dateFin }, await certificationOf(before));
          if (error) throw new BridgeError(400, error.message, error.field);
          if (before.ccs) {
            const parent = await parentAgrementError(before.centre as string, before.ccs as string);
            if (parent) throw new BridgeError(409, parent, 'ccs');
          }
        }
        await strapi.documents('api::agrement.agrement').update({ documentId: before.id, data: decision.changes } as never);
        // traced by the bridge like any write, under the action's name
        const after = await repository().findOne(resource, id);
        return { ...after, message: decision.message };
      },
    });
  }
}
