/**
 * Batches by région and period ("lots d'édition", issue 8), run in the background.
 * The `documents_lots` table is the queue and the progress record: a lot is created EN_ATTENTE (through the
 * bridge), claimed by one worker (FOR UPDATE SKIP LOCKED), then:
 *   1. plan: the sessions whose results were validated in the period (RESULTATS_VALIDES or CLOTUREE, by
 *      `dateValidationResultats`) and whose issuing service is the lot's région; their certifications of the
 *      kinds asked, cut into chunks (CERES_LOT_TAILLE_PAQUET documents, default 50); `total` is set;
 *   2. number: parchemins and CCS certificates get their number first (documents.numeroter, one short
 *      transaction per chunk), so chunks can then be printed at once by the pool's LibreOffice processes
 *      without waiting on the issuer's counter;
 *   3. print: each chunk is issued (rules of issue, edition recorded, a reissue keeps number and date) and its
 *      PDF written to the lot's private folder; `fait` grows chunk by chunk. LibreOffice deaths are retried by
 *      the pool, and a chunk still failing is tried again; a document refused by its data is reported in
 *      `erreurs` and the others are printed;
 *   4. join: the chunks become one PDF (pdfunite), kept privately until downloaded through the bridge.
 * A lot cut by a server stop is resumed at the next start: the chunks already written are not printed again.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { emetteurOf } from '../domain/from-records';
import { DOCUMENTS_LOT, LOT_TABLE } from '../content-types/lot';
import type { CertificationId, DocumentsService } from './documents';
import { joinPdfFiles, pdfPages } from './pdf-join';
import { livretsOf, parcheminsOf, RESULTATS_VALIDES, sessionData, type Certifications } from './session-data';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface LotRow {
  id: number;
  document_id: string;
  region: string;
  du: string | Date;
  au: string | Date;
  documents: unknown;
  demandeur: string | null;
  demandeur_id: number | null;
}

export interface ErreurLot {
  session?: string;
  objet?: string;
  message: string;
}

interface Chunk {
  index: number;
  templateId: CertificationId;
  items: (Certifications['items'][number] & { session: string })[];
}

const isoDate = (value: string | Date) => (value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value).slice(0, 10));
const json = <T>(value: unknown, fallback: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? fallback));
const statusOf = (error: unknown) => ((error as { ceresBridgeError?: boolean; status?: number })?.ceresBridgeError ? Number((error as { status?: number }).status) : 500);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const partName = (index: number, sub?: number) => `part-${String(index).padStart(5, '0')}${sub === undefined ? '' : `-${String(sub).padStart(4, '0')}`}.pdf`;

export function createLots(strapi: Core.Strapi, documents: () => DocumentsService) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const data = sessionData(strapi);
  const dossier = () => process.env.CERES_LOTS_DIR || path.resolve(strapi.dirs.app.root, '..', '.data', 'lots-edition');
  const taillePaquet = () => Math.max(1, Number(process.env.CERES_LOT_TAILLE_PAQUET) || 50);
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let stopped = false;

  async function sessionsOf(lot: LotRow): Promise<Rec[]> {
    // SQL keeps the sessions whose centre or département may belong to the région (a superset: emetteurOf decides)
    const rows = (
      await knex().raw(
        `SELECT DISTINCT s.id, s.date_validation_resultats FROM sessions s
           LEFT JOIN sessions_centre_lnk sc ON sc.session_id = s.id
           LEFT JOIN centres_region_lnk cr ON cr.centre_id = sc.centre_id
           LEFT JOIN regions r ON r.id = cr.region_id
           LEFT JOIN sessions_departement_lnk sd ON sd.session_id = s.id
           LEFT JOIN centres_departement_lnk cd ON cd.centre_id = sc.centre_id
           LEFT JOIN departements d ON d.id = coalesce(sd.departement_id, cd.departement_id)
           LEFT JOIN departements_region_lnk dr ON dr.departement_id = d.id
           LEFT JOIN regions rd ON rd.id = dr.region_id
          WHERE s.statut = ANY(?) AND s.date_validation_resultats BETWEEN ?::date AND ?::date
            AND (r.code = ? OR rd.code = ? OR d.code = ?)
          ORDER BY s.date_validation_resultats, s.id`,
        [RESULTATS_VALIDES, isoDate(lot.du), isoDate(lot.au), lot.region, lot.region, lot.region],
      )
    ).rows as { id: number }[];
    const sessions: Rec[] = [];
    for (const { id } of rows) {
      const session = await data.loadSession(id);
      // the issuing service decides the lot: the centre's région, or Nouvelle-Calédonie (988)
      if (session && emetteurOf(session)?.code === lot.region) sessions.push(session);
    }
    return sessions;
  }

  async function plan(lot: LotRow, erreurs: ErreurLot[]): Promise<{ chunks: Chunk[]; nbSessions: number }> {
    const kinds = json<string[]>(lot.documents, [...DOCUMENTS_LOT]);
    const byKind = new Map<CertificationId, Chunk['items']>(DOCUMENTS_LOT.map((kind) => [kind, []]));
    const sessions = await sessionsOf(lot);
    for (const session of sessions) {
      const numero = String(session.numero ?? session.documentId);
      try {
        const inscrits = await data.loadInscrits(session.id);
        const wanted: Certifications[] = [];
        if (kinds.includes(session.type === 'CCS' ? 'certificat-ccs' : 'parchemin')) wanted.push(parcheminsOf(session, inscrits) as Certifications);
        if (kinds.includes('livret')) wanted.push(livretsOf(session, inscrits) as Certifications);
        for (const certifications of wanted) byKind.get(certifications.templateId)!.push(...certifications.items.map((item) => ({ ...item, session: numero })));
      } catch (error) {
        erreurs.push({ session: numero, message: messageOf(error) });
      }
    }
    const chunks: Chunk[] = [];
    for (const [templateId, items] of byKind) {
      for (let start = 0; start < items.length; start += taillePaquet()) chunks.push({ index: chunks.length, templateId, items: items.slice(start, start + taillePaquet()) });
    }
    return { chunks, nbSessions: sessions.length };
  }

  const update = (id: number, values: Record<string, unknown>) => knex()(LOT_TABLE).where({ id }).update({ ...values, updated_at: new Date() });
  const advance = (id: number, n: number) => knex()(LOT_TABLE).where({ id }).increment('fait', n);

  /** Prints one chunk into the lot's folder; a document refused by its data is reported, the others printed. */
  async function printChunk(lot: LotRow, work: string, chunk: Chunk, erreurs: ErreurLot[]) {
    const actor = { userId: lot.demandeur_id, label: lot.demandeur ?? 'système' };
    const motif = `Lot d'édition ${lot.document_id}`;
    const save = async (name: string, buffer: Buffer) => {
      await writeFile(path.join(work, `${name}.tmp`), buffer);
      await rename(path.join(work, `${name}.tmp`), path.join(work, name));
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const issued = await documents().issue(chunk.templateId, chunk.items as never, { actor, motif });
        await save(partName(chunk.index), issued.buffer);
        return;
      } catch (error) {
        const status = statusOf(error);
        // LibreOffice unavailable after the pool's own retries: once more after a pause, then the lot fails
        if (status >= 500) {
          if (attempt >= 3 || stopped) throw error;
          await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
          continue;
        }
        // refused by the data or a rule: one by one, so that one bad record does not hold back the others
        for (const [sub, item] of chunk.items.entries()) {
          try {
            const issued = await documents().issue(chunk.templateId, [item] as never, { actor, motif });
            await save(partName(chunk.index, sub), issued.buffer);
          } catch (itemError) {
            if (statusOf(itemError) >= 500) throw itemError;
            erreurs.push({ session: item.session, objet: item.objet, message: messageOf(itemError) });
          }
        }
        return;
      }
    }
  }

  async function run(lot: LotRow) {
    const erreurs: ErreurLot[] = [];
    const work = path.join(dossier(), lot.document_id);
    await mkdir(work, { recursive: true });
    const { chunks, nbSessions } = await plan(lot, erreurs);
    const total = chunks.reduce((sum, chunk) => sum + chunk.items.length, 0);
    const written = new Set((await readdir(work)).filter((name) => name.endsWith('.pdf')).map((name) => name.slice(5, 10)));
    const todo = chunks.filter((chunk) => !written.has(String(chunk.index).padStart(5, '0')));
    await update(lot.id, { total, nb_sessions: nbSessions, fait: total - todo.reduce((sum, chunk) => sum + chunk.items.length, 0), erreurs: JSON.stringify(erreurs) });

    // numbers first (short transactions), so the chunks do not queue on the issuer's counter while printing
    for (const chunk of todo) {
      if (chunk.templateId === 'livret') continue;
      await documents().numeroter(
        chunk.templateId,
        chunk.items.map((item) => ({ objet: item.objet, emetteur: String((item.input as Rec).emetteur), lieuDelivrance: String((item.input as Rec).lieuDelivrance), facts: item.facts })),
      );
    }
    // as many chunks at once as the pool has LibreOffice processes
    const queue = [...todo];
    const workers = Array.from({ length: Math.max(1, Math.min(documents().pool.factories, queue.length)) }, async () => {
      for (let chunk = queue.shift(); chunk && !stopped; chunk = queue.shift()) {
        await printChunk(lot, work, chunk, erreurs);
        await advance(lot.id, chunk.items.length);
      }
    });
    await Promise.all(workers);
    if (stopped) throw new Error('Lot interrompu par l’arrêt du serveur : il reprendra au redémarrage.');

    const parts = (await readdir(work)).filter((name) => /^part-.*\.pdf$/.test(name)).sort();
    let fichier: string | null = null;
    let pages = 0;
    if (parts.length) {
      fichier = `${lot.document_id}.pdf`;
      await joinPdfFiles(
        parts.map((name) => path.join(work, name)),
        path.join(dossier(), fichier),
      );
      pages = await pdfPages(path.join(dossier(), fichier));
    }
    await rm(work, { recursive: true, force: true });
    const message = !total
      ? 'Aucun document à éditer : aucune session de cette région n’a de résultats validés sur la période pour les documents demandés.'
      : `${total - erreurs.filter((e) => e.objet).length} document(s) édité(s) sur ${total}${erreurs.length ? `, ${erreurs.length} erreur(s)` : ''}.`;
    await update(lot.id, { statut: 'TERMINE', fin: new Date(), fichier, pages, erreurs: JSON.stringify(erreurs), message });
  }

  async function tick() {
    if (busy || stopped) return;
    busy = true;
    try {
      for (;;) {
        const claimed = await knex().raw(
          `UPDATE ${LOT_TABLE} SET statut = 'EN_COURS', debut = coalesce(debut, now()), tentatives = tentatives + 1, updated_at = now()
            WHERE id = (SELECT id FROM ${LOT_TABLE} WHERE statut = 'EN_ATTENTE' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, document_id, region, du, au, documents, demandeur, demandeur_id`,
        );
        const lot = claimed.rows[0] as LotRow | undefined;
        if (!lot) return;
        try {
          await run(lot);
        } catch (error) {
          if (stopped) return; // resumed at the next start (start() puts it back in the queue)
          strapi.log.error(`[documents] lot ${lot.document_id} : ${messageOf(error)}`);
          await update(lot.id, { statut: 'ECHEC', fin: new Date(), message: `Le lot n’a pas pu être produit : ${messageOf(error)}` });
        }
      }
    } catch (error) {
      strapi.log.error(`[documents] file des lots : ${messageOf(error)}`);
    } finally {
      busy = false;
    }
  }

  return {
    dossier,
    tick,

    async start() {
      // a lot cut by a stop goes back to the queue and resumes where its chunks stopped
      await knex()(LOT_TABLE).where({ statut: 'EN_COURS' }).update({ statut: 'EN_ATTENTE', updated_at: new Date() });
      await knex().raw(`CREATE INDEX IF NOT EXISTS documents_lots_file_idx ON ${LOT_TABLE} (statut, id)`);
      stopped = false;
      timer = setInterval(() => void tick(), Number(process.env.CERES_LOT_INTERVALLE_MS) || 1_000);
      timer.unref();
    },

    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },

    /** the PDF of a finished lot (bridge action `telecharger`) */
    async fichier(name: string): Promise<Buffer | null> {
      if (!/^[A-Za-z0-9_-]+\.pdf$/.test(name)) return null;
      const file = path.join(dossier(), name);
      return (await stat(file).catch(() => null)) ? (await import('node:fs/promises')).readFile(file) : null;
    },
  };
}

export type Lots = ReturnType<typeof createLots>;
