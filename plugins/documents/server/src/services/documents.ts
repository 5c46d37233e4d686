/**
 * The documents service other plugins call: strapi.plugin('documents').service('documents').
 *   render / renderBatch   — a preview or a print, no trace (nothing issued)
 *   edit                   — convocations, jury lists, émargement, PV: rendered and recorded
 *   issue                  — parchemins, CCS certificates, livrets: rules of issue checked, numbers
 *                            allocated (unique per issuer and year), rendered, recorded
 *   reissue                — same number and original date and place, recorded as a reissue
 *   documentsDelivres      — what was issued to one candidate (their parcours)
 * Writes run in one transaction (joining the caller's, e.g. a bridge action); rendering happens inside
 * it so a failed render leaves no number taken and no edition recorded.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DocumentDataError, DocumentRuleError } from '../domain/errors';
import { emetteur as emetteurOf } from '../domain/emetteurs';
import { todayIso } from '../domain/format';
import { assertIssuable, type IssueFacts } from '../domain/issue-rules';
import type { DelivranceInput } from '../domain/models';
import { anneeDe, formatNumero, reissueOf } from '../domain/numbering';
import { isTemplateId, templateOf, type InputOf, type TemplateId } from '../domain/templates';
import type { LibreOfficePool } from './libreoffice';
import { preparePages, renderPages, type OutputFormat, type Rendered } from './renderer';
import { countReedition, findDelivrance, hasEdition, insertDelivrance, insertEditions, lireDelivresAuCandidat, listEditions, nextSequence } from './store';
import { documentsDelivres, MODELES_DELIVRES, type DocumentDelivre } from '../domain/delivrances';

/** Who asks for the document (edition log). */
export interface Actor {
  userId?: number | null;
  /** e.g. "dreets.ara (DREETS)", or "système" for an automatic edition */
  label: string;
}

export interface EditItem<K extends TemplateId> {
  input: InputOf[K];
  /** what the document is about, e.g. "inscription:<documentId>", "session:<documentId>" */
  objet: string;
  facts?: IssueFacts;
}

export type CertificationId = 'parchemin' | 'certificat-ccs' | 'livret';

export interface Issued extends Rendered {
  /** per item: number (numbered series), date of issue, whether it was a reissue */
  items: { objet: string; numero: string | null; dateDelivrance: string; reedition: boolean }[];
}

function checkTemplate(id: unknown): TemplateId {
  if (!isTemplateId(id)) throw new DocumentDataError('templateId', `Modèle de document inconnu : « ${String(id)} ».`);
  return id;
}

function checkActor(actor: Actor | undefined): Actor {
  if (!actor?.label) throw new DocumentDataError('actor', 'Auteur de l’édition manquant : toute édition est tracée.');
  return actor;
}

