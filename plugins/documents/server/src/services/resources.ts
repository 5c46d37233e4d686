/**
 * The documents' bridge resources:
 *  - `lots-edition` (content type plugin::documents.lot): list, show, create = launch a batch for a région
 *    and a period (the worker in lots.ts runs it), action `telecharger` answers the finished PDF;
 *  - `editions` (read-only, reader over documents_editions): the edition log — who, when, which document,
 *    content hash — scoped like the sessions (a centre sees its sessions' editions, UD/DREETS their territory).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Registry, ResourceDefinition, Territory } from '@ceres/plugin-bridge';
import { DOCUMENTS_LOT, LOT_READ_ONLY, LOT_UID } from '../content-types/lot';
import { DocumentRuleError } from '../domain/errors';
import { isTemplateId, TEMPLATES } from '../domain/templates';
import { NOUVELLE_CALEDONIE } from '../domain/emetteurs';
import type { Lots } from './lots';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Condition = { sql: string; bindings: unknown[] } | 'all' | 'none';
type ListQuery = { sort: { field: string; order: 'ASC' | 'DESC' }; range: { start: number; end: number }; filter: Record<string, unknown> };

/** a longer period would make a batch of a whole year's documents: ask for it in several lots */
export const PERIODE_MAX_JOURS = 366;

const badRequest = (field: string, message: string) => Object.assign(new Error(message), { ceresBridgeError: true, status: 400, field });

/** Which lots a territory reaches: national all; a DREETS its régions; Nouvelle-Calédonie its own (988). */
export function lotTerritory(territory: Territory): Condition {
  switch (territory.kind) {
    case 'national':
      return 'all';
    case 'regions':
      return { sql: 'region = ANY(?)', bindings: [territory.codes] };
    case 'departements':
      // a département code may equal a région code (84): only 988, an issuing service of its own, counts
      return territory.codes.includes(NOUVELLE_CALEDONIE) ? { sql: 'region = ?', bindings: [NOUVELLE_CALEDONIE] } : 'none';
    default:
      return 'none';
  }
}

export function validateLot(record: Record<string, unknown>, regionExists: (code: string) => Promise<boolean>) {
  return (async () => {
    const errors: { field: string; message: string }[] = [];
    const { du, au, region, documents } = record as { du?: string; au?: string; region?: string; documents?: unknown };
    if (typeof region === 'string' && region !== NOUVELLE_CALEDONIE && !(await regionExists(region))) {
      errors.push({ field: 'region', message: `Région inconnue « ${region} » : indiquez le code INSEE d’une région (ex. 84 Auvergne-Rhône-Alpes) ou 988 pour la Nouvelle-Calédonie.` });
    }
    if (typeof du === 'string' && typeof au === 'string') {
      if (du > au) errors.push({ field: 'au', message: `Période inversée : la fin de période (${au.split('-').reverse().join('/')}) précède son début (${du.split('-').reverse().join('/')}).` });
      else if ((Date.parse(au) - Date.parse(du)) / 86_400_000 > PERIODE_MAX_JOURS) errors.push({ field: 'au', message: `Période trop longue : un lot couvre au plus ${PERIODE_MAX_JOURS} jours de validation de résultats.` });
    }
    if (documents !== undefined && documents !== null) {
      if (!Array.isArray(documents) || !documents.length || documents.some((d) => !DOCUMENTS_LOT.includes(d as never))) {
        errors.push({ field: 'documents', message: `Documents du lot : choisissez parmi parchemin, livret, certificat-ccs (au moins un).` });
      }
    }
    return errors;
  })();
}

function condition(resource: ResourceDefinition | undefined, territory: Territory, table: string, column: string): { sql: string; bindings: unknown[] } | null {
  const scope = resource?.territory?.(territory) ?? 'none';
  if (scope === 'all') return { sql: 'true', bindings: [] };
  if (scope === 'none') return null;
  return { sql: `${column} IN (SELECT id FROM ${table} WHERE ${scope.sql})`, bindings: scope.bindings };
}

