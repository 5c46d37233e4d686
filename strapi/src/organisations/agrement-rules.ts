/** Database side of the agrément rules (the pure ones are in domain/agrement.ts). */
import type { Certification } from './domain/agrement';
import { findWith, refOf } from './lookup';

/** The titre or CCS an agrément is for, with what bounds its end date. */
export async function certificationOf(record: Record<string, unknown>): Promise<Certification | null> {
  if (record.titre) {
    const titre = await findWith('api::titre.titre', record.titre);
    if (!titre) return null;
    return { libelle: `${titre.code} ${titre.intitule}`, dateFinValidite: titre.dateFinValidite as string | null, dateFinProlongation: titre.dateFinProlongation as string | null };
  }
  if (record.ccs) {
    const ccs = await findWith('api::ccs.ccs', record.ccs, ['titre']);
    if (!ccs) return null;
    // a CCS ends with its own validity when it has one, otherwise with its title's
    if (ccs.dateFinValidite) return { libelle: `le CCS ${ccs.code}`, dateFinValidite: ccs.dateFinValidite as string };
    const parent = await certificationOf({ titre: refOf(ccs, 'titre') });
    return parent ? { ...parent, libelle: `le CCS ${ccs.code} (${parent.libelle})` } : null;
  }
  return null;
}

/** A CCS agrément requires the centre to hold a granted agrément for the CCS's parent titre. */
export async function parentAgrementError(centre: string, ccsDocumentId: string): Promise<string | null> {
  const ccs = await findWith('api::ccs.ccs', ccsDocumentId, ['titre']);
  const titre = refOf(ccs, 'titre');
  if (!titre) return "Ce CCS n'est rattaché à aucun titre : il ne peut pas faire l'objet d'un agrément.";
  const parent = await strapi.db.query('api::agrement.agrement').findOne({
    where: { centre: { documentId: centre }, titre: { documentId: titre }, statut: 'ACCORDE' },
    select: ['id'],
  });
  return parent ? null : `Un agrément pour un CCS exige que le centre soit agréé pour le titre dont il relève (${String(ccs?.code ?? '')}) : aucun agrément accordé pour ce titre.`;
}
