/**
 * Supporting documents (PJ: equivalence requests, a session's signed PV, a justified absence…) are personal
 * data. Their one home is the table ceres_piece in PostgreSQL (bytea), owned by this service:
 * - written in the caller's transaction: a failed request leaves neither a file nor a reference to one;
 * - never on a disk folder a web server could serve; `npm run backup` / `restore` (pg_dump) carry them;
 * - read only through the bridge: GET /api/ra/pieces/<id> resolves the owning record inside the user's
 *   territory and checks the user may read the owner's resource first (404 / 403 otherwise).
 * The type is sniffed from the first bytes (domain/pieces.ts), never trusted from the name or the browser.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { readFile } from 'node:fs/promises';
import { badRequest, notFound } from '../domain/errors';
import { typeReel, verifierPiece } from '../domain/pieces';
import type { Principal } from '../domain/access';
import type { FileAnswer, UploadedFile } from './registry';

export const PIECES_TABLE = 'ceres_piece';

export const PIECES_SQL = [
  `CREATE TABLE IF NOT EXISTS ${PIECES_TABLE} (
    id bigserial PRIMARY KEY,
    ressource text NOT NULL,
    document_id text NOT NULL,
    usage text NOT NULL,
    nom text NOT NULL,
    type text NOT NULL,
    taille integer NOT NULL,
    contenu bytea NOT NULL,
    ajoute_le timestamptz NOT NULL DEFAULT now(),
    ajoute_par text NOT NULL
  )`,
  // pieces of one record (listing, deletion with the record)
  `CREATE INDEX IF NOT EXISTS ${PIECES_TABLE}_proprietaire_idx ON ${PIECES_TABLE} (ressource, document_id, usage)`,
];

/** What a record keeps of its pieces (JSON on the owner, shown in lists and traces): never the bytes. */
export interface Piece {
  id: number;
  nom: string;
  type: string;
  taille: number;
  ajouteLe: string;
  ajoutePar: string;
}

export interface Proprietaire {
  /** bridge resource name of the owning record (its territory rule decides who reads the piece) */
  ressource: string;
  documentId: string;
  /** what the piece is for on that record: 'pieces', 'pv', 'justificatif-absence'… */
  usage: string;
}

interface Row {
  id: string;
  ressource: string;
  document_id: string;
  usage: string;
  nom: string;
  type: string;
  taille: number;
  ajoute_le: Date;
  ajoute_par: string;
}

const versPiece = (r: Row): Piece => ({ id: Number(r.id), nom: r.nom, type: r.type, taille: r.taille, ajouteLe: new Date(r.ajoute_le).toISOString(), ajoutePar: r.ajoute_par });

/** Uploaded files of a multipart call, whatever the form field, as one list. */
export const fichiersRecus = (files: Record<string, UploadedFile | UploadedFile[]> | undefined) => (files ? Object.values(files).flat() : []);

export function createPieces(strapi: Core.Strapi) {
  async function connection(): Promise<Knex> {
    if (!strapi.db.inTransaction()) return strapi.db.connection as unknown as Knex;
    const { trx } = await strapi.db.transaction(async ({ trx }) => ({ trx }));
    return trx as unknown as Knex;
  }

  /** The piece and its bytes, if it belongs to `owner` (any usage when none is given). */
  async function lire(id: number, owner: Omit<Proprietaire, 'usage'> & { usage?: string }): Promise<Piece & { contenu: Buffer }> {
    const db = await connection();
    const where: Record<string, unknown> = { id, ressource: owner.ressource, document_id: owner.documentId };
    if (owner.usage) where.usage = owner.usage;
    const row = Number.isSafeInteger(id) ? ((await db(PIECES_TABLE).select('*').where(where).first()) as (Row & { contenu: Buffer }) | undefined) : undefined;
    if (!row) throw notFound('Pièce justificative introuvable.');
    return { ...versPiece(row), contenu: row.contenu };
  }

  return {
    lire,
    /**
     * Checks then stores uploaded files for `owner`, in the current transaction. Every file is checked
     * before any is written: one bad file refuses the whole call (400 naming `field`).
     */
    async enregistrer(owner: Proprietaire, files: UploadedFile[], principal: Principal, field = 'pieces'): Promise<Piece[]> {
      if (!files.length) throw badRequest(field, 'Aucun fichier reçu : joignez une pièce justificative (PDF, PNG ou JPEG, 10 Mo au plus).');
      const contenus: Buffer[] = [];
      for (const file of files) {
        const contenu = await readFile(file.filepath);
        const message = verifierPiece(file.originalFilename || 'fichier', contenu.length, contenu.subarray(0, 16));
        if (message) throw badRequest(field, message);
        contenus.push(contenu);
      }
      const db = await connection();
      const rows = (await db(PIECES_TABLE)
        .insert(
          files.map((file, i) => ({
            ressource: owner.ressource,
            document_id: owner.documentId,
            usage: owner.usage,
            nom: (file.originalFilename || 'fichier').slice(0, 255),
            type: typeReel(contenus[i]) as string,
            taille: contenus[i].length,
            contenu: contenus[i],
            ajoute_par: principal.username,
          })),
        )
        .returning(['id', 'ressource', 'document_id', 'usage', 'nom', 'type', 'taille', 'ajoute_le', 'ajoute_par'])) as Row[];
      return rows.map(versPiece);
    },

    /** Metadata of an owner's pieces (oldest first). */
    async lister(owner: Proprietaire): Promise<Piece[]> {
      const db = await connection();
      const rows = (await db(PIECES_TABLE)
        .select('id', 'ressource', 'document_id', 'usage', 'nom', 'type', 'taille', 'ajoute_le', 'ajoute_par')
        .where({ ressource: owner.ressource, document_id: owner.documentId, usage: owner.usage })
        .orderBy('id')) as Row[];
      return rows.map(versPiece);
    },

    /** Who owns piece `id` (the caller checks the user reaches that record before reading it), or null. */
    async proprietaire(id: number): Promise<Proprietaire | null> {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const db = await connection();
      const row = (await db(PIECES_TABLE).select('ressource', 'document_id', 'usage').where({ id }).first()) as Row | undefined;
      return row ? { ressource: row.ressource, documentId: row.document_id, usage: row.usage } : null;
    },

    /** The piece as a file answer (download / inline view). */
    async fichier(id: number, owner: Omit<Proprietaire, 'usage'> & { usage?: string }, inline = true): Promise<FileAnswer> {
      const piece = await lire(id, owner);
      return { ceresFile: true, body: piece.contenu, filename: piece.nom, contentType: piece.type, inline };
    },

    /** Removes pieces of an owner (all usages when none is given; one piece when `id` is given). */
    async supprimer(owner: Omit<Proprietaire, 'usage'> & { usage?: string }, id?: number): Promise<number> {
      const db = await connection();
      const where: Record<string, unknown> = { ressource: owner.ressource, document_id: owner.documentId };
      if (owner.usage) where.usage = owner.usage;
      if (id !== undefined) where.id = id;
      return db(PIECES_TABLE).where(where).delete();
    },
  };
}

export type PiecesService = ReturnType<typeof createPieces>;
