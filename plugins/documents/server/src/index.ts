/**
 * Plugin "documents": parchemins, livrets, CCS certificates, convocations, jury lists, émargement
 * sheets and session reports, filled by carbone from the flat ODT templates in templates/ and
 * converted by a warm LibreOffice pool. Other plugins call strapi.plugin('documents').service('documents').
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createDocumentsService, type DocumentsService } from './services/documents';
import { registerSessionActions } from './services/session-actions';
import { registerJuryListAction } from './services/jury-list-action';
import { sharedPool } from './services/libreoffice';
import { ensureSchema } from './services/store';

export type { DocumentsService, Actor, EditItem, Issued, CertificationId } from './services/documents';
export type { TemplateId, InputOf } from './domain/templates';
export type { IssueFacts } from './domain/issue-rules';
export type * from './domain/models';

const pool = () =>
  sharedPool({
    factories: process.env.CERES_LIBREOFFICE_FACTORIES ? Number(process.env.CERES_LIBREOFFICE_FACTORIES) : undefined,
    log: (message) => strapi.log.warn(`[documents] ${message}`),
  });

declare const strapi: Core.Strapi;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // the session's documents are bridge actions on "sessions" (matrix: plugins/bridge/.../permissions.ts)
    registerSessionActions(strapi, () => strapi.plugin('documents').service('documents') as DocumentsService);
    // the centre's printable list of habilitated jurors (centres/:id/imprimerListeJurys)
    registerJuryListAction(strapi, () => strapi.plugin('documents').service('documents') as DocumentsService);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSchema(strapi.db.connection as unknown as Knex);
    // warmed in the background: the server answers at once, the first document waits for the pool if needed
    if (process.env.CERES_LIBREOFFICE_AT_BOOT !== 'false') {
      void pool()
        .start()
        .then(() => {
          const p = pool();
          if (p.state === 'unavailable') strapi.log.error(`[documents] ${p.message}`);
          else strapi.log.info(`[documents] LibreOffice prêt (${p.factories} processus).`);
        });
    }
  },

  async destroy() {
    // no soffice.bin may outlive the server
    await pool().stop();
  },

  services: {
    documents: ({ strapi }: { strapi: Core.Strapi }) => createDocumentsService(strapi, pool()),
  },
  contentTypes: {},
  config: { default: {}, validator() {} },
};