/** The edition log with what each edition is about (session, candidat, centre), resolved from its objet. */
const EDITIONS_SQL = `
  SELECT e.id, e.template_id, e.objet, e.numero, e.format, e.reedition, e.motif, e.user_label, e.content_hash, e.created_at,
         s.id AS session_id, s.document_id AS session, s.numero AS session_numero,
         ca.document_id AS candidat, ca.nom_naissance AS candidat_nom, ca.prenoms AS candidat_prenoms,
         coalesce(oc.id, sc.centre_id) AS centre_id
    FROM documents_editions e
    LEFT JOIN inscriptions i ON e.objet LIKE 'inscription:%' AND i.document_id = split_part(e.objet, ':', 2)
    LEFT JOIN inscriptions_session_lnk isl ON isl.inscription_id = i.id
    LEFT JOIN inscriptions_candidat_lnk icl ON icl.inscription_id = i.id
    LEFT JOIN candidats ca ON ca.id = icl.candidat_id
    LEFT JOIN sessions os ON e.objet LIKE 'session:%' AND os.document_id = split_part(e.objet, ':', 2)
    LEFT JOIN sessions s ON s.id = coalesce(isl.session_id, os.id)
    LEFT JOIN sessions_centre_lnk sc ON sc.session_id = s.id
    LEFT JOIN centres oc ON e.objet LIKE 'centre:%' AND oc.document_id = split_part(e.objet, ':', 2)`;

const EDITION_SORT: Record<string, string> = { createdAt: 'created_at', templateId: 'template_id', numero: 'numero', id: 'id' };

