/**
 * The weekly extraction runs (rules: domain/extraction-rules.ts).
 * The `extractions` table is the queue: a run is created EN_ATTENTE (by the scheduler or an agent through
 * the bridge), claimed by one worker (FOR UPDATE SKIP LOCKED), streamed to three CSV files, then TERMINEE —
 * or ECHEC with its message and the time of its next attempt (R8), which the same worker picks up.
 * The files are streamed from PostgreSQL (pg-query-stream, one dedicated connection, one REPEATABLE READ
 * snapshot so the three files agree) through csv-stringify to disk: memory does not grow with the volume.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Client } from 'pg';
import QueryStream from 'pg-query-stream';
import { stringify } from 'csv-stringify';
import {
  FICHIERS,
  PERIMETRES_PLANIFIES,
  clePerimetre,
  libellePerimetre,
  nomDeFichier,
  perimetreDeCle,
  prochaineTentative,
  semainePrecedente,
  type Fichier,
  type Perimetre,
  type Semaine,
} from '../domain/extraction-rules';
import { SEPARATEUR, entetes, ligne } from '../domain/csv-format';
import { EXTRACTION_TABLE, EXTRACTION_UID } from '../content-types/extraction';
import { requeteFichier, schemaOf, type Requete } from './reporting-sql';
import type { ReportingSettings } from '../domain/settings';

interface ExtractionRow {
  id: number;
  document_id: string;
  semaine_debut: string | Date;
  semaine_fin: string | Date;
  perimetre: string;
  tentatives: number;
}

export interface FichierProduit {
  nom: string;
  taille: number;
  lignes: number;
}

const isoDate = (value: string | Date) => (value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value).slice(0, 10));

export function createExtractions(strapi: Core.Strapi, settings: () => ReportingSettings) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const dossier = () => settings().dossier || path.resolve(strapi.dirs.app.root, '..', '.data', 'extractions');
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let stopped = false;

  /** a dedicated connection (not one of the pool's): a long stream must not hold a request's connection */
  async function dedicatedClient(): Promise<Client> {
    const connection = strapi.config.get('database.connection.connection') as { connectionString?: string; schema?: string } & Record<string, unknown>;
    const { schema, ...options } = connection;
    const client = new Client(options);
    client.on('error', () => undefined); // reported by the failing query
    await client.connect();
    if (schema) await client.query(`SET search_path TO "${schema.replace(/"/g, '')}"`);
    // a stalled run must fail (and be retried) rather than hold the queue forever
    await client.query("SET statement_timeout = '15min'");
    return client;
  }

  /** streams one query to one CSV file; returns the number of data rows */
  async function streamToFile(client: Client, requete: Requete, fichier: Fichier, file: string): Promise<number> {
    let lignes = 0;
    const rows = client.query(new QueryStream(requete.text, requete.values, { batchSize: 500, highWaterMark: 500 }));
    let header = false;
    const toRecord = new Transform({
      objectMode: true,
      transform(row: Record<string, unknown>, _encoding, callback) {
        if (!header) {
          header = true;
          this.push(entetes(fichier));
        }
        lignes++;
        callback(null, ligne(fichier, row));
      },
      flush(callback) {
        if (!header) this.push(entetes(fichier)); // an empty week still gives a file with its header
        callback();
      },
    });
    await pipeline(rows, toRecord, stringify({ delimiter: SEPARATEUR, bom: true, record_delimiter: 'windows' }), createWriteStream(file));
    return lignes;
  }

  async function produire(row: ExtractionRow): Promise<Record<Fichier, FichierProduit>> {
    const semaine: Semaine = { debut: isoDate(row.semaine_debut), fin: isoDate(row.semaine_fin) };
    const perimetre = perimetreDeCle(row.perimetre);
    const db = schemaOf(strapi);
    const target = path.join(dossier(), row.document_id);
    const work = `${target}.en-cours`;
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const client = await dedicatedClient();
    const produits = {} as Record<Fichier, FichierProduit>;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      for (const fichier of FICHIERS) {
        const nom = nomDeFichier(fichier, semaine, perimetre);
        const file = path.join(work, `${fichier}.csv`);
        const lignes = await streamToFile(client, requeteFichier(db, fichier, semaine, perimetre), fichier, file);
        produits[fichier] = { nom, lignes, taille: (await stat(file)).size };
      }
      await client.query('COMMIT');
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await rm(target, { recursive: true, force: true });
    await rename(work, target);
    return produits;
  }

  /** takes the next run due (new, or failed and due for its retry); one worker per run */
  async function claim(): Promise<ExtractionRow | null> {
    const { rows } = (await knex().raw(
      `UPDATE ${EXTRACTION_TABLE} SET statut = 'EN_COURS', tentatives = coalesce(tentatives, 0) + 1, debut = now(), fin = NULL, updated_at = now()
        WHERE id = (SELECT id FROM ${EXTRACTION_TABLE}
                     WHERE statut = 'EN_ATTENTE' OR (statut = 'ECHEC' AND prochaine_tentative IS NOT NULL AND prochaine_tentative <= now())
                     ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, document_id, semaine_debut, semaine_fin, perimetre, tentatives`,
    )) as { rows: ExtractionRow[] };
    return rows[0] ?? null;
  }

  async function execute(row: ExtractionRow) {
    try {
      const produits = await produire(row);
      // through Strapi's query engine: it writes the json column as Strapi reads it back
      await strapi.db.query(EXTRACTION_UID as never).update({
        where: { id: row.id },
        data: {
          statut: 'TERMINEE',
          message: null,
          prochaineTentative: null,
          fin: new Date(),
          nbSessions: produits.sessions.lignes,
          nbInscriptions: produits.inscriptions.lignes,
          nbResultats: produits.resultats.lignes,
          fichiers: produits,
        },
      } as never);
    } catch (error) {
      const politique = settings();
      const next = prochaineTentative(row.tentatives, new Date(), { maxTentatives: politique.maxTentatives, delaiMinutes: politique.delaiRepriseMinutes });
      const detail = error instanceof Error ? error.message : String(error);
      const message = `Échec de l'extraction (tentative ${row.tentatives} sur ${politique.maxTentatives}) : ${detail}.${
        next ? ` Nouvelle tentative automatique prévue.` : ' Plus de nouvelle tentative automatique : relancez l’extraction.'
      }`;
      strapi.log.error(`CERES : extraction ${row.document_id} en échec : ${detail}`);
      await strapi.db.query(EXTRACTION_UID as never).update({
        where: { id: row.id },
        data: { statut: 'ECHEC', message: message.slice(0, 4000), prochaineTentative: next, fin: new Date() },
      } as never);
    }
  }

  /** runs every due extraction, one after the other (one worker per server) */
  async function tick() {
    if (busy || stopped) return;
    busy = true;
    try {
      for (let row = await claim(); row && !stopped; row = await claim()) await execute(row);
    } catch (error) {
      // database away: the next tick tries again
      strapi.log.warn(`CERES : file des extractions indisponible : ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
    }
  }

  /** R7/R1: the scheduler's weekly runs (national + Nouvelle-Calédonie), at most once per week and territory */
  async function planifier(maintenant = new Date()) {
    const semaine = semainePrecedente(maintenant, settings().fuseau);
    for (const perimetre of PERIMETRES_PLANIFIES) {
      const cle = clePerimetre(perimetre);
      const exists = await knex()(EXTRACTION_TABLE).where({ declenchement: 'PLANIFIEE', perimetre: cle, semaine_debut: semaine.debut }).first('id');
      if (exists) continue;
      try {
        await strapi.documents(EXTRACTION_UID as never).create({
          data: {
            semaineDebut: semaine.debut,
            semaineFin: semaine.fin,
            perimetre: cle,
            perimetreLibelle: libellePerimetre(perimetre),
            declenchement: 'PLANIFIEE',
            demandeur: 'Planification hebdomadaire',
            statut: 'EN_ATTENTE',
            tentatives: 0,
          },
        } as never);
      } catch (error) {
        // another server of the same database scheduled it first (unique index)
        if (!/duplicate key|unique/i.test(error instanceof Error ? error.message : '')) throw error;
      }
    }
    await tick();
  }

  return {
    dossier,
    tick,
    planifier,

    async start() {
      const db = knex();
      // a run cut by a stop is a failed attempt, retried like the others
      await db(EXTRACTION_TABLE)
        .where({ statut: 'EN_COURS' })
        .update({ statut: 'ECHEC', message: "Extraction interrompue par l'arrêt du serveur : nouvelle tentative automatique.", prochaine_tentative: new Date(), updated_at: new Date() });
      await db.raw(`CREATE UNIQUE INDEX IF NOT EXISTS extractions_planifiee_uniq ON ${EXTRACTION_TABLE} (semaine_debut, perimetre) WHERE declenchement = 'PLANIFIEE'`);
      await db.raw(`CREATE INDEX IF NOT EXISTS extractions_file_idx ON ${EXTRACTION_TABLE} (statut, prochaine_tentative)`);
      stopped = false;
      timer = setInterval(() => void tick(), settings().intervalleMs);
      timer.unref();
    },

    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },

    /** one file of a finished run, for the bridge's FileAnswer */
    async fichier(documentId: string, fichier: Fichier, produits: Partial<Record<Fichier, FichierProduit>> | null) {
      const produit = produits?.[fichier];
      if (!produit) return null;
      return { body: await readFile(path.join(dossier(), documentId, `${fichier}.csv`)), filename: produit.nom };
    },

    perimetreDe(principalTerritory: Perimetre) {
      return { cle: clePerimetre(principalTerritory), libelle: libellePerimetre(principalTerritory) };
    },
  };
}

export type Extractions = ReturnType<typeof createExtractions>;
