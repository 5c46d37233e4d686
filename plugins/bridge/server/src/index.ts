import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import routes from './routes';
import bridge from './controllers/bridge';
import errors from './middlewares/errors';
import { createRegistry } from './services/registry';
import { createRepository } from './services/repository';
import { createWrites } from './services/writes';
import { createPieces } from './services/pieces';
import { registerPieces } from './services/pieces-reader';

export type { ResourceDefinition, FieldError, ValidationContext } from './domain/resource';
export type { Principal, Profile, Territory } from './domain/access';
export type { Registry, ActionDefinition, ActionContext, UploadedFile, WriteEvent, FileAnswer } from './services/registry';
export { BridgeError } from './domain/errors';
export type { PiecesService, Piece, Proprietaire } from './services/pieces';
export type { Writes } from './services/writes';

const registry = createRegistry();

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPieces(strapi, registry);
  },
  bootstrap,
  routes,
  controllers: { bridge },
  middlewares: { errors },
  services: {
    registry: () => registry,
    repository: ({ strapi }: { strapi: Core.Strapi }) => createRepository(strapi),
    writes: ({ strapi }: { strapi: Core.Strapi }) => createWrites(strapi),
    pieces: ({ strapi }: { strapi: Core.Strapi }) => createPieces(strapi),
  },
  contentTypes: {},
  config: { default: {}, validator() {} },
};
