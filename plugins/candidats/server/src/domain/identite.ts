/**
 * Rules on a candidate's civil status (domain §3.3, §4.1, §4.2): birth place is either a French commune
 * (INSEE code + its label AS IT WAS AT BIRTH, shown "Nom (département)") or a country (former countries
 * allowed) with a free-text foreign town; the nationality is a current country only.
 */
import { dateFr } from './texte';

export interface FieldError {
  field: string;
  message: string;
}

/** What the rules need from a pays record (api::pays.pays). */
export interface PaysInfo {
  codeInsee: string;
  nom: string;
  nature: 'ETAT' | 'ANCIEN_ETAT' | 'TERRITOIRE' | string;
  dateDebut?: string | null;
  dateFin?: string | null;
}

export const CODE_FRANCE = '99100';
const CODE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/;
const TELEPHONE = /^\+?[0-9 .()-]{6,20}$/;

/**
 * The one "current country" rule (nationality, address; the pickers filter `dateFin_null`, the server decides
 * here): not a former State, and valid today — bounds inclusive, a code not yet in force is not current.
 */
export function paysActuel(pays: PaysInfo, aujourdhui: string): boolean {
  return pays.nature !== 'ANCIEN_ETAT' && (!pays.dateDebut || pays.dateDebut <= aujourdhui) && (!pays.dateFin || pays.dateFin >= aujourdhui);
}

/** Département code of an INSEE commune code as it was: "2A004" → "2A", "97411" → "974", "75056" → "75". */
export function departementDeCommune(codeInsee: string): string {
  return /^9[78]/.test(codeInsee) ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}

/** Département of residence from a French postal code (Corsica: 200xx-201xx → 2A, 202xx-206xx → 2B). */
export function departementDuCodePostal(codePostal: string | null | undefined): string | null {
  if (!codePostal || !/^\d{5}$/.test(codePostal)) return null;
  if (codePostal.startsWith('20')) return Number(codePostal.slice(2, 3)) <= 1 ? '2A' : '2B';
  if (/^9[78]/.test(codePostal)) return codePostal.slice(0, 3);
  return codePostal.slice(0, 2);
}

/** "Saint-Denis (93)": communes share names, the département is always shown (§4.2). */
export function libelleCommuneNaissance(libelle: string | null | undefined, departement: string | null | undefined): string {
  if (!libelle) return '';
  return departement ? `${libelle} (${departement})` : libelle;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

export interface ContexteIdentite {
  aujourdhui: string;
  /** the records behind the relations, when given */
  paysNaissance?: PaysInfo | null;
  nationalite?: PaysInfo | null;
  /** codeInsee of the referential commune chosen, when one is */
  communeNaissanceCodeReferentiel?: string | null;
}

/** The errors of a whole candidate record (after the bridge's type checks). */
export function verifierIdentite(record: Record<string, unknown>, contexte: ContexteIdentite): FieldError[] {
  const errors: FieldError[] = [];
  const prenoms = record.prenoms;
  if (!Array.isArray(prenoms) || prenoms.length === 0) {
    errors.push({ field: 'prenoms', message: 'Le champ « prenoms » est obligatoire : au moins un prénom, dans l’ordre de l’état civil.' });
  } else if (prenoms.length > 10 || !prenoms.every((p) => typeof p === 'string' && p.trim() !== '' && p.length <= 100)) {
    errors.push({ field: 'prenoms', message: 'Le champ « prenoms » doit être une liste de 1 à 10 prénoms non vides (100 caractères au plus chacun).' });
  }

  const dateNaissance = typeof record.dateNaissance === 'string' ? record.dateNaissance : null;
  if (dateNaissance) {
    if (dateNaissance > contexte.aujourdhui) errors.push({ field: 'dateNaissance', message: 'La date de naissance ne peut pas être dans le futur.' });
    else if (dateNaissance < '1900-01-01') errors.push({ field: 'dateNaissance', message: 'La date de naissance est antérieure à 1900 : vérifiez la saisie.' });
  }

  // birth place: a French commune XOR a foreign country
  const commune = present(record.communeNaissance) || present(record.communeNaissanceCode);
  const pays = present(record.paysNaissance);
  if (commune && pays) {
    errors.push({
      field: 'paysNaissance',
      message: 'Lieu de naissance : indiquez soit une commune française (« communeNaissance »), soit un pays étranger (« paysNaissance »), pas les deux.',
    });
  } else if (!commune && !pays) {
    errors.push({
      field: 'communeNaissance',
      message: 'Lieu de naissance obligatoire : indiquez une commune française (« communeNaissance ») ou un pays étranger (« paysNaissance »).',
    });
  }
  if (commune) {
    const code = record.communeNaissanceCode;
    if (present(code) && (typeof code !== 'string' || !CODE_COMMUNE.test(code))) {
      errors.push({ field: 'communeNaissanceCode', message: 'Le code INSEE de la commune de naissance doit compter 5 caractères (ex. 69123, 2A004, 97411).' });
    }
    if (!present(record.communeNaissance) && !present(record.communeNaissanceLibelle)) {
      errors.push({ field: 'communeNaissanceLibelle', message: 'Le nom de la commune de naissance (tel qu’il était à la naissance) est obligatoire avec son code INSEE.' });
    }
    if (present(record.communeNaissance) && present(code) && contexte.communeNaissanceCodeReferentiel && contexte.communeNaissanceCodeReferentiel !== code) {
      errors.push({ field: 'communeNaissanceCode', message: `Le code INSEE ${String(code)} ne correspond pas à la commune choisie (${contexte.communeNaissanceCodeReferentiel}).` });
    }
    if (present(record.villeNaissanceEtranger)) {
      errors.push({ field: 'villeNaissanceEtranger', message: 'La ville de naissance à l’étranger ne se saisit que pour une naissance hors de France.' });
    }
  }
  if (pays && contexte.paysNaissance) {
    const p = contexte.paysNaissance;
    if (p.codeInsee === CODE_FRANCE) {
      errors.push({ field: 'paysNaissance', message: 'Né(e) en France : indiquez la commune de naissance et non le pays.' });
    } else if (dateNaissance && p.nature === 'ANCIEN_ETAT' && p.dateFin && p.dateFin < dateNaissance) {
      errors.push({ field: 'paysNaissance', message: `Le pays « ${p.nom} » n'existait plus à la date de naissance (fin le ${dateFr(p.dateFin)}).` });
    }
  }

  if (contexte.nationalite && !paysActuel(contexte.nationalite, contexte.aujourdhui)) {
    errors.push({
      field: 'nationalite',
      message: `La nationalité doit être un pays actuel : « ${contexte.nationalite.nom} » est un ancien pays, réservé au pays de naissance.`,
    });
  }

  if (present(record.telephone) && (typeof record.telephone !== 'string' || !TELEPHONE.test(record.telephone))) {
    errors.push({ field: 'telephone', message: 'Le numéro de téléphone n’a pas un format valide (chiffres, espaces, +, 6 à 20 caractères).' });
  }
  if (present(record.codePostal) && (typeof record.codePostal !== 'string' || !/^\d{5}$/.test(record.codePostal))) {
    errors.push({ field: 'codePostal', message: 'Le code postal doit compter 5 chiffres.' });
  }
  return errors;
}
