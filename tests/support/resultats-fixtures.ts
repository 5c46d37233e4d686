/**
 * A Lyon session (région 84) whose results are validated, inserted in SQL as the documents suites do: one
 * laureate (TITRE_OBTENU, with the title result in the parcours on the jury's day) and one partial success.
 * The documents are then issued through the real bridge actions. Cleaned up by removeSessionValidee.
 */
import { sql } from './db';
import { insert, link } from './sessions-fixtures';

type Ref = { id: number; documentId: string };

export interface SessionValidee {
  titre: Ref;
  session: Ref;
  numeroSession: string;
  /** jury's day, AAAA-MM-JJ */
  dateJury: string;
  laureate: Ref;
  partielle: Ref;
  /** [laureate's, partial success's] */
  inscriptions: Ref[];
}

export async function createSessionValidee(nom: string): Promise<SessionValidee> {
  const suffix = `${Date.now()}${Math.floor(Math.random() * 10)}`.slice(-5);
  const titre = await insert('titres', { code: `TP-7${suffix.slice(1)}`, version: 2026, intitule: `Secrétaire assistant ${suffix}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF', niveau: 4, code_rncp: 'RNCP36805', code_nsf: '324t' });
  const ccps: Ref[] = [];
  for (const rang of [1, 2]) {
    const ccp = await insert('ccps', { code: `TPAR${suffix}-${rang}`, intitule: `Assurer les travaux courants (bloc ${rang})`, rang });
    await link('ccps_titres_lnk', 'ccp_id', ccp.id, 'titre_id', titre.id);
    ccps.push(ccp);
  }
  const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
  const [dep69] = await sql(`SELECT id FROM departements WHERE code = '69'`);
  const numeroSession = `PAR-${suffix}`;
  const dateJury = '2026-03-11';
  const session = await insert('sessions', { numero: numeroSession, type: 'TITRE', statut: 'RESULTATS_VALIDES', date_debut: '2026-03-10', date_fin: dateJury, lieu: 'Salle Rhône', responsable_session: 'M. Responsable' });
  await link('sessions_centre_lnk', 'session_id', session.id, 'centre_id', lyon.id);
  await link('sessions_titre_lnk', 'session_id', session.id, 'titre_id', titre.id);
  await link('sessions_departement_lnk', 'session_id', session.id, 'departement_id', dep69.id);
  for (const ccp of ccps) await link('sessions_ccps_lnk', 'session_id', session.id, 'ccp_id', ccp.id);
  const candidats: Ref[] = [];
  const inscriptions: Ref[] = [];
  for (const [prenom, decision, second] of [
    ['Léonie', 'TITRE_OBTENU', 'ACQUIS'],
    ['Théo', 'REUSSITE_PARTIELLE', 'NON_ACQUIS'],
  ]) {
    const candidat = await insert('candidats', { nom_naissance: `${nom}${suffix}`, prenoms: [prenom], sexe: 'F', date_naissance: '1991-04-05', commune_naissance_libelle: 'Villeurbanne', commune_naissance_departement: 'Rhône' });
    const inscription = await insert('inscriptions', { statut: 'INSCRIT', voie_acces: 'FORMATION_CONTINUE', presence: 'PRESENT', decision, resultats_ccp: { [`TPAR${suffix}-1`]: 'ACQUIS', [`TPAR${suffix}-2`]: second }, entretien_final: true });
    await link('inscriptions_candidat_lnk', 'inscription_id', inscription.id, 'candidat_id', candidat.id);
    await link('inscriptions_session_lnk', 'inscription_id', inscription.id, 'session_id', session.id);
    candidats.push(candidat);
    inscriptions.push(inscription);
  }
  const [laureate, partielle] = candidats;
  // the title result as the sessions workflow records it, on the jury's day
  const resultat = await insert('evenements_parcours', { type: 'RESULTAT_TITRE', date: dateJury, resultat: 'TITRE_OBTENU', libelle: 'Résultat validé' });
  await link('evenements_parcours_candidat_lnk', 'evenement_parcours_id', resultat.id, 'candidat_id', laureate.id);
  await link('evenements_parcours_titre_lnk', 'evenement_parcours_id', resultat.id, 'titre_id', titre.id);
  await link('evenements_parcours_session_lnk', 'evenement_parcours_id', resultat.id, 'session_id', session.id);
  return { titre, session, numeroSession, dateJury, laureate, partielle, inscriptions };
}

export async function removeSessionValidee(fx: SessionValidee | undefined) {
  if (!fx?.session) return;
  const candidats = [fx.laureate.id, fx.partielle.id];
  await sql(`DELETE FROM evenements_parcours WHERE id IN (SELECT evenement_parcours_id FROM evenements_parcours_candidat_lnk WHERE candidat_id = ANY($1))`, [candidats]);
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT inscription_id FROM inscriptions_session_lnk WHERE session_id = $1)`, [fx.session.id]);
  await sql(`DELETE FROM sessions WHERE id = $1`, [fx.session.id]);
  await sql(`DELETE FROM candidats WHERE id = ANY($1)`, [candidats]);
}
