/**
 * How CERES writes values on paper. Everything is formatted here, on the server, before the template
 * sees it: a date-only value never goes through a time zone (a birth date must not move by a day).
 */
import { sanitizeText } from './sanitize';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export type DateInput = string | Date | null | undefined;

/** Calendar parts of a date: "AAAA-MM-JJ" read as written; an instant read in the given zone (Paris by default). */
export function dateParts(value: DateInput, timeZone = 'Europe/Paris'): { year: number; month: number; day: number } | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value.trim());
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        throw new RangeError(`Date invalide : « ${value} ».`);
      }
      return { year, month, day };
    }
    if (!ISO_INSTANT.test(value.trim())) throw new RangeError(`Date illisible : « ${value} » (attendu AAAA-MM-JJ).`);
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('Date invalide.');
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(value).map((p) => [p.type, p.value]),
  );
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** JJ/MM/AAAA, or '' when there is no date. */
export function formatDate(value: DateInput, timeZone?: string): string {
  const p = dateParts(value, timeZone);
  return p ? `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)}` : '';
}

/** "1er mars 2026", "14 mars 2026": the long form used for the place and date of issue. */
export function formatDateLong(value: DateInput, timeZone?: string): string {
  const p = dateParts(value, timeZone);
  if (!p) return '';
  return `${p.day === 1 ? '1er' : p.day} ${MOIS[p.month - 1]} ${p.year}`;
}

/** AAAA-MM-JJ of "today" in Paris (date of issue). */
export function todayIso(now = new Date(), timeZone = 'Europe/Paris'): string {
  const p = dateParts(now, timeZone)!;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** HH h MM (French way of writing a time), from "HH:MM" or "HH:MM:SS". */
export function formatHeure(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{1,2}):(\d{2})/.exec(value.trim());
  if (!match) throw new RangeError(`Heure illisible : « ${value} » (attendu HH:MM).`);
  return `${pad(Number(match[1]))} h ${match[2]}`;
}

/** Upper case the French way, accents kept: "Côte d'Ivoire" → "CÔTE D'IVOIRE". */
export function upperFr(text: string): string {
  return text.toLocaleUpperCase('fr-FR');
}

export interface LieuNaissance {
  /** birth commune as it was named at the date of birth (INSEE history), for people born in France */
  commune?: { nom: string; departement?: { code?: string; nom?: string } | null } | null;
  /** birth country (INSEE referential, possibly a former country such as U.R.S.S.) for people born abroad */
  pays?: { nom: string } | null;
  /** optional foreign town, printed before the country */
  villeEtrangere?: string | null;
}

/**
 * Place of birth on paper: "Nom (département)" exactly as at birth, or the country IN UPPER CASE
 * (CERES v1.6), accents, hyphens and apostrophes kept exactly (v1.7).
 */
export function formatLieuNaissance(lieu: LieuNaissance): string {
  if (lieu.commune?.nom) {
    const nom = sanitizeText(lieu.commune.nom);
    const dep = sanitizeText(lieu.commune.departement?.nom || lieu.commune.departement?.code || '');
    return dep ? `${nom} (${dep})` : nom;
  }
  if (lieu.pays?.nom) {
    const pays = upperFr(sanitizeText(lieu.pays.nom));
    const ville = sanitizeText(lieu.villeEtrangere ?? '');
    return ville ? `${ville} (${pays})` : pays;
  }
  return '';
}

export type Sexe = 'F' | 'M' | null | undefined;

export interface Identite {
  civilite?: Sexe;
  nomNaissance: string;
  nomUsage?: string | null;
  prenoms: string | string[];
}

/** Names exactly as recorded (no case change, no accent removal); several first names joined with ", ". */
export function formatPrenoms(prenoms: string | string[]): string {
  const list = Array.isArray(prenoms) ? prenoms : [prenoms];
  return list.map(sanitizeText).filter(Boolean).join(', ');
}

/** "Prénoms NOM" as recorded, then the usage name when it differs: "Marie DURAND, nom d'usage LEFÈVRE". */
export function formatNomComplet(identite: Identite): string {
  const prenoms = formatPrenoms(identite.prenoms);
  const naissance = sanitizeText(identite.nomNaissance);
  const usage = sanitizeText(identite.nomUsage ?? '');
  const base = [prenoms, naissance].filter(Boolean).join(' ');
  return usage && usage !== naissance ? `${base}, nom d’usage ${usage}` : base;
}

export const civiliteLong = (sexe: Sexe) => (sexe === 'F' ? 'Madame' : sexe === 'M' ? 'Monsieur' : '');
export const neOuNee = (sexe: Sexe) => (sexe === 'F' ? 'née' : sexe === 'M' ? 'né' : 'né(e)');

/** Old levels (V, IV, III, II, I) map to the 2019 national framework (3…7); the EQF level is the same number. */
const ANCIENS_NIVEAUX: Record<string, number> = { V: 3, IV: 4, III: 5, II: 6, I: 7 };

export function niveauCnc(niveau: string | number): number {
  const raw = String(niveau).trim().toUpperCase();
  const n = ANCIENS_NIVEAUX[raw] ?? Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new RangeError(`Niveau de certification inconnu : « ${niveau} ».`);
  return n;
}

/** "Niveau 5 du cadre national des certifications professionnelles (niveau 5 du cadre européen des certifications)". */
export function formatNiveau(niveau: string | number): string {
  const n = niveauCnc(niveau);
  return `Niveau ${n} du cadre national des certifications professionnelles (niveau ${n} du cadre européen des certifications)`;
}

/** "326t, 326n": NSF codes as a list. */
export function formatList(values: string | string[] | null | undefined, separator = ', '): string {
  if (!values) return '';
  return (Array.isArray(values) ? values : [values]).map(sanitizeText).filter(Boolean).join(separator);
}
