/**
 * The centre's printable list of habilitated jurors, outside any session (issue 6):
 * POST /api/ra/centres/:id/imprimerListeJurys { filter, format? } answers a PDF of the rows the
 * habilitations list shows with the same filters (title, département, "active between two dates"…).
 * It is an action on the centre (the bridge checks the matrix and that the caller reaches this centre),
 * and the rows are those of the CENTRE's own territory (the habilitations resource's territory SQL with
 * this centre), so a centre never prints a juror it may not see. Recorded like every edited document.
 */
import type { Core } from '@strapi/strapi';
import type { Registry } from '@ceres/plugin-bridge';
import { DocumentRequestError } from '../domain/errors';
import { todayIso } from '../domain/format';
import { jureOf } from '../domain/from-records';
import type { ListeJuresHabilitesInput } from '../domain/models';
import type { DocumentsService } from './documents';
import type { OutputFormat } from './renderer';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** the habilitations list's filters (admin-ui/src/habilitations/HabilitationList.tsx) */
const FILTRES = ['titre', 'ccs', 'departement', 'statut', 'dateDebut_lte', 'dateFin_gte'];
const MAX_LIGNES = 1000;

interface Repository {
  list(resource: unknown, query: { sort: { field: string; order: 'ASC' | 'DESC' }; range: { start: number; end: number }; filter: Record<string, unknown> }, territory: unknown): Promise<{ total: number; records: Rec[] }>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

export function filtreListeJurys(body: unknown): Record<string, unknown> {
  const filter = (body as { filter?: unknown } | null)?.filter ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new DocumentRequestError('filter', 'Les filtres de la liste doivent être un objet JSON.');
  for (const key of Object.keys(filter)) {
    if (!FILTRES.includes(key)) throw new DocumentRequestError(`filter.${key}`, `Filtre « ${key} » inconnu pour la liste des jurés (filtres : titre, département, période, statut, CCS).`);
  }
  const { dateDebut_lte: du, dateFin_gte: au } = filter as Record<string, unknown>;
  if (typeof du === 'string' && typeof au === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(du) && /^\d{4}-\d{2}-\d{2}$/.test(au) && du > au) {
    throw new DocumentRequestError('filter.dateFin_gte', 'Période inversée : la date de fin (« au ») précède la date de début (« Active du »).');
  }
  return filter as Record<string, unknown>;
}

export function registerJuryListAction(strapi: Core.Strapi, documents: () => DocumentsService) {
  const registry = strapi.plugin('ra').service('registry') as Registry;

  registry.registerAction({
    resource: 'centres',
    name: 'imprimerListeJurys',
    handler: async ({ principal, id, documentId, body }) => {
      const format = ((body as { format?: unknown })?.format ?? 'pdf') as OutputFormat;
      if (format !== 'pdf' && format !== 'odt') throw new DocumentRequestError('format', 'Format inconnu : « pdf » ou « odt ».');
      const filter = filtreListeJurys(body);
      const habilitations = registry.resource('habilitations');
      if (!habilitations) throw new Error('CERES documents : ressource « habilitations » absente du registre');
      const repository = strapi.plugin('ra').service('repository') as Repository;
      // the centre's own reach, whoever prints it (a UD printing for a centre gets what that centre sees)
      const { total, records } = await repository.list(habilitations, { sort: { field: 'dateDebut', order: 'ASC' }, range: { start: 0, end: MAX_LIGNES - 1 }, filter }, { kind: 'centres', centreIds: [id] });
      if (total > MAX_LIGNES) throw new DocumentRequestError('filter', `La sélection compte ${total} habilitations : précisez les filtres (titre, département) pour en imprimer au plus ${MAX_LIGNES}.`);

      const byDocumentId = async (uid: string, ids: unknown[], populate?: Rec) => {
        const wanted = [...new Set(ids.filter((v): v is string => typeof v === 'string'))];
        if (!wanted.length) return new Map<string, Rec>();
        const rows = (await strapi.db.query(uid as never).findMany({ where: { documentId: { $in: wanted } }, ...(populate ? { populate } : {}) } as never)) as Rec[];
        return new Map(rows.map((row) => [row.documentId as string, row]));
      };
      const [jures, titres, ccss, departements, centre] = await Promise.all([
        byDocumentId('api::jure.jure', records.map((h) => h.jure), { commune: true }),
        byDocumentId('api::titre.titre', [...records.map((h) => h.titre), filter.titre]),
        byDocumentId('api::ccs.ccs', [...records.map((h) => h.ccs), filter.ccs]),
        byDocumentId('api::departement.departement', [...records.map((h) => h.departement), filter.departement]),
        strapi.db.query('api::centre.centre').findOne({ where: { id }, populate: { commune: true } }) as Promise<Rec>,
      ]);
      const objetOf = (h: Rec) => {
        const titre = titres.get(h.titre);
        if (titre) return `${text(titre.code)} ${text(titre.intitule)}`;
        const ccs = ccss.get(h.ccs);
        return ccs ? `CCS ${text(ccs.code)} ${text(ccs.intitule)}` : 'Titre inconnu';
      };
      const lignes: ListeJuresHabilitesInput['lignes'] = records
        .filter((h) => jures.has(h.jure))
        .map((h) => ({ h, jure: jures.get(h.jure)! }))
        .sort((a, b) => text(a.jure.nom).localeCompare(text(b.jure.nom), 'fr') || text(a.jure.prenom).localeCompare(text(b.jure.prenom), 'fr'))
        .map(({ h, jure }) => ({ jure: jureOf(jure), habilitation: { objet: objetOf(h), dateDebut: h.dateDebut, dateFin: h.dateFin, departement: text(departements.get(h.departement)?.code) || null } }));
      const critereTitre = typeof filter.titre === 'string' ? titres.get(filter.titre) : typeof filter.ccs === 'string' ? ccss.get(filter.ccs) : undefined;
      const critereDepartement = typeof filter.departement === 'string' ? departements.get(filter.departement) : undefined;
      const input: ListeJuresHabilitesInput = {
        centre: { nom: text(centre?.nomCommercial) || text(centre?.raisonSociale), adresse: { lignes: [text(centre?.adresse), text(centre?.complementAdresse)].filter(Boolean), codePostal: text(centre?.codePostal), commune: text(centre?.commune?.nom) } },
        criteres: {
          titre: critereTitre ? `${text(critereTitre.code)} ${text(critereTitre.intitule)}` : null,
          departement: critereDepartement ? `${text(critereDepartement.code)} ${text(critereDepartement.nom)}` : null,
          actifDu: typeof filter.dateDebut_lte === 'string' ? filter.dateDebut_lte : undefined,
          actifAu: typeof filter.dateFin_gte === 'string' ? filter.dateFin_gte : undefined,
          statut: typeof filter.statut === 'string' ? filter.statut : null,
        },
        lignes,
        dateEdition: todayIso(),
      };
      const rendered = await documents().edit('liste-jures-habilites', [{ objet: `centre:${documentId}`, input }], { actor: { userId: principal.userId, label: `${principal.username} (${principal.profile})` }, format });
      return documents().fileAnswer(rendered, `jures-habilites-${todayIso()}`);
    },
  });
}
