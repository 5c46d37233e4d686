/**
 * Pure rules on countries (no Strapi import), shared by every content type with a country field.
 * Former countries (U.R.S.S., Yougoslavie, RDA…) are accepted as a birth country only: nationality and
 * address take a current country, and the server refuses a former one (the picker is not the guard).
 */

export interface PaysLike {
  codeInsee?: string | null;
  nom?: string | null;
  libelleCog?: string | null;
  nature?: string | null;
  dateDebut?: string | null;
  dateFin?: string | null;
}

export interface PaysError {
  field: string;
  message: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** JJ/MM/AAAA from AAAA-MM-JJ */
export const dateFr = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** the country existed (under this name) on that day (AAAA-MM-JJ) */
export function estValideLe(pays: PaysLike, date: string): boolean {
  return (!pays.dateDebut || pays.dateDebut <= date) && (!pays.dateFin || pays.dateFin >= date);
}

/** a current State or territory: what nationality and address fields accept */
export function estActuel(pays: PaysLike, date: string = today()): boolean {
  return pays.nature !== 'ANCIEN_ETAT' && estValideLe(pays, date);
}

/**
 * Nationality, address and every country field other than the birth country.
 * @param field the field name reported to the back-office (e.g. "nationalite")
 * @param usage the field in the agent's words, for the message (e.g. "la nationalité")
 */
export function checkPaysActuel(pays: PaysLike | null | undefined, field: string, usage = 'ce champ', date: string = today()): PaysError | null {
  if (!pays) return null;
  if (estActuel(pays, date)) return null;
  const jusqua = pays.dateFin ? ` (jusqu'au ${dateFr(pays.dateFin)})` : '';
  return {
    field,
    message: `« ${pays.nom ?? pays.libelleCog} » est un ancien pays${jusqua} : il n'est accepté que comme pays de naissance. Choisissez un pays actuel pour ${usage}.`,
  };
}

/** Birth country: former countries are accepted, but the country must have existed on the birth date when both are known. */
export function checkPaysNaissance(pays: PaysLike | null | undefined, dateNaissance: string | null | undefined, field = 'paysNaissance'): PaysError | null {
  if (!pays || !dateNaissance) return null;
  if (estValideLe(pays, dateNaissance.slice(0, 10))) return null;
  const periode = pays.dateDebut && pays.dateFin
    ? `du ${dateFr(pays.dateDebut)} au ${dateFr(pays.dateFin)}`
    : pays.dateDebut
      ? `à partir du ${dateFr(pays.dateDebut)}`
      : `jusqu'au ${dateFr(pays.dateFin as string)}`;
  return {
    field,
    message: `« ${pays.nom ?? pays.libelleCog} » n'existait pas sous ce nom à la date de naissance (${dateFr(dateNaissance)}) : ce code pays est valable ${periode}. Choisissez le pays tel qu'il existait à la naissance.`,
  };
}

const overlaps = (a: PaysLike, b: PaysLike) => (!a.dateFin || !b.dateDebut || a.dateFin >= b.dateDebut) && (!b.dateFin || !a.dateDebut || b.dateFin >= a.dateDebut);

/**
 * An INSEE code is shared by a State and its territories, and by the successive names of one State; two
 * States (current or former) may not carry the same code over overlapping periods.
 */
export function checkCodeInseePartage(candidate: PaysLike, others: PaysLike[]): PaysError | null {
  if (candidate.nature === 'TERRITOIRE') {
    const same = others.find((o) => o.libelleCog && o.libelleCog === candidate.libelleCog);
    return same ? { field: 'libelleCog', message: `Le libellé COG « ${candidate.libelleCog} » est déjà utilisé pour le code ${candidate.codeInsee}.` } : null;
  }
  for (const other of others) {
    if (other.libelleCog && other.libelleCog === candidate.libelleCog) {
      return { field: 'libelleCog', message: `Le libellé COG « ${candidate.libelleCog} » est déjà utilisé pour le code ${candidate.codeInsee}.` };
    }
    if (other.nature !== 'TERRITOIRE' && overlaps(candidate, other)) {
      return {
        field: 'codeInsee',
        message: `Le code INSEE ${candidate.codeInsee} est déjà celui de « ${other.nom ?? other.libelleCog} » sur une période qui chevauche : renseignez des dates de validité distinctes.`,
      };
    }
  }
  return null;
}
