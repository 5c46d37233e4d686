import type { Core } from '@strapi/strapi';
import type { Registry } from '@ceres/plugin-bridge';
import { resources } from './resources';
import { seed } from './seed';
import { bootstrapOrganisations, registerOrganisations } from './organisations';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const registry = strapi.plugin('ra').service('registry') as Registry;
    for (const resource of resources) registry.register(resource);
    registerOrganisations(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // keep idle connections open longer than clients and proxies do, so that a reused socket is never
    // closed under a request (Node's 5 s default races with browsers' and fetch's keep-alive)
    strapi.server.httpServer.keepAliveTimeout = 65_000;
    strapi.server.httpServer.headersTimeout = 66_000;
    await bootstrapOrganisations(strapi);
    if (process.env.CERES_SEED !== 'false') await seed(strapi);
  },
};
