/**
 * Statistics module (v1.8): what may be asked (axes, filters) and how a group's figures are derived.
 * Counting rules are the extraction's (extraction-rules.ts R4–R6): only official (validated) results count,
 * absences are never "présentés". Pure: the SQL lives in services/statistics-sql.ts.
 */
import { taux } from './extraction-rules';

/** how the figures are grouped */
export const AXES = ['ensemble', 'titre', 'niveau', 'region', 'departement', 'annee', 'voieAcces'] as const;
export type Axe = (typeof AXES)[number];

export const AXE_LABELS: Record<Axe, string> = {
  ensemble: 'Ensemble',
  titre: 'Titre',
  niveau: 'Niveau',
  region: 'Région',
  departement: 'Département',
  annee: 'Année',
  voieAcces: "Voie d'accès",
};

export const VOIES_ACCES = ['FORMATION_CONTINUE', 'PARCOURS_PROGRESSIF', 'APPRENTISSAGE', 'CONTRAT_PRO', 'VAE', 'REUSSITE_PARTIELLE'] as const;
export const TYPES_SESSION = ['TITRE', 'CCP', 'CCS'] as const;

export interface StatistiquesFiltre {
  axe: Axe;
  /** year of the session's end (the jury) */
  annee?: number;
  titre?: string;
  niveau?: number;
  region?: string;
  departement?: string;
  voieAcces?: string;
  type?: string;
}

export class FiltreInvalide extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const single = (value: unknown) => (Array.isArray(value) && value.length === 1 ? value[0] : value);

/** Checks react-admin's `filter` for the statistics; unknown keys are refused (a typo must not widen the figures). */
export function parseStatistiquesFiltre(raw: Record<string, unknown>, allowAxe = true): StatistiquesFiltre {
  const known = new Set(['axe', 'annee', 'titre', 'niveau', 'region', 'departement', 'voieAcces', 'type', 'q']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new FiltreInvalide(`filter.${key}`, `Filtre inconnu « ${key} » pour les statistiques.`);
  const filtre: StatistiquesFiltre = { axe: 'ensemble' };
  const axe = single(raw.axe);
  if (axe !== undefined && axe !== '') {
    if (!allowAxe || !AXES.includes(axe as Axe)) throw new FiltreInvalide('filter.axe', `Axe inconnu « ${String(axe)} » : ${AXES.join(', ')}.`);
    filtre.axe = axe as Axe;
  }
  const annee = single(raw.annee);
  if (annee !== undefined && annee !== '' && annee !== null) {
    const year = Number(annee);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new FiltreInvalide('filter.annee', "L'année doit être un nombre entre 1990 et 2100.");
    filtre.annee = year;
  }
  const niveau = single(raw.niveau);
  if (niveau !== undefined && niveau !== '' && niveau !== null) {
    const level = Number(niveau);
    if (!Number.isInteger(level) || level < 3 || level > 8) throw new FiltreInvalide('filter.niveau', 'Le niveau doit être un entier de 3 à 8.');
    filtre.niveau = level;
  }
  const code = (key: 'titre' | 'region' | 'departement', pattern: RegExp, label: string) => {
    const value = single(raw[key]);
    if (value === undefined || value === '' || value === null) return;
    if (typeof value !== 'string' || !pattern.test(value)) throw new FiltreInvalide(`filter.${key}`, `${label} invalide : « ${String(value)} ».`);
    filtre[key] = value;
  };
  code('titre', /^(TP-\d{5}|CS-[A-Z0-9]{2,10})$/, 'Code de titre');
  code('region', /^\d{2}$/, 'Code de région');
  code('departement', /^(\d{2}|2A|2B|9[78]\d)$/, 'Code de département');
  const voie = single(raw.voieAcces);
  if (voie !== undefined && voie !== '' && voie !== null) {
    if (!VOIES_ACCES.includes(voie as (typeof VOIES_ACCES)[number])) throw new FiltreInvalide('filter.voieAcces', `Voie d'accès inconnue « ${String(voie)} ».`);
    filtre.voieAcces = voie as string;
  }
  const type = single(raw.type);
  if (type !== undefined && type !== '' && type !== null) {
    if (!TYPES_SESSION.includes(type as (typeof TYPES_SESSION)[number])) throw new FiltreInvalide('filter.type', `Type de session inconnu « ${String(type)} ».`);
    filtre.type = type as string;
  }
  return filtre;
}

export interface Agregat {
  cle: string | null;
  libelle: string | null;
  inscrits: number;
  presentes: number;
  absents: number;
  reussitesTotales: number;
  reussitesPartielles: number;
  titresDelivres: number;
}

export interface LigneStatistique extends Agregat {
  id: string;
  echecs: number;
  /** percentages with one decimal, null when nobody was présenté */
  tauxReussiteTotale: number | null;
  tauxReussitePartielle: number | null;
  tauxReussite: number | null;
}

const pourcent = (rate: number | null) => (rate == null ? null : Math.round(rate * 1000) / 10);

/** a group's figures as the back-office shows them */
export function ligneStatistique(agregat: Agregat, axe: Axe): LigneStatistique {
  const cle = agregat.cle ?? '';
  return {
    ...agregat,
    id: axe === 'ensemble' ? 'ensemble' : cle || 'non-renseigne',
    libelle: axe === 'ensemble' ? 'Ensemble' : agregat.libelle ?? (cle || 'Non renseigné'),
    echecs: agregat.presentes - agregat.reussitesTotales - agregat.reussitesPartielles,
    tauxReussiteTotale: pourcent(taux(agregat.reussitesTotales, agregat.presentes)),
    tauxReussitePartielle: pourcent(taux(agregat.reussitesPartielles, agregat.presentes)),
    tauxReussite: pourcent(taux(agregat.reussitesTotales + agregat.reussitesPartielles, agregat.presentes)),
  };
}

export const SESSION_STATUT_LABELS: Record<string, string> = {
  EN_PREPARATION: 'En préparation',
  DECLAREE: 'Déclarée',
  VALIDEE: 'Validée par l’UD',
  DTE_COMMANDE: 'DTE commandé',
  DTE_EXPEDIE: 'DTE expédié',
  CONVOCATIONS_ENVOYEES: 'Convocations envoyées',
  RESULTATS_SAISIS: 'Résultats saisis',
  FINALISEE: 'Finalisée',
  RESULTATS_TRANSMIS: 'Résultats transmis',
  RESULTATS_VALIDES: 'Résultats validés',
  CLOTUREE: 'Clôturée',
  ANNULEE: 'Annulée',
  DEVERROUILLEE: 'Déverrouillée',
};
