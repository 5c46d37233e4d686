/** Labels of the candidate family's codes, in the agents' words. */
export const SEXES = [
  { id: 'F', name: 'Femme' },
  { id: 'M', name: 'Homme' },
];

export const SITUATIONS = [
  { id: 'DEMANDEUR_EMPLOI', name: 'Demandeur d’emploi' },
  { id: 'SALARIE', name: 'Salarié' },
  { id: 'APPRENTI', name: 'Apprenti' },
  { id: 'INDEPENDANT', name: 'Indépendant' },
  { id: 'SANS_ACTIVITE', name: 'Sans activité' },
  { id: 'AUTRE', name: 'Autre' },
];

export const TYPES_EQUIVALENCE = [
  { id: 'EXTERNE', name: 'Équivalence externe (autre certification → CCP ou titre)' },
  { id: 'CCP_COMMUN', name: 'CCP commun à plusieurs titres' },
  { id: 'CORRESPONDANCE_VERSION', name: 'Correspondance entre CCP de deux versions d’un titre' },
  { id: 'INTERNE', name: 'Équivalence interne entre CCP distincts' },
];

export const SOUS_TYPES_INTERNE = [
  { id: 'MANDATES', name: 'Certification des compétences transférables des mandatés' },
  { id: 'MAITRE_APPRENTISSAGE_TUTEUR', name: 'Maître d’apprentissage / tuteur' },
];

export const STATUTS_DEMANDE = [
  { id: 'DEPOSEE', name: 'Déposée' },
  { id: 'ACCORDEE', name: 'Accordée' },
  { id: 'REFUSEE', name: 'Refusée' },
];

export const TYPES_EVENEMENT: Record<string, string> = {
  INSCRIPTION: 'Inscription',
  DESINSCRIPTION: 'Désinscription',
  SESSION: 'Session',
  PRESENCE: 'Présence',
  RESULTAT_CCP: 'Résultat CCP',
  RESULTAT_TITRE: 'Résultat titre',
  EQUIVALENCE: 'Équivalence',
  DOCUMENT: 'Document délivré',
};

/** the documents issued, in the parcours history (plugins/candidats domain/parcours.ts lignesDocuments) */
export const RESULTATS_DOCUMENT: Record<string, string> = {
  DELIVRE: 'Délivré',
  NUMEROTE: 'Numéroté, pas encore imprimé',
  REEDITE: 'Réédité',
};

export const MODES_OBTENTION: Record<string, string> = {
  EXAMEN: 'par examen',
  EQUIVALENCE: 'par équivalence',
  CORRESPONDANCE: 'par correspondance de version',
  SESSION: 'en session',
  CAPITALISATION: 'par capitalisation des CCP',
};

/** JJ/MM/AAAA from AAAA-MM-JJ, without time-zone shifts. */
export const dateFr = (iso?: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

export const prenomsTexte = (prenoms: unknown): string => {
  if (typeof prenoms === 'string' && prenoms.startsWith('[')) {
    try {
      return prenomsTexte(JSON.parse(prenoms));
    } catch {
      return prenoms;
    }
  }
  return Array.isArray(prenoms) ? prenoms.join(' ') : typeof prenoms === 'string' ? prenoms : '';
};

/** "Lyon (69)" for a French birth commune as stored (label at birth), "Kiev, ZZRSS" abroad. */
export const lieuNaissance = (record: { communeNaissanceLibelle?: string | null; communeNaissanceDepartement?: string | null; villeNaissanceEtranger?: string | null }, pays?: string | null) =>
  record.communeNaissanceLibelle
    ? `${record.communeNaissanceLibelle}${record.communeNaissanceDepartement ? ` (${record.communeNaissanceDepartement})` : ''}`
    : [record.villeNaissanceEtranger, pays?.toUpperCase()].filter(Boolean).join(', ');
