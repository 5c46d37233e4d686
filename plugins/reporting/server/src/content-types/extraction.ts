/**
 * One run of the weekly extraction: its week, its territory (R7), who or what started it, its state and,
 * once done, its three CSV files (stored under the extractions folder, named by the run's documentId).
 * Written by this plugin only; agents read it and download the files through the bridge.
 */
export const EXTRACTION_UID = 'plugin::reporting.extraction';
export const EXTRACTION_TABLE = 'extractions';

export const STATUTS_EXTRACTION = ['EN_ATTENTE', 'EN_COURS', 'TERMINEE', 'ECHEC'] as const;

export const extractionSchema = {
  kind: 'collectionType',
  collectionName: EXTRACTION_TABLE,
  info: {
    singularName: 'extraction',
    pluralName: 'extractions',
    displayName: 'Extraction hebdomadaire',
    description: 'Exécutions de l’extraction hebdomadaire (sessions, inscriptions, résultats) et leurs fichiers CSV',
  },
  options: { draftAndPublish: false },
  // written by the plugin only: not editable from Strapi's admin panel
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    semaineDebut: { type: 'date' },
    semaineFin: { type: 'date' },
    perimetre: { type: 'string', maxLength: 2000 },
    perimetreLibelle: { type: 'string', maxLength: 200 },
    declenchement: { type: 'enumeration', enum: ['PLANIFIEE', 'DEMANDE'], default: 'DEMANDE' },
    demandeur: { type: 'string', maxLength: 200 },
    statut: { type: 'enumeration', enum: [...STATUTS_EXTRACTION], default: 'EN_ATTENTE' },
    message: { type: 'text', maxLength: 4000 },
    tentatives: { type: 'integer', default: 0, min: 0 },
    prochaineTentative: { type: 'datetime' },
    debut: { type: 'datetime' },
    fin: { type: 'datetime' },
    nbSessions: { type: 'integer' },
    nbInscriptions: { type: 'integer' },
    nbResultats: { type: 'integer' },
    fichiers: { type: 'json' },
  },
};

/** everything but the week is set by the server */
export const EXTRACTION_READ_ONLY = Object.keys(extractionSchema.attributes).filter((name) => name !== 'semaineDebut');
