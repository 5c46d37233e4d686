/**
 * Impartiality of the jury (domain §2.5; 2008 règlement: a member who works or worked in the same company
 * or organisation as a candidate does not deliberate on that candidate). A juror's declared links — with
 * centres, with companies, and their own employer — are compared with the session's centre and, for each
 * registered candidate, the candidate's centre and employer. A link is flagged on the jury, not refused:
 * the jury still sits, without that juror for the candidates concerned. Pure.
 */
export interface Entreprise {
  raisonSociale: string;
  siret?: string | null;
}

export interface JureLiens {
  /** documentIds of the centres the juror declared a link with */
  centres: string[];
  /** the juror's own employer (free text) */
  employeur?: string | null;
  /** companies the juror declared a link with */
  entreprises: Entreprise[];
}

export interface CandidatLiens {
  /** NOM Prénom, for the message */
  nom: string;
  /** documentIds of the candidate's centres (the centre that created the record) */
  centres: string[];
  employeur: Entreprise | null;
}

export interface CentreSession {
  id: string | null;
}

const siren = (siret?: string | null) => {
  const digits = (siret ?? '').replace(/\s/g, '');
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : null;
};

/** Same company: same SIREN when both are known, else the same name once normalised (accents, case, punctuation). */
export function memeEntreprise(a: Entreprise, b: Entreprise, normalize: (s: string) => string): boolean {
  const sa = siren(a.siret);
  const sb = siren(b.siret);
  if (sa && sb) return sa === sb;
  const na = normalize(a.raisonSociale ?? '');
  return na.length > 0 && na === normalize(b.raisonSociale ?? '');
}

/** The links of one juror with this session's centre and candidates, as short French sentences (none: impartial). */
export function liensDuJure(jure: JureLiens, centre: CentreSession, candidats: CandidatLiens[], normalize: (s: string) => string): string[] {
  const out: string[] = [];
  if (centre.id && jure.centres.includes(centre.id)) out.push('Lien déclaré avec le centre organisateur');
  for (const c of candidats) {
    const centres = c.centres.filter((id) => id !== centre.id && jure.centres.includes(id));
    if (centres.length) out.push(`Lien déclaré avec le centre de ${c.nom}`);
    if (!c.employeur) continue;
    const employeur = c.employeur;
    if (jure.entreprises.some((e) => memeEntreprise(e, employeur, normalize))) out.push(`Lien déclaré avec l'employeur de ${c.nom} (${employeur.raisonSociale})`);
    else if (jure.employeur && memeEntreprise({ raisonSociale: jure.employeur }, employeur, normalize)) out.push(`Même employeur que ${c.nom} (${employeur.raisonSociale})`);
  }
  return out;
}

/** What the membre-jury row keeps: the flag and its detail (500 characters at most). */
export function signalement(liens: string[]): { lienSignale: boolean; lienDetail: string | null } {
  if (!liens.length) return { lienSignale: false, lienDetail: null };
  const text = liens.join(' ; ');
  return { lienSignale: true, lienDetail: text.length > 500 ? `${text.slice(0, 497)}…` : text };
}
