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
    await bootstrapOrganisations(strapi);
    if (process.env.CERES_SEED !== 'false') await seed(strapi);
  },
};
