/**
 * A company named on a record that is not an organisation of CERES: a candidate's employer, a company a
 * juror declared a link with (impartiality of the jury). Raison sociale, SIRET optional but checked with
 * the organisations' SIRET rule when given. Pure.
 */
import { siretError } from './siret';

export interface EntrepriseError {
  field: string;
  message: string;
}

const texte = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The candidate's employer: `employeur` (raison sociale) and `employeurSiret`. */
export function employeurErrors(record: { employeur?: unknown; employeurSiret?: unknown }): EntrepriseError[] {
  const siret = texte(record.employeurSiret);
  if (!siret) return [];
  const errors: EntrepriseError[] = [];
  if (!texte(record.employeur)) errors.push({ field: 'employeur', message: "La raison sociale de l'employeur est obligatoire quand son SIRET est indiqué." });
  const invalid = siretError(siret);
  if (invalid) errors.push({ field: 'employeurSiret', message: `SIRET de l'employeur : ${invalid}` });
  return errors;
}

/** A juror's declared company links: a list of { raisonSociale, siret? } (50 at most). */
export function entreprisesLieesErrors(value: unknown): EntrepriseError[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 50) return [{ field: 'entreprisesLiees', message: 'Les entreprises liées sont une liste (50 au plus) de { raisonSociale, siret }.' }];
  const errors: EntrepriseError[] = [];
  value.forEach((item, i) => {
    const at = (f: string) => `entreprisesLiees[${i}].${f}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ field: `entreprisesLiees[${i}]`, message: 'Chaque entreprise liée est un objet { raisonSociale, siret }.' });
      return;
    }
    const e = item as Record<string, unknown>;
    const unknown = Object.keys(e).find((k) => k !== 'raisonSociale' && k !== 'siret');
    if (unknown) errors.push({ field: at(unknown), message: `Champ inconnu « ${unknown} » dans une entreprise liée.` });
    const nom = texte(e.raisonSociale);
    if (!nom || nom.length > 200) errors.push({ field: at('raisonSociale'), message: "La raison sociale de l'entreprise liée est obligatoire (200 caractères au plus)." });
    if (e.siret !== undefined && e.siret !== null && e.siret !== '') {
      const invalid = typeof e.siret === 'string' ? siretError(e.siret) : 'Le SIRET doit comporter exactement 14 chiffres.';
      if (invalid) errors.push({ field: at('siret'), message: `SIRET de l'entreprise liée : ${invalid}` });
    }
  });
  return errors;
}
