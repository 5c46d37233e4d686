/**
 * Pure rules on the country referential itself (no Strapi import). The rules by purpose — former countries
 * (U.R.S.S., Yougoslavie, RDA…) as birth country only, a current country for nationality and address — are
 * applied where those fields live: `paysActuel` in plugins/candidats/server/src/domain/identite.ts.
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