export function createDocumentsService(strapi: Core.Strapi, pool: LibreOfficePool) {
  const knex = () => strapi.db.connection as unknown as Knex;

  /** One transaction, joined when the caller already has one (bridge action, sessions workflow). */
  function inTransaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => work(trx)) as Promise<T>;
  }

  const service = {
    pool,

    /** One document (preview: a certification without number prints "SPÉCIMEN"). */
    async render<K extends TemplateId>(templateId: K, input: InputOf[K], options: { format?: OutputFormat } = {}): Promise<Rendered> {
      return service.renderBatch(templateId, [input], options);
    },

    /** Many documents as ONE file (one repeated page section each). */
    async renderBatch<K extends TemplateId>(templateId: K, inputs: InputOf[K][], options: { format?: OutputFormat } = {}): Promise<Rendered> {
      const id = checkTemplate(templateId) as K;
      return renderPages(pool, id, preparePages(id, inputs), options.format ?? 'pdf');
    },

    /** Convocations, lists, émargement, PV: checks the rules of issue, renders, records each item's edition. */
    async edit<K extends TemplateId>(templateId: K, items: EditItem<K>[], options: { actor: Actor; format?: OutputFormat }): Promise<Rendered> {
      const id = checkTemplate(templateId) as K;
      const actor = checkActor(options.actor);
      if (templateOf(id).kind === 'certification') throw new DocumentDataError('templateId', 'Un parchemin, un livret ou un certificat se délivre par « issue » (numérotation et règles de délivrance).');
      for (const item of items) if (item.facts) assertIssuable(id, item.facts);
      const pages = preparePages(
        id,
        items.map((item) => item.input),
      );
      return inTransaction(async (trx) => {
        const rendered = await renderPages(pool, id, pages, options.format ?? 'pdf');
        await insertEditions(
          trx,
          items.map((item, index) => ({
            templateId: id,
            objet: item.objet,
            numero: null,
            format: rendered.format,
            reedition: false,
            motif: null,
            userId: actor.userId ?? null,
            userLabel: actor.label,
            contentHash: rendered.hashes[index],
          })),
        );
        return rendered;
      });
    },

    /**
     * Parchemins, CCS certificates, livrets after VALIDATED results (facts checked per item). A numbered
     * document gets its number once, at its first issue; issuing it again prints the same number and
     * date and is recorded as a reissue. Many items → one PDF (all parchemins of a session).
     */
    async issue<K extends CertificationId>(templateId: K, items: (EditItem<K> & { facts: IssueFacts })[], options: { actor: Actor; format?: OutputFormat; motif?: string }): Promise<Issued> {
      const id = checkTemplate(templateId) as K;
      const actor = checkActor(options.actor);
      const template = templateOf(id);
      if (template.kind !== 'certification') throw new DocumentDataError('templateId', `« ${id} » n’est pas un document de certification.`);
      if (!items.length) throw new DocumentDataError('items', 'Aucun document à délivrer.');
      for (const [index, item] of items.entries()) {
        if (!item.objet) throw new DocumentDataError(`items[${index}].objet`, 'Objet du document manquant (ex. « inscription:<id> »).');
        assertIssuable(id, item.facts ?? {});
      }
      return inTransaction(async (trx) => {
        const issuedItems: Issued['items'] = [];
        const inputs: InputOf[K][] = [];
        for (const item of items) {
          const input = { ...(item.input as DelivranceInput) } as DelivranceInput;
          let issuer;
          try {
            issuer = emetteurOf(input.emetteur);
          } catch (error) {
            throw new DocumentDataError('emetteur', (error as Error).message);
          }
          const serie = template.serie;
          const existing = serie ? await findDelivrance(trx, { serie, objet: item.objet }) : null;
          if (existing && !(await hasEdition(trx, existing.numero))) {
            // numbered at validation (numeroter), printed now for the first time: not a reissue
            Object.assign(input, { numero: existing.numero, dateDelivrance: existing.dateDelivrance, lieuDelivrance: existing.lieuDelivrance });
            issuedItems.push({ objet: item.objet, numero: existing.numero, dateDelivrance: existing.dateDelivrance, reedition: false });
          } else if (existing) {
            Object.assign(input, reissueOf(existing), { dateReedition: todayIso(new Date(), issuer.timeZone) });
            await countReedition(trx, existing.numero);
            issuedItems.push({ objet: item.objet, numero: existing.numero, dateDelivrance: existing.dateDelivrance, reedition: true });
          } else {
            const dateDelivrance = todayIso(new Date(), issuer.timeZone);
            input.dateDelivrance = dateDelivrance;
            let numero: string | null = null;
            if (serie) {
              const annee = anneeDe(dateDelivrance);
              const sequence = await nextSequence(trx, issuer.code, annee, serie);
              numero = formatNumero({ emetteur: issuer.code, annee, serie, sequence });
              input.numero = numero;
              await insertDelivrance(trx, { numero, serie, emetteur: issuer.code, annee, sequence, templateId: id, objet: item.objet, dateDelivrance, lieuDelivrance: input.lieuDelivrance });
            }
            issuedItems.push({ objet: item.objet, numero, dateDelivrance, reedition: false });
          }
          inputs.push(input as InputOf[K]);
        }
        const rendered = await renderPages(pool, id, preparePages(id, inputs), options.format ?? 'pdf');
        await insertEditions(
          trx,
          issuedItems.map((item, index) => ({
            templateId: id,
            objet: item.objet,
            numero: item.numero,
            format: rendered.format,
            reedition: item.reedition,
            motif: item.reedition ? (options.motif ?? 'Nouvelle édition') : null,
            userId: actor.userId ?? null,
            userLabel: actor.label,
            contentHash: rendered.hashes[index],
          })),
        );
        return { ...rendered, items: issuedItems };
      });
    },

    /**
     * Numbers the documents a validation grants, without printing them (the sessions workflow calls it when
     * results are validated): the number and date of issue are fixed now; the first print (issue) uses them
     * and is not a reissue. Already numbered objets keep their number. Joins the caller's transaction.
     */
    async numeroter(templateId: 'parchemin' | 'certificat-ccs', items: { objet: string; emetteur: string; lieuDelivrance: string; facts: IssueFacts }[]) {
      const template = templateOf(checkTemplate(templateId));
      const serie = template.serie!;
      for (const [index, item] of items.entries()) {
        if (!item.objet) throw new DocumentDataError(`items[${index}].objet`, 'Objet du document manquant (ex. « inscription:<id> »).');
        if (!item.lieuDelivrance?.trim()) throw new DocumentDataError(`items[${index}].lieuDelivrance`, 'Lieu de délivrance manquant.');
        assertIssuable(templateId, item.facts ?? {});
      }
      return inTransaction(async (trx) => {
        const numbered: { objet: string; numero: string; dateDelivrance: string; nouveau: boolean }[] = [];
        for (const [index, item] of items.entries()) {
          let issuer;
          try {
            issuer = emetteurOf(item.emetteur);
          } catch (error) {
            throw new DocumentDataError(`items[${index}].emetteur`, (error as Error).message);
          }
          const existing = await findDelivrance(trx, { serie, objet: item.objet });
          if (existing) {
            numbered.push({ objet: item.objet, numero: existing.numero, dateDelivrance: existing.dateDelivrance, nouveau: false });
            continue;
          }
          const dateDelivrance = todayIso(new Date(), issuer.timeZone);
          const annee = anneeDe(dateDelivrance);
          const sequence = await nextSequence(trx, issuer.code, annee, serie);
          const numero = formatNumero({ emetteur: issuer.code, annee, serie, sequence });
          await insertDelivrance(trx, { numero, serie, emetteur: issuer.code, annee, sequence, templateId, objet: item.objet, dateDelivrance, lieuDelivrance: item.lieuDelivrance.trim() });
          numbered.push({ objet: item.objet, numero, dateDelivrance, nouveau: true });
        }
        return numbered;
      });
    },

    /**
     * Reissue of a numbered document (civil-status change, lost original…): the holder's data may change,
     * the number, date and place of issue never do. The reason is recorded.
     */
    async reissue<K extends 'parchemin' | 'certificat-ccs'>(numero: string, templateId: K, input: InputOf[K], options: { actor: Actor; motif: string; format?: OutputFormat }): Promise<Issued> {
      const actor = checkActor(options.actor);
      if (!options.motif?.trim()) throw new DocumentDataError('motif', 'Motif de la réédition manquant.');
      return inTransaction(async (trx) => {
        const original = await findDelivrance(trx, { numero });
        if (!original) throw new DocumentRuleError(`Aucun document délivré sous le numéro « ${numero} ».`, 'numero');
        if (original.templateId !== templateId) throw new DocumentRuleError(`Le numéro « ${numero} » n’est pas celui d’un ${templateOf(templateId).label.toLowerCase()}.`, 'numero');
        const issuer = emetteurOf(original.emetteur);
        const prepared = { ...(input as DelivranceInput), ...reissueOf(original), emetteur: original.emetteur, dateReedition: todayIso(new Date(), issuer.timeZone) };
        const rendered = await renderPages(pool, templateId, preparePages(templateId, [prepared as unknown as InputOf[K]]), options.format ?? 'pdf');
        await countReedition(trx, numero);
        await insertEditions(trx, [
          { templateId, objet: original.objet, numero, format: rendered.format, reedition: true, motif: options.motif.trim(), userId: actor.userId ?? null, userLabel: actor.label, contentHash: rendered.hashes[0] },
        ]);
        return { ...rendered, items: [{ objet: original.objet, numero, dateDelivrance: original.dateDelivrance, reedition: true }] };
      });
    },

    /**
     * What a bridge action returns to send the document to the browser (the bridge's FileAnswer shape):
     *   registry.registerAction({ resource: 'sessions', name: 'parchemins', handler: async (c) =>
     *     documents.fileAnswer(await documents.issue('parchemin', items, { actor }), 'parchemins-session.pdf') })
     */
    fileAnswer(rendered: Rendered, filename: string, inline = true) {
      const name = filename.replace(/\.(pdf|odt)$/i, '') + '.' + rendered.format;
      return { ceresFile: true as const, body: rendered.buffer, filename: name, contentType: rendered.contentType, inline };
    },

    /** The edition log of an objet or a number, newest first. */
    async editions(where: { objet?: string; numero?: string }, limit = 100) {
      return listEditions(knex(), where, limit);
    },

    async delivrance(numero: string) {
      return findDelivrance(knex(), { numero });
    },

    /**
     * Every parchemin, CCS certificate and livret issued to a candidate (numeric id, already checked against
     * the caller's territory by the caller), with number, date and place of issue and reissues (date, reason),
     * oldest first. The candidats plugin's parcours reads them here: these tables are this plugin's.
     */
    async documentsDelivres(candidatId: number): Promise<DocumentDelivre[]> {
      const { objets, delivrances, editions } = await lireDelivresAuCandidat(knex(), candidatId, MODELES_DELIVRES);
      return documentsDelivres(objets, delivrances, editions);
    },

    /** The numbered document already issued for an objet (e.g. "inscription:<id>"), if any. */
    async delivranceOf(serie: string, objet: string) {
      return inTransaction((trx) => findDelivrance(trx, { serie, objet }));
    },
  };
  return service;
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
