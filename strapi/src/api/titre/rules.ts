/**
 * Pure rules on titles (no Strapi import): consistency of a title record, and whether sessions may still be
 * held for it on a given day (validity, then the one-year prolongation).
 */
import { dateFr } from '@ceres/plugin-bridge/runtime';

export interface TitreLike {
  code?: string | null;
  version?: number | null;
  typeCertification?: string | null;
  niveau?: number | null;
  niveauEqf?: number | null;
  dateDebutValidite?: string | null;
  dateFinValidite?: string | null;
  dateFinProlongation?: string | null;
  statut?: string | null;
  predecesseur?: string | null;
  successeur?: string | null;
  id?: string | null;
}

export interface TitreError {
  field: string;
  message: string;
}

export function checkTitre(titre: TitreLike): TitreError[] {
  const errors: TitreError[] = [];
  const professionnel = (titre.typeCertification ?? 'TITRE_PROFESSIONNEL') === 'TITRE_PROFESSIONNEL';
  if (professionnel && titre.code && !/^TP-\d{5}$/.test(titre.code)) {
    errors.push({ field: 'code', message: `Le code d'un titre professionnel s'écrit TP- suivi de 5 chiffres (ex. TP-01280), reçu « ${titre.code} ».` });
  }
  if (professionnel && (titre.niveau === null || titre.niveau === undefined)) {
    errors.push({ field: 'niveau', message: 'Le niveau (3 à 6) est obligatoire pour un titre professionnel.' });
  }
  if (titre.niveau && titre.niveauEqf && titre.niveau !== titre.niveauEqf) {
    errors.push({ field: 'niveauEqf', message: `Le niveau européen (CEC) d'un titre de niveau ${titre.niveau} est ${titre.niveau} (cadre national des certifications de 2019).` });
  }
  const { dateDebutValidite: debut, dateFinValidite: fin, dateFinProlongation: prolongation } = titre;
  if (debut && fin && fin < debut) {
    errors.push({ field: 'dateFinValidite', message: `La fin de validité (${dateFr(fin)}) précède le début de validité (${dateFr(debut)}).` });
  }
  if (fin && prolongation && prolongation < fin) {
    errors.push({ field: 'dateFinProlongation', message: `La fin de prolongation (${dateFr(prolongation)}) précède la fin de validité (${dateFr(fin)}).` });
  }
  if (prolongation && !fin) {
    errors.push({ field: 'dateFinValidite', message: 'Une fin de prolongation suppose une fin de validité.' });
  }
  if (titre.id && (titre.predecesseur === titre.id || titre.successeur === titre.id)) {
    errors.push({ field: titre.predecesseur === titre.id ? 'predecesseur' : 'successeur', message: 'Un titre ne peut pas être sa propre version précédente ou suivante.' });
  }
  if (titre.statut === 'REMPLACE' && !titre.successeur) {
    errors.push({ field: 'successeur', message: 'Un titre remplacé doit indiquer le titre qui le remplace (version suivante).' });
  }
  return errors;
}

/** Sessions (titre, CCP) may be held until the end of validity, then during the prolongation year. */
export function titreOuvertAuxSessions(titre: TitreLike, date: string): boolean {
  if (titre.statut === 'CLOTURE') return false;
  if (titre.dateDebutValidite && date < titre.dateDebutValidite) return false;
  const fin = titre.dateFinProlongation ?? titre.dateFinValidite;
  return !fin || date <= fin;
}

/** The status a title's dates imply on a given day (REMPLACE is a decision, kept as is). */
export function statutSelonDates(titre: TitreLike, date: string): 'ACTIF' | 'EN_PROLONGATION' | 'CLOTURE' | 'REMPLACE' {
  if (titre.statut === 'REMPLACE') return 'REMPLACE';
  if (!titre.dateFinValidite || date <= titre.dateFinValidite) return 'ACTIF';
  if (titre.dateFinProlongation && date <= titre.dateFinProlongation) return 'EN_PROLONGATION';
  return 'CLOTURE';
}
