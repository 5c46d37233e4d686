/**
 * Homonym control (newsletter v1.7 "contrôle d'homonymie"): before a candidate is created or registered,
 * is this person already known? Compares two identities on names, first names and birth date,
 * insensitive to accents, case, hyphens and apostrophes, and tolerant to what agents really get wrong:
 * one typo, first names in another order, a married name given instead of the birth name (or a
 * double name "Martin-Dupont"), surname and first name swapped, day and month of birth swapped.
 * At most ONE real approximation (typo, approximate date) is tolerated: beyond that, it is another person.
 */
import { compact, distanceEdition, plier } from './texte';

export interface Identite {
  nomNaissance: string;
  nomUsage?: string | null;
  prenoms: string[];
  /** AAAA-MM-JJ */
  dateNaissance: string;
}

export type NiveauCorrespondance = 'IDENTIQUE' | 'PROCHE';

export interface Correspondance {
  niveau: NiveauCorrespondance;
  /** for sorting: 100 = identical */
  score: number;
  /** what matched and how, in the agents' words */
  raisons: string[];
}

/** Shortest word in which one typo is tolerated: "Li" and "Le" are two different names. */
const LONGUEUR_MIN_FAUTE = 4;

type Rapprochement = { approximations: number; variantes: number; raison: string };

const uneFaute = (a: string, b: string) => a.length >= LONGUEUR_MIN_FAUTE && b.length >= LONGUEUR_MIN_FAUTE && distanceEdition(a, b, 1) === 1;

const mots = (value: string | null | undefined) => (value ? plier(value).split(' ').filter((m) => m.length >= 2) : []);

/** One name (birth or usage) against the other person's names. */
function rapprocherNoms(a: Identite, b: Identite): Rapprochement | null {
  const naissanceA = compact(a.nomNaissance);
  const naissanceB = compact(b.nomNaissance);
  if (naissanceA && naissanceA === naissanceB) return { approximations: 0, variantes: 0, raison: 'nom de naissance identique' };
  const nomsA = [naissanceA, compact(a.nomUsage)].filter(Boolean);
  const nomsB = [naissanceB, compact(b.nomUsage)].filter(Boolean);
  if (nomsA.some((x) => nomsB.includes(x))) return { approximations: 0, variantes: 1, raison: "nom d'usage et nom de naissance correspondants" };
  // a double name ("Martin-Dupont") containing the other person's name
  const motsA = [a.nomNaissance, a.nomUsage].flatMap(mots);
  const motsB = [b.nomNaissance, b.nomUsage].flatMap(mots);
  const composes = [a.nomNaissance, a.nomUsage, b.nomNaissance, b.nomUsage].some((n) => mots(n).length > 1);
  if (composes && motsA.some((m) => m.length >= 3 && motsB.includes(m))) return { approximations: 0, variantes: 1, raison: 'nom composé en partie identique' };
  if (uneFaute(naissanceA, naissanceB)) return { approximations: 1, variantes: 0, raison: 'une faute de frappe dans le nom' };
  if (nomsA.some((x) => nomsB.some((y) => uneFaute(x, y)))) return { approximations: 1, variantes: 1, raison: "une faute de frappe entre nom d'usage et nom de naissance" };
  return null;
}

function rapprocherPrenoms(a: string[], b: string[]): Rapprochement | null {
  const listeA = a.map(compact).filter(Boolean);
  const listeB = b.map(compact).filter(Boolean);
  if (!listeA.length || !listeB.length) return null;
  // "Jean-Pierre" and ["Jean", "Pierre"] are the same first names
  if (listeA.join('') === listeB.join('')) return { approximations: 0, variantes: 0, raison: 'prénoms identiques' };
  const motsA = a.flatMap(mots).sort();
  const motsB = b.flatMap(mots).sort();
  if (motsA.join(' ') === motsB.join(' ')) return { approximations: 0, variantes: 1, raison: 'prénoms dans un autre ordre' };
  const premierA = mots(a[0])[0] ?? '';
  const premierB = mots(b[0])[0] ?? '';
  if (premierA === premierB || motsB.includes(premierA) || motsA.includes(premierB)) {
    return { approximations: 0, variantes: 1, raison: 'premier prénom retrouvé' };
  }
  if (uneFaute(listeA[0], listeB[0])) return { approximations: 1, variantes: 0, raison: 'une faute de frappe dans le prénom' };
  return null;
}

/** A real calendar date AAAA-MM-JJ (no 31 April, 29 February only in leap years). */
const dateReelle = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) && new Date(date).toISOString().slice(0, 10) === date;

/** The one typing mistake between two birth dates, if there is exactly one: day and month swapped, or one digit. */
export function ecartDate(a: string, b: string): 'JOUR_MOIS_INVERSES' | 'UN_CHIFFRE' | null {
  if (a === b) return null;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return 'JOUR_MOIS_INVERSES';
  const chiffresA = a.replace(/-/g, '');
  const chiffresB = b.replace(/-/g, '');
  if (chiffresA.length !== chiffresB.length) return null;
  let differences = 0;
  for (let i = 0; i < chiffresA.length; i++) if (chiffresA[i] !== chiffresB[i]) differences++;
  return differences === 1 ? 'UN_CHIFFRE' : null;
}

