/**
 * Reporting: the weekly extraction (CSV of the week's sessions, registrations and results; scheduled and on
 * demand, each on its territory) and the statistics module. Rules: domain/extraction-rules.ts.
 * Bridge resources: `extractions` (list, show, create = run now, action `telecharger`), and the read-only
 * `statistiques` and `statistiques-sessions` served by their own readers.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { badRequest, BridgeError, principalOf, type FileAnswer, type Registry, type ResourceDefinition } from '@ceres/plugin-bridge/runtime';
import { EXTRACTION_READ_ONLY, EXTRACTION_UID, extractionSchema } from './content-types/extraction';
import { FICHIERS, clePerimetre, libellePerimetre, semaineDe, semaineDemandee, semainePrecedente, type Fichier } from './domain/extraction-rules';
import { DEFAULT_SETTINGS, settingsFrom, type ReportingSettings } from './domain/settings';
import { createExtractions, type Extractions, type FichierProduit } from './services/extractions';
import { createStatistics } from './services/statistics';
import { indexes, schemaOf } from './services/reporting-sql';

export * as extractionRules from './domain/extraction-rules';

let extractions: Extractions | undefined;
const CRON_TASK = 'reporting-extraction-hebdomadaire';

function resources(strapi: Core.Strapi, settings: () => ReportingSettings): ResourceDefinition[] {
  const statistics = createStatistics(strapi);
  return [
    {
      name: 'extractions',
      uid: EXTRACTION_UID,
      label: "l'extraction",
      readOnly: EXTRACTION_READ_ONLY,
      hidden: ['perimetre'],
      filters: { statut: {}, declenchement: {}, semaineDebut: {} },
      sort: ['semaineDebut', 'statut', 'createdAt'],
      defaultSort: ['createdAt', 'DESC'],
      relations: [],
      // R7: an extraction is seen by whoever has exactly its territory; national profiles see them all
      territory: (territory) => (territory.kind === 'national' ? 'all' : { sql: 'perimetre = ?', bindings: [clePerimetre(territory)] }),
      validate: (record, context) => {
        if (context.mode !== 'create' || typeof record.semaineDebut !== 'string') return [];
        return semaineDemandee(record.semaineDebut, new Date(), settings().fuseau)
          ? []
          : [{ field: 'semaineDebut', message: "Cette semaine n'a pas encore commencé : choisissez une semaine passée ou la semaine en cours." }];
      },
    },
    {
      name: 'statistiques',
      uid: 'plugin::reporting.statistiques',
      label: 'les statistiques',
      readOnlyResource: true,
      sort: ['libelle', 'presentes', 'inscrits', 'tauxReussiteTotale', 'tauxReussite', 'titresDelivres'],
      defaultSort: ['libelle', 'ASC'],
      reader: statistics.reader,
    },
    {
      name: 'statistiques-sessions',
      uid: 'plugin::reporting.statistiques-sessions',
      label: 'les statistiques des sessions',
      readOnlyResource: true,
      sort: ['statut', 'nombre'],
      defaultSort: ['statut', 'ASC'],
      reader: statistics.sessionsReader,
    },
  ];
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const settings = () => settingsFrom(strapi.config.get('plugin::reporting') as Partial<Record<keyof ReportingSettings, unknown>>);
    const registry = strapi.plugin('ra').service('registry') as Registry;
    for (const resource of resources(strapi, settings)) registry.register(resource);
    extractions = createExtractions(strapi, settings);

    // "Lancer maintenant" = create through the bridge: the run gets its week (R1) and the territory of
    // whoever asks (R7) here, before the bridge checks that the new row is within that territory
    strapi.documents.use(async (context, next) => {
      if (context.uid !== EXTRACTION_UID || context.action !== 'create') return next();
      const data = ((context.params as { data?: Record<string, unknown> }).data ??= {});
      const user = (strapi.requestContext.get() as { state?: { user?: Parameters<typeof principalOf>[1] } } | undefined)?.state?.user;
      if (user) {
        const principal = await principalOf(strapi, user);
        const semaine = typeof data.semaineDebut === 'string' ? semaineDe(data.semaineDebut) : semainePrecedente(new Date(), settings().fuseau);
        Object.assign(data, {
          semaineDebut: semaine.debut,
          semaineFin: semaine.fin,
          perimetre: clePerimetre(principal.territory),
          perimetreLibelle: libellePerimetre(principal.territory),
          declenchement: 'DEMANDE',
          demandeur: principal.username,
          statut: 'EN_ATTENTE',
          tentatives: 0,
        });
      } else if (typeof data.perimetre !== 'string') {
        throw new Error('CERES reporting : une extraction créée hors requête doit porter son périmètre');
      }
      return next();
    });

    registry.registerAction({
      resource: 'extractions',
      name: 'telecharger',
      async handler({ id, documentId, body }): Promise<FileAnswer> {
        const fichier = (body as { fichier?: unknown } | null)?.fichier;
        if (typeof fichier !== 'string' || !FICHIERS.includes(fichier as Fichier)) {
          throw badRequest('fichier', `Fichier à télécharger inconnu : choisissez ${FICHIERS.join(', ')}.`);
        }
        const row = (await strapi.db.query(EXTRACTION_UID as never).findOne({ where: { id }, select: ['statut', 'fichiers'] } as never)) as {
          statut: string;
          fichiers: Partial<Record<Fichier, FichierProduit>> | string | null;
        } | null;
        if (!row || row.statut !== 'TERMINEE') throw new BridgeError(409, "Cette extraction n'est pas terminée : ses fichiers ne sont pas disponibles.", 'statut');
        // PostgreSQL's jsonb may come back as its text
        const produits = (typeof row.fichiers === 'string' ? JSON.parse(row.fichiers) : row.fichiers) as Partial<Record<Fichier, FichierProduit>> | null;
        const file = await extractions!.fichier(documentId, fichier as Fichier, produits).catch(() => null);
        if (!file) throw new BridgeError(410, "Le fichier de cette extraction n'est plus disponible sur le serveur : relancez l'extraction.", 'fichier');
        return { ceresFile: true, body: file.body, filename: file.filename, contentType: 'text/csv; charset=utf-8' };
      },
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const knex = strapi.db.connection as unknown as Knex;
    for (const statement of indexes(schemaOf(strapi))) await knex.raw(statement);
    const settings = settingsFrom(strapi.config.get('plugin::reporting') as Partial<Record<keyof ReportingSettings, unknown>>);
    await extractions!.start();
    // Strapi's own scheduler (croner): the weekly run, day and hour from EXTRACTION_CRON
    strapi.cron.add({
      [CRON_TASK]: {
        task: async () => {
          await extractions!.planifier();
        },
        options: { rule: settings.cron, tz: settings.fuseau },
      },
    });
  },

  destroy() {
    extractions?.stop();
  },

  routes: {},
  controllers: {},
  services: {},
  contentTypes: {
    extraction: { schema: extractionSchema },
  },
  config: {
    // strapi/config/plugins.ts sets them from the environment
    default: { ...DEFAULT_SETTINGS },
    validator(config: Partial<Record<keyof ReportingSettings, unknown>>) {
      settingsFrom(config);
    },
  },
};
