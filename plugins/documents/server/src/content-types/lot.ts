/**
 * A batch of certifications ("lot d'édition", issue 8): every parchemin, livret and/or CCS certificate of
 * the sessions of a région whose results were validated in a period, as ONE PDF produced in the background.
 * The row is the job: who asked, région, period, kinds, state, progress (fait / total), errors, and the
 * resulting PDF's file (kept in a private folder, read only through the bridge's `telecharger` action).
 * Created through the bridge (create = launch); everything but région, period and kinds is set by the server.
 */
export const LOT_UID = 'plugin::documents.lot';
export const LOT_TABLE = 'documents_lots';

export const STATUTS_LOT = ['EN_ATTENTE', 'EN_COURS', 'TERMINE', 'ECHEC'] as const;
/** what a batch may hold (the template ids of the certifications) */
export const DOCUMENTS_LOT = ['parchemin', 'livret', 'certificat-ccs'] as const;

export const lotSchema = {
  kind: 'collectionType',
  collectionName: LOT_TABLE,
  info: {
    singularName: 'lot',
    pluralName: 'lots',
    displayName: "Lot d'édition",
    description: 'Éditions par lot des parchemins, livrets et certificats CCS d’une région sur une période de validation des résultats',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    /** code of the région, or 988 (Nouvelle-Calédonie, its own issuing service) */
    region: { type: 'string', maxLength: 3, required: true },
    regionLibelle: { type: 'string', maxLength: 100 },
    du: { type: 'date', required: true },
    au: { type: 'date', required: true },
    documents: { type: 'json' },
    demandeur: { type: 'string', maxLength: 200 },
    demandeurId: { type: 'integer' },
    statut: { type: 'enumeration', enum: [...STATUTS_LOT], default: 'EN_ATTENTE' },
    total: { type: 'integer', default: 0, min: 0 },
    fait: { type: 'integer', default: 0, min: 0 },
    nbSessions: { type: 'integer', default: 0, min: 0 },
    pages: { type: 'integer' },
    erreurs: { type: 'json' },
    message: { type: 'text', maxLength: 4000 },
    tentatives: { type: 'integer', default: 0, min: 0 },
    debut: { type: 'datetime' },
    fin: { type: 'datetime' },
    fichier: { type: 'string', maxLength: 300, private: true },
  },
};

export const LOT_READ_ONLY = Object.keys(lotSchema.attributes).filter((name) => !['region', 'du', 'au', 'documents'].includes(name));
