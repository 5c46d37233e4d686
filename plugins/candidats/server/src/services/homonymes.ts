/**
 * Server side of the homonym control: a national search (every candidate, whatever the agent's
 * territory) served by indexes — birth date (btree) and normalised names (trigram) — then the pure
 * matcher (domain/homonymes.ts). A match outside the agent's territory shows only what identifies the
 * person: names, birth date, birth place.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Principal, Registry } from '@ceres/plugin-bridge';
import { chercherHomonymes, datesCandidates, datesProches, type Correspondance, type Identite } from '../domain/homonymes';
import { libelleCommuneNaissance } from '../domain/identite';
import { plier } from '../domain/texte';
import { badRequest } from '@ceres/plugin-bridge/runtime';
import { createDb, UID } from './db';

export const INDEXES_SQL = (table: string) => [
  `CREATE INDEX IF NOT EXISTS "${table}_date_naissance_idx" ON "${table}" (date_naissance)`,
  `CREATE INDEX IF NOT EXISTS "${table}_nom_naissance_trgm" ON "${table}" USING gin (ceres_norm(nom_naissance) gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS "${table}_nom_usage_trgm" ON "${table}" USING gin (ceres_norm(coalesce(nom_usage, '')) gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS "${table}_departement_residence_idx" ON "${table}" (departement_residence)`,
  // the candidate territory rule: created by a UD / DREETS (strapi/src/api/candidat/territory.ts)
  `CREATE INDEX IF NOT EXISTS "${table}_departement_createur_idx" ON "${table}" (departement_createur) WHERE departement_createur IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS "${table}_region_createur_idx" ON "${table}" (region_createur) WHERE region_createur IS NOT NULL`,
];

/** At most this many stored rows are compared for one search (same birth date, similar names). */
const LIMITE_LIGNES = 2000;

