/**
 * Statistics: one SQL aggregate per call (services/reporting-sql.ts), on the principal's territory, through
 * the bridge as read-only resources with their own reader (`statistiques`, `statistiques-sessions`).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { FiltreInvalide, SESSION_STATUT_LABELS, ligneStatistique, parseStatistiquesFiltre, type LigneStatistique, type StatistiquesFiltre } from '../domain/statistics-rules';
import type { Perimetre } from '../domain/extraction-rules';
import { badRequest, type ListQuery, type Principal, type ReaderRecord } from '@ceres/plugin-bridge/runtime';
import { requeteSessionsParStatut, requeteStatistiques, schemaOf, type Requete } from './reporting-sql';

function filtreDe(query: ListQuery, allowAxe: boolean): StatistiquesFiltre {
  try {
    return parseStatistiquesFiltre(query.filter, allowAxe);
  } catch (error) {
    if (error instanceof FiltreInvalide) throw badRequest(error.field, error.message);
    throw error;
  }
}

/** sorts and pages the (few) aggregated rows as react-admin asked */
function page<T extends ReaderRecord>(rows: T[], query: ListQuery, fallback: keyof T): { total: number; records: T[] } {
  const field = (query.sort.field in (rows[0] ?? {}) ? query.sort.field : fallback) as keyof T;
  const direction = query.sort.order === 'DESC' ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    const x = a[field] as unknown;
    const y = b[field] as unknown;
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr', { numeric: true })) * direction;
  });
  return { total: rows.length, records: sorted.slice(query.range.start, query.range.end + 1) };
}

export function createStatistics(strapi: Core.Strapi) {
  const run = async <T>(requete: Requete): Promise<T[]> => {
    const knex = strapi.db.connection as unknown as Knex;
    // knex would expand array bindings; the query already has PostgreSQL's own $n placeholders
    const connection = (await knex.client.acquireConnection()) as { query: (text: string, values: unknown[]) => Promise<{ rows: T[] }> };
    try {
      return (await connection.query(requete.text, requete.values)).rows;
    } finally {
      await knex.client.releaseConnection(connection);
    }
  };

  async function candidats(filtre: StatistiquesFiltre, perimetre: Perimetre): Promise<(LigneStatistique & ReaderRecord)[]> {
    const rows = await run<{ cle: string | null; libelle: string | null; inscrits: number; presentes: number; absents: number; reussites_totales: number; reussites_partielles: number; titres_delivres: number }>(
      requeteStatistiques(schemaOf(strapi), filtre, perimetre),
    );
    const lignes = rows.map((row) =>
      ligneStatistique(
        {
          cle: row.cle,
          libelle: row.libelle,
          inscrits: row.inscrits,
          presentes: row.presentes,
          absents: row.absents,
          reussitesTotales: row.reussites_totales,
          reussitesPartielles: row.reussites_partielles,
          titresDelivres: row.titres_delivres,
        },
        filtre.axe,
      ),
    );
    // the whole: one line even when nothing was found (zeros, no rate)
    if (filtre.axe === 'ensemble' && !lignes.length) {
      lignes.push(ligneStatistique({ cle: null, libelle: null, inscrits: 0, presentes: 0, absents: 0, reussitesTotales: 0, reussitesPartielles: 0, titresDelivres: 0 }, 'ensemble'));
    }
    return lignes.map((ligne) => ({ ...ligne, axe: filtre.axe }));
  }

  async function sessions(filtre: StatistiquesFiltre, perimetre: Perimetre) {
    const rows = await run<{ cle: string; nombre: number }>(requeteSessionsParStatut(schemaOf(strapi), filtre, perimetre));
    return rows.map((row) => ({ id: row.cle, statut: row.cle, libelle: SESSION_STATUT_LABELS[row.cle] ?? row.cle, nombre: row.nombre }));
  }

  return {
    candidats,
    sessions,
    reader: {
      async list(query: ListQuery, principal: Principal) {
        return page(await candidats(filtreDe(query, true), principal.territory), query, 'libelle');
      },
      async findOne() {
        return null;
      },
    },
    sessionsReader: {
      async list(query: ListQuery, principal: Principal) {
        const filtre = filtreDe(query, false);
        if (filtre.voieAcces) throw badRequest('filter.voieAcces', "La voie d'accès est celle d'un candidat : elle ne filtre pas les sessions.");
        return page(await sessions(filtre, principal.territory), query, 'statut');
      },
      async findOne() {
        return null;
      },
    },
  };
}
