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
import { createLots, type Lots } from './services/lots';
import { registerDocumentResources } from './services/resources';
import { DOCUMENTS_LOT, LOT_UID, lotSchema } from './content-types/lot';

export type { DocumentsService, Actor, EditItem, Issued, CertificationId } from './services/documents';
export type { TemplateId, InputOf } from './domain/templates';
export type { IssueFacts } from './domain/issue-rules';
export type { DocumentDelivre } from './domain/delivrances';
export type * from './domain/models';

const pool = () =>
  sharedPool({
    factories: process.env.CERES_LIBREOFFICE_FACTORIES ? Number(process.env.CERES_LIBREOFFICE_FACTORIES) : undefined,
    log: (message) => strapi.log.warn(`[documents] ${message}`),
  });

declare const strapi: Core.Strapi;

let lots: Lots | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // the session's documents are bridge actions on "sessions" (matrix: plugins/bridge/.../permissions.ts)
    registerSessionActions(strapi, () => strapi.plugin('documents').service('documents') as DocumentsService);
    // the centre's printable list of habilitated jurors (centres/:id/imprimerListeJurys)
    registerJuryListAction(strapi, () => strapi.plugin('documents').service('documents') as DocumentsService);
    // batches by région and period (lots-edition) and the edition log (editions)
    lots = createLots(strapi, () => strapi.plugin('documents').service('documents') as DocumentsService);
    registerDocumentResources(strapi, () => lots!);

    // "Lancer" = create through the bridge: who asks is set here, before the bridge checks that the new
    // lot is within the caller's territory (a DREETS of another région is refused and nothing is kept)
    strapi.documents.use(async (context, next) => {
      if (context.uid !== LOT_UID || context.action !== 'create') return next();
      const data = ((context.params as { data?: Record<string, unknown> }).data ??= {});
      const user = (strapi.requestContext.get() as { state?: { user?: { id: number; username: string; role?: { type?: string } } } } | undefined)?.state?.user;
      const region = typeof data.region === 'string' ? await strapi.db.query('api::region.region').findOne({ where: { code: data.region }, select: ['nom'] }) : null;
      Object.assign(data, {
        demandeur: user ? `${user.username} (${String(user.role?.type ?? '').toUpperCase()})` : 'système',
        demandeurId: user?.id ?? null,
        regionLibelle: data.region === '988' ? 'Nouvelle-Calédonie' : ((region as { nom?: string } | null)?.nom ?? null),
        documents: Array.isArray(data.documents) && data.documents.length ? data.documents : [...DOCUMENTS_LOT],
        statut: 'EN_ATTENTE',
        total: 0,
        fait: 0,
        tentatives: 0,
        erreurs: [],
      });
      return next();
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSchema(strapi.db.connection as unknown as Knex);
    await lots!.start();
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
    lots?.stop();
    // no soffice.bin may outlive the server
    await pool().stop();
  },

  services: {
    documents: ({ strapi }: { strapi: Core.Strapi }) => createDocumentsService(strapi, pool()),
  },
  contentTypes: {
    lot: { schema: lotSchema },
  },
  config: { default: {}, validator() {} },
};
