/**
 * Exam sessions: the whole lifecycle as one workflow (domain/state-machine.ts), served through the
 * bridge: resources sessions, inscriptions, membres-jury and the actions POST /api/ra/sessions/:id/<action>.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Registry } from '@ceres/plugin-bridge/runtime';
import { createSessionResource, inscriptionResource, membreJuryResource } from './resources';
import { DEFAULT_SETTINGS, settingsFrom, type SessionSettings } from './domain/settings';
import { createWorkflow } from './services/workflow';
import { registerPiecesSession } from './services/pieces';
import { createStore, MEMBRE_JURY, SESSION } from './services/store';

export { STATES, STATE_LABELS } from './domain/states';
export { ACTIONS, ACTION_LABELS, availableActions } from './domain/state-machine';

const NUMERO_SEQUENCE = 'ceres_session_numero_seq';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const registry = strapi.plugin('ra').service('registry') as Registry;
    const store = createStore(strapi);
    registry.register(createSessionResource((ids) => store.couverture(ids)));
    registry.register(inscriptionResource);
    if (strapi.contentTypes[MEMBRE_JURY as keyof typeof strapi.contentTypes]) registry.register(membreJuryResource);
    const settings = (): SessionSettings => settingsFrom(strapi.config.get('plugin::sessions') as Partial<Record<keyof SessionSettings, unknown>>);
    createWorkflow(strapi, settings).register(registry);
    registerPiecesSession(strapi, registry);

    // a session gets its CERES number at creation (printed on convocations) and the département of its
    // centre (the list filter by département)
    strapi.documents.use(async (context, next) => {
      if (context.uid !== SESSION || (context.action !== 'create' && context.action !== 'update')) return next();
      const params = context.params as { data?: Record<string, unknown> };
      const data = params.data ?? {};
      if (context.action === 'create') {
        const knex = strapi.db.connection as unknown as Knex;
        const { rows } = (await knex.raw(`SELECT nextval('${NUMERO_SEQUENCE}') AS n`)) as { rows: { n: string }[] };
        const year = typeof data.dateDebut === 'string' ? data.dateDebut.slice(0, 4) : String(new Date().getUTCFullYear());
        data.numero = `S${year}-${String(rows[0].n).padStart(6, '0')}`;
      }
      if (typeof data.centre === 'string') {
        const centre = (await strapi.db.query('api::centre.centre').findOne({ where: { documentId: data.centre }, populate: { departement: true } })) as {
          departement?: { documentId: string } | null;
        } | null;
        data.departement = centre?.departement?.documentId ?? null;
      }
      return next();
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const knex = strapi.db.connection as unknown as Knex;
    await knex.raw(`CREATE SEQUENCE IF NOT EXISTS ${NUMERO_SEQUENCE}`);
    // the territory and eligibility queries go through these link tables
    await knex.raw('CREATE INDEX IF NOT EXISTS sessions_centre_lnk_centre_idx ON sessions_centre_lnk (centre_id, session_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS inscriptions_session_lnk_session_idx ON inscriptions_session_lnk (session_id, inscription_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sessions_statut_date_idx ON sessions (statut, date_debut)');
  },

  routes: {},
  controllers: {},
  services: {},
  contentTypes: {},
  config: {
    // strapi/config/plugins.ts sets them from the environment
    default: { ...DEFAULT_SETTINGS },
    validator(config: Partial<Record<keyof SessionSettings, unknown>>) {
      settingsFrom(config);
    },
  },
};