export type Homonyme = {
  id: string;
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string[];
  dateNaissance: string;
  lieuNaissance: string;
  /** the agent may open the record (it is in their territory) */
  dansPerimetre: boolean;
  niveau: Correspondance['niveau'];
  raisons: string[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The search criteria from the list filter: nomNaissance, nomUsage, prenoms (list or text), dateNaissance. */
export function identiteRecherchee(filter: Record<string, unknown>): Identite {
  const texte = (field: string, max = 100) => {
    const value = filter[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || value.length > max) throw badRequest(`filter.${field}`, `Le critère « ${field} » doit être un texte de ${max} caractères au plus.`);
    return value;
  };
  const nomNaissance = texte('nomNaissance');
  if (!nomNaissance || !plier(nomNaissance)) throw badRequest('filter.nomNaissance', 'Le contrôle d’homonymie demande le nom de naissance.');
  const rawPrenoms = filter.prenoms;
  const prenoms = (Array.isArray(rawPrenoms) ? rawPrenoms : typeof rawPrenoms === 'string' ? rawPrenoms.split(/[,;]/) : [])
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 10);
  if (!prenoms.length) throw badRequest('filter.prenoms', 'Le contrôle d’homonymie demande au moins un prénom.');
  const dateNaissance = filter.dateNaissance;
  if (typeof dateNaissance !== 'string' || !DATE.test(dateNaissance) || Number.isNaN(Date.parse(dateNaissance)) || new Date(dateNaissance).toISOString().slice(0, 10) !== dateNaissance) {
    throw badRequest('filter.dateNaissance', 'Le contrôle d’homonymie demande la date de naissance (AAAA-MM-JJ, date réelle).');
  }
  return { nomNaissance, nomUsage: texte('nomUsage'), prenoms, dateNaissance };
}

export function createHomonymes(strapi: Core.Strapi) {
  const db = createDb(strapi);
  const registry = () => strapi.plugin('ra').service('registry') as Registry;

  async function lignes(knex: Knex, recherche: Identite) {
    const table = db.table(UID.candidat);
    const pays = db.link(UID.candidat, 'paysNaissance');
    const noms = [recherche.nomNaissance, recherche.nomUsage, recherche.prenoms[0]].filter((n): n is string => Boolean(n)).map(plier);
    const query = knex
      .select('c.id', 'c.document_id', 'c.nom_naissance', 'c.nom_usage', 'c.prenoms', knex.raw('c.date_naissance::text AS date_naissance'), 'c.commune_naissance_libelle', 'c.commune_naissance_departement', 'c.ville_naissance_etranger', 'p.nom AS pays_nom')
      .from({ c: table })
      .leftJoin({ pl: pays.table }, `pl.${pays.own}`, 'c.id')
      .leftJoin({ p: db.table(UID.pays) }, 'p.id', `pl.${pays.target}`)
      // same birth date (or day/month swapped) whatever the names: the matcher decides
      .whereRaw('c.date_naissance = ANY(?::date[])', [datesCandidates(recherche.dateNaissance)])
      // similar names (trigram index) born on a date one typing mistake away (≤ 73 dates, birth-date index)
      .orWhere((qb) => {
        qb.where((names) => {
          for (const nom of noms) names.orWhereRaw('ceres_norm(c.nom_naissance) % ?', [nom]).orWhereRaw("ceres_norm(coalesce(c.nom_usage, '')) % ?", [nom]);
        }).andWhereRaw('c.date_naissance = ANY(?::date[])', [datesProches(recherche.dateNaissance)]);
      })
      .limit(LIMITE_LIGNES);
    return (await query) as {
      id: number;
      document_id: string;
      nom_naissance: string;
      nom_usage: string | null;
      prenoms: unknown;
      date_naissance: string;
      commune_naissance_libelle: string | null;
      commune_naissance_departement: string | null;
      ville_naissance_etranger: string | null;
      pays_nom: string | null;
    }[];
  }

  /** The ids (among `ids`) the principal's territory reaches, through the candidats resource's own rule. */
  async function dansPerimetre(knex: Knex, principal: Principal, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    if (principal.territory.kind === 'national') return new Set(ids);
    const resource = registry().resource('candidats');
    const condition = resource?.territory ? resource.territory(principal.territory) : 'none';
    if (condition === 'none') return new Set();
    const qb = knex(db.table(UID.candidat)).select('id').whereIn('id', ids);
    if (condition !== 'all') qb.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
    return new Set(((await qb) as { id: number }[]).map((r) => r.id));
  }

  return {
    async rechercher(recherche: Identite, principal: Principal, exclure?: string): Promise<Homonyme[]> {
      const knex = await db.connection();
      // the trigram operator's threshold for this transaction only
      if (strapi.db.inTransaction()) await knex.raw('SET LOCAL pg_trgm.similarity_threshold = 0.4');
      const rows = (await lignes(knex, recherche)).filter((r) => r.document_id !== exclure);
      const identites = rows.map((r) => ({
        row: r,
        nomNaissance: r.nom_naissance,
        nomUsage: r.nom_usage,
        prenoms: Array.isArray(r.prenoms) ? (r.prenoms as string[]) : typeof r.prenoms === 'string' ? (JSON.parse(r.prenoms) as string[]) : [],
        dateNaissance: r.date_naissance,
      }));
      const trouves = chercherHomonymes(recherche, identites).slice(0, 50);
      const visibles = await dansPerimetre(knex, principal, trouves.map((t) => t.row.id));
      return trouves.map((t) => ({
        id: t.row.document_id,
        nomNaissance: t.nomNaissance,
        nomUsage: t.nomUsage,
        prenoms: t.prenoms,
        dateNaissance: t.dateNaissance,
        lieuNaissance: t.row.commune_naissance_libelle
          ? libelleCommuneNaissance(t.row.commune_naissance_libelle, t.row.commune_naissance_departement)
          : [t.row.ville_naissance_etranger, t.row.pays_nom?.toUpperCase()].filter(Boolean).join(', '),
        dansPerimetre: visibles.has(t.row.id),
        niveau: t.correspondance.niveau,
        raisons: t.correspondance.raisons,
      }));
    },
  };
}

export type HomonymesService = ReturnType<typeof createHomonymes>;
