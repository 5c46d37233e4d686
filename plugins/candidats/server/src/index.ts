/**
 * Plugin "candidats": the rules behind the candidate record (identity, homonym control, path,
 * equivalence requests). The content types live in strapi/src/api (candidat, evenement-parcours,
 * regle-equivalence, demande-equivalence) and their bridge declarations call this plugin's services;
 * the plugin registers its read-only resources (homonymes, parcours) and its
 * workflow actions (demandes-equivalence: accorder, refuser, ajouterPieces; pieces read through the bridge's
 * `pieces` reader).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Registry } from '@ceres/plugin-bridge';
import { createHomonymes, identiteRecherchee, INDEXES_SQL, type HomonymesService } from './services/homonymes';
import { createParcours, type ParcoursService } from './services/parcours';
import { createEquivalences, type EquivalencesService } from './services/equivalences';
import { createCandidats, type CandidatsService } from './services/candidats';
import { badRequest, notFound } from '@ceres/plugin-bridge/runtime';
import { createDb, UID } from './services/db';

export type { HomonymesService, ParcoursService, EquivalencesService, CandidatsService };
export type { NouvelEvenement } from './services/parcours';

const service = <T>(strapi: Core.Strapi, name: string) => strapi.plugin('candidats').service(name) as T;

function register({ strapi }: { strapi: Core.Strapi }) {
  const registry = strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as { resolveId(resource: unknown, documentId: string, territory: unknown): Promise<number> };
  const homonymes = () => service<HomonymesService>(strapi, 'homonymes');
  const parcours = () => service<ParcoursService>(strapi, 'parcours');
  const equivalences = () => service<EquivalencesService>(strapi, 'equivalences');
  const candidats = () => service<CandidatsService>(strapi, 'candidats');

  /** numeric id of a record of `resource` the principal's territory reaches, or a 404 */
  const resolve = (resource: string, documentId: string, territory: unknown) => {
    const definition = registry.resource(resource);
    if (!definition) throw notFound(`Ressource inconnue « ${resource} ».`);
    return repository().resolveId(definition, documentId, territory);
  };

  // GET /api/ra/homonymes?filter={"nomNaissance":…,"prenoms":[…],"dateNaissance":…}: national search
  registry.register({
    name: 'homonymes',
    // a reader's uid only names it (never the candidat's: relation checks look resources up by uid)
    uid: 'plugin::candidats.homonymes',
    label: 'le contrôle d’homonymie',
    readOnlyResource: true,
    reader: {
      async list(query, principal) {
        const records = await homonymes().rechercher(identiteRecherchee(query.filter), principal);
        return { total: records.length, records };
      },
      async findOne() {
        return null;
      },
    },
  });

  // GET /api/ra/parcours/<candidat documentId>: the path, history and per-title derivation
  registry.register({
    name: 'parcours',
    uid: 'plugin::candidats.parcours',
    label: 'le parcours du candidat',
    readOnlyResource: true,
    reader: {
      async list(query, principal) {
        const candidat = query.filter.candidat;
        if (typeof candidat !== 'string') throw badRequest('filter.candidat', 'Le parcours se lit pour un candidat : filtre « candidat » obligatoire.');
        const id = await resolve('candidats', candidat, principal.territory);
        return { total: 1, records: [await parcours().lire(id, candidat)] };
      },
      async findOne(documentId, principal) {
        const id = await resolve('candidats', documentId, principal.territory);
        return parcours().lire(id, documentId);
      },
    },
  });

  registry.registerAction({
    resource: 'demandes-equivalence',
    name: 'accorder',
    handler: ({ id, principal }) => equivalences().decider(id, { decision: 'ACCORD' }, principal),
  });
  registry.registerAction({
    resource: 'demandes-equivalence',
    name: 'refuser',
    handler: ({ id, principal, body }) => equivalences().decider(id, { decision: 'REFUS', motif: String((body as { motif?: unknown })?.motif ?? '') }, principal),
  });
  registry.registerAction({
    resource: 'demandes-equivalence',
    name: 'ajouterPieces',
    handler: ({ id, principal, files }) => equivalences().ajouterPieces(id, files, principal),
  });

  // what the server derives on every write of a candidate (birth commune label as chosen, residence…)
  strapi.documents.use(async (context, next) => {
    if (context.uid === UID.candidat && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { data?: Record<string, unknown>; documentId?: string };
      if (params.data) await candidats().deriver(context.action, params.data, params.documentId);
    }
    return next();
  });

  // the homonym confirmation is recorded with the creation, in its transaction
  registry.onWrite(async (event) => {
    if (event.resource === 'candidats' && event.action === 'create' && event.after) {
      await candidats().enregistrerConfirmation(event.documentId, event.after, event.principal);
    }
  });
}

async function bootstrap({ strapi }: { strapi: Core.Strapi }) {
  const knex = strapi.db.connection as unknown as Knex;
  const table = createDb(strapi).table(UID.candidat);
  // ceres_norm() is created by the bridge's bootstrap, which runs first (plugin order in config/plugins.ts)
  for (const sql of INDEXES_SQL(table)) await knex.raw(sql);
}

export default {
  register,
  bootstrap,
  services: {
    homonymes: ({ strapi }: { strapi: Core.Strapi }) => createHomonymes(strapi),
    parcours: ({ strapi }: { strapi: Core.Strapi }) => createParcours(strapi),
    equivalences: ({ strapi }: { strapi: Core.Strapi }) => createEquivalences(strapi, () => service<ParcoursService>(strapi, 'parcours')),
    candidats: ({ strapi }: { strapi: Core.Strapi }) => createCandidats(strapi, () => service<HomonymesService>(strapi, 'homonymes')),
  },
  contentTypes: {},
  config: { default: {}, validator() {} },
};