function editionRecord(row: Rec) {
  const prenoms = Array.isArray(row.candidat_prenoms) ? row.candidat_prenoms.join(' ') : typeof row.candidat_prenoms === 'string' ? row.candidat_prenoms.replace(/^\[|\]$|"/g, '').replace(/,/g, ' ') : '';
  return {
    id: String(row.id),
    templateId: row.template_id,
    document: isTemplateId(row.template_id) ? TEMPLATES[row.template_id].label : row.template_id,
    objet: row.objet,
    numero: row.numero,
    format: row.format,
    reedition: row.reedition,
    motif: row.motif,
    userLabel: row.user_label,
    contentHash: String(row.content_hash).trim(),
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    session: row.session ?? null,
    sessionNumero: row.session_numero ?? null,
    candidat: row.candidat ?? null,
    candidatNom: row.candidat ? [row.candidat_nom, prenoms].filter(Boolean).join(' ') : null,
  };
}

export function registerDocumentResources(strapi: Core.Strapi, lots: () => Lots) {
  const registry = strapi.plugin('ra').service('registry') as Registry;
  const knex = () => strapi.db.connection as unknown as Knex;

  registry.register({
    name: 'lots-edition',
    uid: LOT_UID,
    label: "le lot d'édition",
    readOnly: LOT_READ_ONLY,
    filters: { statut: {}, region: {}, du: {}, au: {} },
    sort: ['createdAt', 'statut', 'region', 'du', 'au'],
    defaultSort: ['createdAt', 'DESC'],
    relations: [],
    territory: lotTerritory,
    validate: (record, context) =>
      context.mode === 'create' ? validateLot(record, async (code) => Boolean(await knex()('regions').where({ code }).first('id'))) : Promise.resolve([]),
  });

  registry.registerAction({
    resource: 'lots-edition',
    name: 'telecharger',
    // not readOnly: only the transactional path of the bridge sends a FileAnswer (and the download is traced)
    async handler({ id, body }) {
      const [field] = Object.keys((body as Record<string, unknown>) ?? {});
      if (field) throw badRequest(field, `Champ inconnu « ${field} » : le téléchargement d’un lot n’attend aucune donnée.`);
      const row = (await knex()('documents_lots').where({ id }).first('statut', 'fichier', 'region', 'du', 'au')) as Rec | undefined;
      if (!row || row.statut !== 'TERMINE') throw new DocumentRuleError('Ce lot n’est pas terminé : son PDF n’est pas encore disponible.', 'statut');
      if (!row.fichier) throw new DocumentRuleError('Ce lot ne contient aucun document : il n’y a rien à télécharger.', 'fichier');
      const pdf = await lots().fichier(String(row.fichier));
      if (!pdf) throw Object.assign(new Error('Le PDF de ce lot n’est plus disponible sur le serveur : relancez le lot.'), { ceresBridgeError: true, status: 410, field: 'fichier' });
      const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
      return { ceresFile: true, body: pdf, filename: `lot-${row.region}-${day(row.du)}-${day(row.au)}.pdf`, contentType: 'application/pdf', inline: false };
    },
  });

  const editionsQuery = (principal: { territory: Territory }) => {
    const base = knex().from(knex().raw(`(${EDITIONS_SQL}) AS ed`));
    if (principal.territory.kind === 'national') return base;
    const viaSession = condition(registry.resource('sessions'), principal.territory, 'sessions', 'ed.session_id');
    const viaCentre = condition(registry.resource('centres'), principal.territory, 'centres', 'ed.centre_id');
    const parts = [viaSession, viaCentre].filter((c): c is { sql: string; bindings: unknown[] } => c !== null);
    if (!parts.length) return base.whereRaw('false');
    return base.whereRaw(`(${parts.map((p) => p.sql).join(' OR ')})`, parts.flatMap((p) => p.bindings) as never[]);
  };

  registry.register({
    name: 'editions',
    uid: 'plugin::documents.editions',
    label: 'les éditions de documents',
    readOnlyResource: true,
    sort: Object.keys(EDITION_SORT),
    defaultSort: ['createdAt', 'DESC'],
    reader: {
      async list(query: ListQuery, principal) {
        const qb = editionsQuery(principal);
        for (const [key, value] of Object.entries(query.filter)) {
          const text = typeof value === 'string' ? value : null;
          const param = `filter.${key}`;
          switch (key) {
            case 'id': {
              const ids = Array.isArray(value) ? value : [value];
              if (ids.length > 1000 || !ids.every((v) => (typeof v === 'string' || typeof v === 'number') && /^\d{1,18}$/.test(String(v)))) throw badRequest(param, 'Le filtre « id » attend un identifiant ou une liste d’au plus 1000 identifiants.');
              qb.whereIn('ed.id', ids.map(Number));
              break;
            }
            case 'templateId':
              if (!isTemplateId(value)) throw badRequest(param, `Type de document inconnu « ${String(value)} ».`);
              qb.where('ed.template_id', value);
              break;
            case 'session':
            case 'candidat':
              if (!text || !/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw badRequest(param, `Le filtre « ${key} » attend un identifiant.`);
              qb.where(`ed.${key}`, text);
              break;
            case 'numero':
              if (!text || text.length > 40) throw badRequest(param, 'Le filtre « numero » attend un numéro de document.');
              qb.where('ed.numero', text);
              break;
            case 'reedition':
              qb.where('ed.reedition', value === true || value === 'true');
              break;
            case 'createdAt_gte':
            case 'createdAt_lte':
              if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text))) throw badRequest(param, `Le filtre « ${key} » attend une date au format AAAA-MM-JJ.`);
              // a day given alone includes the whole day (Paris time, the agents' day)
              if (key === 'createdAt_gte') qb.whereRaw(`ed.created_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Paris'`, [text.slice(0, 10)]);
              else qb.whereRaw(`ed.created_at < ((?::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`, [text.slice(0, 10)]);
              break;
            default:
              throw badRequest(param, `Le filtre « ${key} » n'est pas autorisé pour les éditions de documents.`);
          }
        }
        const [{ count }] = (await qb.clone().count({ count: '*' })) as { count: string }[];
        const column = EDITION_SORT[query.sort.field] ?? 'created_at';
        const rows = (await qb
          .clone()
          .select('ed.*')
          .orderBy([{ column: `ed.${column}`, order: query.sort.order === 'ASC' ? 'asc' : 'desc' }, { column: 'ed.id', order: 'desc' }])
          .offset(query.range.start)
          .limit(query.range.end - query.range.start + 1)) as Rec[];
        return { total: Number(count), records: rows.map(editionRecord) };
      },
      async findOne(id, principal) {
        if (!/^\d{1,18}$/.test(id)) return null;
        const row = (await editionsQuery(principal).where('ed.id', Number(id)).first('ed.*')) as Rec | undefined;
        return row ? editionRecord(row) : null;
      },
    },
  });
}
