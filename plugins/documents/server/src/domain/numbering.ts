/**
 * Parchemin numbers [I: the real format is not public]: one series per issuing service (région or
 * Nouvelle-Calédonie), per year of issue and per kind of document, never reused:
 *   84-2026-TP-000123   (title, issued by Auvergne-Rhône-Alpes in 2026, 123rd of the year)
 *   NC-2026-CCS-000007  (CCS certificate, Nouvelle-Calédonie)
 * The counter itself lives in the database (services/store.ts, one locked row per série); this file
 * only says what a number looks like and what a reissue keeps.
 */
import { emetteur } from './emetteurs';

export const SERIES = ['TP', 'CCS'] as const;
export type Serie = (typeof SERIES)[number];

export interface NumeroParts {
  emetteur: string;
  annee: number;
  serie: Serie;
  sequence: number;
}

export function formatNumero(parts: NumeroParts): string {
  const { prefixe } = emetteur(parts.emetteur);
  if (!Number.isInteger(parts.annee) || parts.annee < 2000 || parts.annee > 2999) throw new RangeError(`Année de délivrance invalide : ${parts.annee}.`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new RangeError(`Numéro d'ordre invalide : ${parts.sequence}.`);
  if (!SERIES.includes(parts.serie)) throw new RangeError(`Série inconnue : ${parts.serie}.`);
  return `${prefixe}-${parts.annee}-${parts.serie}-${String(parts.sequence).padStart(6, '0')}`;
}

const NUMERO = /^(NC|\d{2})-(\d{4})-(TP|CCS)-(\d{6,})$/;

/** Reads a number back (search, reissue); null when it is not one of ours. */
export function parseNumero(numero: string): NumeroParts | null {
  const match = NUMERO.exec(numero.trim());
  if (!match) return null;
  return {
    emetteur: match[1] === 'NC' ? '988' : match[1],
    annee: Number(match[2]),
    serie: match[3] as Serie,
    sequence: Number(match[4]),
  };
}

/** The year a number belongs to is the year of the date of issue (AAAA-MM-JJ). */
export function anneeDe(dateDelivrance: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(dateDelivrance);
  if (!match) throw new RangeError(`Date de délivrance invalide : « ${dateDelivrance} ».`);
  return Number(match[1]);
}

export interface Delivrance {
  numero: string;
  dateDelivrance: string;
  lieuDelivrance: string;
}

/**
 * A reissue (duplicate, civil-status change…) prints the ORIGINAL number, date and place of issue
 * (Défenseur des droits, decision 2024-172) and is recorded as such; only the holder's data may change.
 */
export function reissueOf(original: Delivrance): Delivrance & { reedition: true } {
  return { numero: original.numero, dateDelivrance: original.dateDelivrance, lieuDelivrance: original.lieuDelivrance, reedition: true };
}

export const SERIE_OF_TEMPLATE: Partial<Record<string, Serie>> = { parchemin: 'TP', 'certificat-ccs': 'CCS' };
