/**
 * Plugin "jurys": the habilitation workflow of jurors (actions registered on the bridge), the
 * seniority rule (configurable), the closed-title guard and the expiry sweep. The content types
 * (jure, periode-experience, habilitation) live in strapi/src/api with their bridge declarations.
 */
import type { Core } from '@strapi/strapi';
import type { Registry } from '@ceres/plugin-bridge';
import config from './config';
import { ACTIONS } from './domain/habilitation';
import { registerGuard } from './guard';
import { createWorkflow, type Workflow } from './services/workflow';

export type { Workflow } from './services/workflow';
export type { JurysConfig } from './config';

const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;
let sweepTimer: NodeJS.Timeout | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const workflow = () => strapi.plugin('jurys').service('workflow') as Workflow;
    registerGuard(strapi, workflow);
    const registry = strapi.plugin('ra').service('registry') as Registry;
    registry.registerAction({ resource: 'jures', name: 'accorder', handler: ({ principal, id, body }) => workflow().accorder(principal, id, body) });
    registry.registerAction({ resource: 'jures', name: 'anciennete', handler: ({ id, body }) => workflow().anciennete(id, body) });
    registry.registerAction({ resource: 'habilitations', name: 'etat', readOnly: true, handler: ({ id }) => workflow().etat(id) });
    for (const action of ACTIONS) {
      registry.registerAction({ resource: 'habilitations', name: action, handler: ({ principal, id, body }) => workflow().agir(principal, action, id, body) });
    }
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const workflow = strapi.plugin('jurys').service('workflow') as Workflow;
    const sweep = async () => {
      try {
        const count = await workflow.expirer();
        if (count) strapi.log.info(`CERES : ${count} habilitation(s) passée(s) à « expirée ».`);
      } catch (error) {
        strapi.log.error(`CERES : échec du passage des habilitations échues à « expirée » : ${(error as Error).message}`);
      }
    };
    await sweep();
    sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
    sweepTimer.unref();
  },

  destroy() {
    if (sweepTimer) clearInterval(sweepTimer);
  },

  config,
  services: { workflow: ({ strapi }: { strapi: Core.Strapi }) => createWorkflow(strapi) },
  controllers: {},
  routes: {},
  contentTypes: {},
};
