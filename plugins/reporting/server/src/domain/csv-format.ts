/**
 * What a CSV opened in a French spreadsheet expects: UTF-8 with a byte-order mark (or accents break),
 * ';' between fields (',' is the decimal separator), dates JJ/MM/AAAA, decimal comma.
 * And the columns of each file of the weekly extraction, in one list per file.
 */
import { SITUATION_LABELS, situationSession, taux, type Fichier } from './extraction-rules';

export const BOM = '\uFEFF';
export const SEPARATEUR = ';';

/** AAAA-MM-JJ (or a Date) → JJ/MM/AAAA; empty when absent. */
export function dateFr(value: unknown): string {
  if (value == null || value === '') return '';
  const iso = value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value).slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** 66.666 → "66,7" (fixed decimals, decimal comma); empty when absent. */
export function decimalFr(value: number | null | undefined, decimales = 1): string {
  if (value == null || !Number.isFinite(value)) return '';
  return value.toFixed(decimales).replace('.', ',');
}

/** a rate in [0, 1] as a percentage with a decimal comma ("66,7") */
export const pourcentageFr = (rate: number | null) => (rate == null ? '' : decimalFr(rate * 100, 1));

export const ouiNon = (value: unknown) => (value === true ? 'Oui' : value === false ? 'Non' : '');

/** free text: a leading = + @ (or - before a non-digit) would be run as a formula by the spreadsheet */
const text = (value: unknown) => {
  if (value == null) return '';
  const string = String(value);
  return /^([=+@\t\r]|-\D)/.test(string) ? `'${string}` : string;
};
const int = (value: unknown) => (value == null ? 0 : Number(value));

/** candidate's first names, stored as a JSON array */
export function prenoms(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(' ');
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String).join(' ');
    } catch {
      /* a plain string */
    }
    return value;
  }
  return '';
}

/** CCPs obtained (resultatsCcp JSON: an array of {code, resultat|acquis} or a {code: result} map), as "CCP1:ACQUIS, …" */
export function resultatsCcp(value: unknown): string {
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return data as string;
    }
  }
  if (Array.isArray(data)) {
    return data
      .map((item) => {
        if (typeof item !== 'object' || item === null) return String(item);
        const entry = item as Record<string, unknown>;
        const code = entry.code ?? entry.ccp ?? '';
        const result = entry.resultat ?? entry.statut ?? (entry.acquis === true ? 'ACQUIS' : entry.acquis === false ? 'NON_ACQUIS' : '');
        return `${text(code)}:${text(result)}`;
      })
      .join(', ');
  }
  if (data && typeof data === 'object') return Object.entries(data as Record<string, unknown>).map(([code, result]) => `${code}:${typeof result === 'object' ? JSON.stringify(result) : text(result)}`).join(', ');
  return '';
}

export interface Colonne {
  entete: string;
  valeur: (row: Record<string, unknown>) => string;
}

const col = (entete: string, valeur: (row: Record<string, unknown>) => string): Colonne => ({ entete, valeur });

/** The columns of each file. The SQL (services/extraction-sql.ts) returns the row fields these read. */
export const COLONNES: Record<Fichier, Colonne[]> = {
  sessions: [
    col('Numéro de session', (r) => text(r.numero)),
    col('Type', (r) => text(r.type)),
    col('Code titre', (r) => text(r.titre_code)),
    col('Intitulé du titre', (r) => text(r.titre_intitule)),
    col('Niveau', (r) => text(r.titre_niveau)),
    col('Centre', (r) => text(r.centre_nom)),
    col('SIRET du centre', (r) => text(r.centre_siret)),
    col('Département', (r) => text(r.departement_code)),
    col('Région', (r) => text(r.region_code)),
    col('Date de début', (r) => dateFr(r.date_debut)),
    col('Date de fin', (r) => dateFr(r.date_fin)),
    col('Statut', (r) => text(r.statut)),
    col('Situation des résultats', (r) => SITUATION_LABELS[situationSession({ statut: text(r.statut), nbDeverrouillages: int(r.nb_deverrouillages) })]),
    col('Date de validation des résultats', (r) => dateFr(r.date_validation_resultats)),
    col('Nombre de déverrouillages', (r) => String(int(r.nb_deverrouillages))),
    col('Date du dernier déverrouillage', (r) => dateFr(r.date_deverrouillage)),
    col('Inscrits', (r) => String(int(r.inscrits))),
    col('Présentés', (r) => String(int(r.presentes))),
    col('Absents', (r) => String(int(r.absents))),
    col('dont absences justifiées', (r) => String(int(r.absents_justifies))),
    col('Réussites totales', (r) => String(int(r.reussites_totales))),
    col('Réussites partielles', (r) => String(int(r.reussites_partielles))),
    col('Taux de réussite totale (%)', (r) => pourcentageFr(taux(int(r.reussites_totales), int(r.presentes)))),
  ],
  inscriptions: [
    col('Numéro de session', (r) => text(r.session_numero)),
    col('Statut de la session', (r) => text(r.session_statut)),
    col('Code titre', (r) => text(r.titre_code)),
    col('Centre', (r) => text(r.centre_nom)),
    col('Département', (r) => text(r.departement_code)),
    col('Nom de naissance', (r) => text(r.nom_naissance)),
    col("Nom d'usage", (r) => text(r.nom_usage)),
    col('Prénoms', (r) => prenoms(r.prenoms)),
    col('Date de naissance', (r) => dateFr(r.date_naissance)),
    col("Voie d'accès", (r) => text(r.voie_acces)),
    col("Statut de l'inscription", (r) => text(r.statut)),
    col("Date d'inscription", (r) => dateFr(r.date_inscription)),
    col('Date de désinscription', (r) => dateFr(r.date_desinscription)),
    col('Motif de désinscription', (r) => text(r.motif_desinscription)),
  ],
  resultats: [
    col('Numéro de session', (r) => text(r.session_numero)),
    col('Code titre', (r) => text(r.titre_code)),
    col('Intitulé du titre', (r) => text(r.titre_intitule)),
    col('Niveau', (r) => text(r.titre_niveau)),
    col('Département', (r) => text(r.departement_code)),
    col('Région', (r) => text(r.region_code)),
    col('Nom de naissance', (r) => text(r.nom_naissance)),
    col("Nom d'usage", (r) => text(r.nom_usage)),
    col('Prénoms', (r) => prenoms(r.prenoms)),
    col('Sexe', (r) => text(r.sexe)),
    col('Date de naissance', (r) => dateFr(r.date_naissance)),
    col("Voie d'accès", (r) => text(r.voie_acces)),
    col('Présence', (r) => text(r.presence)),
    col('Présenté', (r) => ouiNon(r.presente === true)),
    col('Décision', (r) => text(r.decision)),
    col('CCP', (r) => resultatsCcp(r.resultats_ccp)),
    col('Entretien final', (r) => ouiNon(r.entretien_final)),
    col('Date de validation des résultats', (r) => dateFr(r.date_validation_resultats)),
    col('Revalidation après déverrouillage', (r) => ouiNon(int(r.nb_deverrouillages) > 0)),
  ],
};

export const entetes = (fichier: Fichier) => COLONNES[fichier].map((colonne) => colonne.entete);
export const ligne = (fichier: Fichier, row: Record<string, unknown>) => COLONNES[fichier].map((colonne) => colonne.valeur(row));
