/**
 * The documents' own tables (plain SQL, created at boot, owned by this plugin):
 *  - documents_compteurs: one row per (issuer, year, series); `dernier` is taken with an UPSERT that
 *    row-locks it until the transaction ends, so two issuers never get the same number and a rolled-back
 *    issue leaves no hole nor duplicate (the number was never printed: rendering happens inside).
 *  - documents_delivrances: each numbered document ever issued (number, original date and place),
 *    unique per (series, objet) so one result never gets two numbers; reissues counted here.
 *  - documents_editions: every edition (who, when, which document, content hash), append-only.
 * Only knex: usable from the Strapi service and from tests with a bare connection.
 */
import type { Knex } from 'knex';
import type { DelivranceLue, EditionLue, ObjetLu } from '../domain/delivrances';

export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS documents_compteurs (
     emetteur varchar(8) NOT NULL,
     annee integer NOT NULL,
     serie varchar(8) NOT NULL,
     dernier integer NOT NULL,
     PRIMARY KEY (emetteur, annee, serie))`,
  `CREATE TABLE IF NOT EXISTS documents_delivrances (
     id serial PRIMARY KEY,
     numero varchar(40) NOT NULL UNIQUE,
     serie varchar(8) NOT NULL,
     emetteur varchar(8) NOT NULL,
     annee integer NOT NULL,
     sequence integer NOT NULL,
     template_id varchar(40) NOT NULL,
     objet varchar(200) NOT NULL,
     date_delivrance date NOT NULL,
     lieu_delivrance varchar(200) NOT NULL,
     reeditions integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (emetteur, annee, serie, sequence),
     UNIQUE (serie, objet))`,
  `CREATE TABLE IF NOT EXISTS documents_editions (
     id bigserial PRIMARY KEY,
     template_id varchar(40) NOT NULL,
     objet varchar(200),
     numero varchar(40),
     format varchar(8) NOT NULL,
     reedition boolean NOT NULL DEFAULT false,
     motif text,
     user_id integer,
     user_label varchar(200) NOT NULL,
     content_hash char(64) NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX IF NOT EXISTS documents_editions_objet_idx ON documents_editions (objet)`,
  `CREATE INDEX IF NOT EXISTS documents_editions_numero_idx ON documents_editions (numero)`,
  // a candidate's documents are looked up by their objets (parcours)
  `CREATE INDEX IF NOT EXISTS documents_delivrances_objet_idx ON documents_delivrances (objet)`,
];

export async function ensureSchema(knex: Knex): Promise<void> {
  for (const statement of SCHEMA_SQL) await knex.raw(statement);
}

/** Next sequence of a (issuer, year, series): locks the counter row until the transaction ends. */
export async function nextSequence(trx: Knex | Knex.Transaction, emetteur: string, annee: number, serie: string): Promise<number> {
  const result = await trx.raw(
    `INSERT INTO documents_compteurs (emetteur, annee, serie, dernier) VALUES (?, ?, ?, 1)
     ON CONFLICT (emetteur, annee, serie) DO UPDATE SET dernier = documents_compteurs.dernier + 1
     RETURNING dernier`,
    [emetteur, annee, serie],
  );
  return Number(result.rows[0].dernier);
}

export interface DelivranceRow {
  numero: string;
  serie: string;
  emetteur: string;
  annee: number;
  sequence: number;
  templateId: string;
  objet: string;
  dateDelivrance: string;
  lieuDelivrance: string;
  reeditions: number;
}

const DELIVRANCE_COLUMNS = `numero, serie, emetteur, annee, sequence, template_id AS "templateId", objet,
  to_char(date_delivrance, 'YYYY-MM-DD') AS "dateDelivrance", lieu_delivrance AS "lieuDelivrance", reeditions`;

export async function findDelivrance(trx: Knex | Knex.Transaction, where: { numero: string } | { serie: string; objet: string }): Promise<DelivranceRow | null> {
  const result =
    'numero' in where
      ? await trx.raw(`SELECT ${DELIVRANCE_COLUMNS} FROM documents_delivrances WHERE numero = ? FOR UPDATE`, [where.numero])
      : await trx.raw(`SELECT ${DELIVRANCE_COLUMNS} FROM documents_delivrances WHERE serie = ? AND objet = ? FOR UPDATE`, [where.serie, where.objet]);
  return (result.rows[0] as DelivranceRow) ?? null;
}

export async function insertDelivrance(trx: Knex | Knex.Transaction, row: Omit<DelivranceRow, 'reeditions'>): Promise<void> {
  await trx.raw(
    `INSERT INTO documents_delivrances (numero, serie, emetteur, annee, sequence, template_id, objet, date_delivrance, lieu_delivrance)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::date, ?)`,
    [row.numero, row.serie, row.emetteur, row.annee, row.sequence, row.templateId, row.objet, row.dateDelivrance, row.lieuDelivrance],
  );
}

/** Whether a numbered document was ever printed (numbered at validation, not yet issued). */
export async function hasEdition(trx: Knex | Knex.Transaction, numero: string): Promise<boolean> {
  const result = await trx.raw(`SELECT 1 FROM documents_editions WHERE numero = ? LIMIT 1`, [numero]);
  return result.rows.length > 0;
}

export async function countReedition(trx: Knex | Knex.Transaction, numero: string): Promise<void> {
  await trx.raw(`UPDATE documents_delivrances SET reeditions = reeditions + 1 WHERE numero = ?`, [numero]);
}

export interface EditionRow {
  templateId: string;
  objet: string | null;
  numero: string | null;
  format: string;
  reedition: boolean;
  motif: string | null;
  userId: number | null;
  userLabel: string;
  contentHash: string;
}

export async function insertEditions(trx: Knex | Knex.Transaction, rows: EditionRow[]): Promise<void> {
  if (!rows.length) return;
  // one statement for a whole batch (200 parchemins = one insert)
  await trx('documents_editions').insert(
    rows.map((r) => ({
      template_id: r.templateId,
      objet: r.objet,
      numero: r.numero,
      format: r.format,
      reedition: r.reedition,
      motif: r.motif,
      user_id: r.userId,
      user_label: r.userLabel,
      content_hash: r.contentHash,
    })),
  );
}

export async function listEditions(knex: Knex | Knex.Transaction, where: { objet?: string; numero?: string }, limit = 100) {
  const query = knex('documents_editions')
    .select('id', 'template_id as templateId', 'objet', 'numero', 'format', 'reedition', 'motif', 'user_id as userId', 'user_label as userLabel', 'content_hash as contentHash', 'created_at as createdAt')
    .orderBy('id', 'desc')
    .limit(limit);
  if (where.objet) query.where('objet', where.objet);
  if (where.numero) query.where('numero', where.numero);
  return query;
}

/**
 * What was issued to one candidate: their registrations (objet "inscription:<documentId>", with the session),
 * the numbered documents of those objets and the editions of the given templates for them.
 */
export async function lireDelivresAuCandidat(knex: Knex | Knex.Transaction, candidatId: number, templateIds: string[]): Promise<{ objets: ObjetLu[]; delivrances: DelivranceLue[]; editions: EditionLue[] }> {
  const objets = (
    await knex.raw(
      `SELECT DISTINCT 'inscription:' || i.document_id AS objet, s.document_id AS session, s.numero AS "sessionNumero"
         FROM inscriptions_candidat_lnk icl
         JOIN inscriptions i ON i.id = icl.inscription_id
         LEFT JOIN inscriptions_session_lnk isl ON isl.inscription_id = i.id
         LEFT JOIN sessions s ON s.id = isl.session_id
        WHERE icl.candidat_id = ?`,
      [candidatId],
    )
  ).rows as ObjetLu[];
  if (!objets.length) return { objets, delivrances: [], editions: [] };
  const liste = objets.map((o) => o.objet);
  const delivrances = (await knex.raw(`SELECT ${DELIVRANCE_COLUMNS}, created_at AS "createdAt" FROM documents_delivrances WHERE objet = ANY(?)`, [liste])).rows as DelivranceLue[];
  const editions = (
    await knex.raw(
      `SELECT template_id AS "templateId", objet, numero, reedition, motif, created_at AS "createdAt"
         FROM documents_editions WHERE objet = ANY(?) AND template_id = ANY(?) ORDER BY created_at, id`,
      [liste, templateIds],
    )
  ).rows as EditionLue[];
  return { objets, delivrances, editions };
}