/**
 * Same date, or one typing mistake in it (day and month swapped, one digit different) when the names and
 * first names carry no typo themselves (a variant — first names reordered, nom d'usage — is not a typo).
 */
function rapprocherDates(a: string, b: string, toleree: boolean): Rapprochement | null {
  if (a === b) return { approximations: 0, variantes: 0, raison: 'date de naissance identique' };
  if (!toleree) return null;
  const ecart = ecartDate(a, b);
  if (ecart === 'JOUR_MOIS_INVERSES') return { approximations: 1, variantes: 0, raison: 'date de naissance proche (jour et mois inversés)' };
  if (ecart === 'UN_CHIFFRE') return { approximations: 1, variantes: 0, raison: 'date de naissance proche (un chiffre différent)' };
  return null;
}

/** Is `candidat` possibly the person searched? null when not. */
export function comparerIdentites(recherche: Identite, candidat: Identite): Correspondance | null {
  let noms = rapprocherNoms(recherche, candidat);
  let prenoms = rapprocherPrenoms(recherche.prenoms, candidat.prenoms);
  if (!noms || !prenoms) {
    // surname typed in the first-name field and the other way round
    const inverse = { ...recherche, nomNaissance: recherche.prenoms[0] ?? '', prenoms: [recherche.nomNaissance], nomUsage: null };
    const nomsInverses = rapprocherNoms(inverse, { ...candidat, nomUsage: null });
    const prenomsInverses = rapprocherPrenoms(inverse.prenoms, candidat.prenoms.slice(0, 1));
    if (!nomsInverses || !prenomsInverses || nomsInverses.approximations + prenomsInverses.approximations > 0) return null;
    noms = { approximations: 0, variantes: 1, raison: 'nom et prénom inversés' };
    prenoms = null;
  }
  // a date typo is the one approximation tolerated: the names must then be right (variants allowed)
  const sansFauteSaufDate = noms.approximations + (prenoms ? prenoms.approximations : 0) === 0;
  const dates = rapprocherDates(recherche.dateNaissance, candidat.dateNaissance, sansFauteSaufDate);
  if (!dates) return null;
  const parts = [noms, prenoms, dates].filter((p): p is Rapprochement => p !== null);
  const approximations = parts.reduce((n, p) => n + p.approximations, 0);
  if (approximations > 1) return null;
  const variantes = parts.reduce((n, p) => n + p.variantes, 0);
  const identique = approximations === 0 && variantes === 0 && prenoms !== null;
  return {
    niveau: identique ? 'IDENTIQUE' : 'PROCHE',
    score: 100 - 20 * approximations - 5 * variantes,
    raisons: parts.map((p) => p.raison),
  };
}

/** The identities among `candidats` that may be the person searched, best first. */
export function chercherHomonymes<T extends Identite>(recherche: Identite, candidats: T[]): (T & { correspondance: Correspondance })[] {
  return candidats
    .map((c) => ({ ...c, correspondance: comparerIdentites(recherche, c) }))
    .filter((c): c is T & { correspondance: Correspondance } => c.correspondance !== null)
    .sort((x, y) => y.correspondance.score - x.correspondance.score);
}

/**
 * Birth dates worth asking the database for whatever the names: the date itself and its day/month swap.
 * (A one-digit typo is asked together with similar names: datesProches.)
 */
export function datesCandidates(dateNaissance: string): string[] {
  const [y, m, d] = dateNaissance.split('-');
  const dates = [dateNaissance];
  if (m !== d && Number(d) <= 12) dates.push(`${y}-${d}-${m}`);
  return dates;
}

/**
 * Every real date one typing mistake away from `dateNaissance` (one digit different, or day and month
 * swapped), years 1900 to 2100: at most 8 × 9 + 1 dates, looked up by equality on the birth-date index.
 */
export function datesProches(dateNaissance: string): string[] {
  if (!dateReelle(dateNaissance)) return [];
  const chiffres = dateNaissance.replace(/-/g, '');
  const dates = new Set<string>();
  const ajouter = (c: string) => {
    const date = `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}`;
    const annee = Number(c.slice(0, 4));
    if (date !== dateNaissance && annee >= 1900 && annee <= 2100 && dateReelle(date)) dates.add(date);
  };
  for (let i = 0; i < chiffres.length; i++) {
    for (let d = 0; d <= 9; d++) if (String(d) !== chiffres[i]) ajouter(chiffres.slice(0, i) + d + chiffres.slice(i + 1));
  }
  ajouter(chiffres.slice(0, 4) + chiffres.slice(6, 8) + chiffres.slice(4, 6));
  return [...dates].sort();
}
