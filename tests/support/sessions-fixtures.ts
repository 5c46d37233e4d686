/**
 * What a session needs around it (titre with two CCPs, a granted agrément of the Lyon demo centre,
 * candidates, habilitated jurors), inserted in SQL so that the session suites depend on those tables,
 * not on their owners' forms. Cleaned up by removeSessionFixtures.
 */
import { randomBytes } from 'node:crypto';
import { sql } from './db';

type Ref = { id: number; documentId: string };

// like Strapi's: starts with a letter (a documentId starting with digits is taken for a numeric id by Strapi)
const docId = () => `t${randomBytes(12).toString('hex').slice(0, 23)}`;

export async function insert(table: string, row: Record<string, unknown>): Promise<Ref> {
  const documentId = docId();
  // published_at: Strapi 5 reads only published rows, even without draft & publish
  const data = { document_id: documentId, created_at: new Date(), updated_at: new Date(), published_at: new Date(), ...row };
  const columns = Object.keys(data);
  const values = Object.values(data).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
  const [r] = await sql(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
  return { id: r.id, documentId };
}

export const link = (table: string, a: string, aId: number, b: string, bId: number) => sql(`INSERT INTO ${table} (${a}, ${b}) VALUES ($1, $2)`, [aId, bId]);

export interface SessionFixtures {
  titre: Ref;
  ccps: Ref[];
  candidats: Ref[];
  jures: Ref[];
  nonHabilite: Ref;
  centreLyon: string;
  /** a site of the Lyon centre and the agrément ACCORDE covering the test title there (a session names both) */
  site: Ref;
  agrement: Ref;
  suffix: string;
}

export async function createSessionFixtures(): Promise<SessionFixtures> {
  const suffix = `${Date.now()}${Math.floor(Math.random() * 10)}`.slice(-5);
  const titre = await insert('titres', { code: `TP-9${suffix.slice(1)}`, version: 2026, intitule: `Titre de test sessions ${suffix}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF' });
  const ccps: Ref[] = [];
  for (const rang of [1, 2]) {
    const ccp = await insert('ccps', { code: `TSES${suffix}-${rang}`, intitule: `CCP ${rang} de test`, rang });
    await link('ccps_titres_lnk', 'ccp_id', ccp.id, 'titre_id', titre.id);
    ccps.push(ccp);
  }
  const [lyon] = await sql(`SELECT id, document_id FROM centres WHERE siret = '91234567500017'`);
  const site = await insert('sites', { nom: `Plateau de test sessions ${suffix}`, actif: true });
  await link('sites_centre_lnk', 'site_id', site.id, 'centre_id', lyon.id);
  const agrement = await insert('agrements', { date_debut: '2020-01-01', date_fin: '2035-12-31', statut: 'ACCORDE' });
  await link('agrements_centre_lnk', 'agrement_id', agrement.id, 'centre_id', lyon.id);
  await link('agrements_titre_lnk', 'agrement_id', agrement.id, 'titre_id', titre.id);
  await link('agrements_site_lnk', 'agrement_id', agrement.id, 'site_id', site.id);
  const candidats: Ref[] = [];
  for (const prenom of ['Alice', 'Bruno']) {
    candidats.push(await insert('candidats', { nom_naissance: `SESSIONTEST${suffix}`, prenoms: [prenom], sexe: 'F', date_naissance: '1990-01-01' }));
  }
  const jures: Ref[] = [];
  for (const nom of ['Juré-Un', 'Juré-Deux', 'Juré-Trois']) {
    const jure = await insert('jures', { nom: `${nom}${suffix}`, prenom: 'Test', metier: 'Formateur', retraite: false });
    const habilitation = await insert('habilitations', { date_debut: '2020-01-01', date_fin: '2035-12-31', statut: 'ACTIVE' });
    await link('habilitations_jure_lnk', 'habilitation_id', habilitation.id, 'jure_id', jure.id);
    await link('habilitations_titre_lnk', 'habilitation_id', habilitation.id, 'titre_id', titre.id);
    jures.push(jure);
  }
  const nonHabilite = await insert('jures', { nom: `Sans-Habilitation${suffix}`, prenom: 'Test', metier: 'Formateur', retraite: false });
  return { titre, ccps, candidats, jures, nonHabilite, centreLyon: lyon.document_id, site, agrement, suffix };
}

export async function removeSessionFixtures(fx: SessionFixtures | undefined) {
  if (!fx?.titre) return;
  const candidats = fx.candidats.map((c) => c.id);
  await sql(`DELETE FROM evenements_parcours WHERE id IN (SELECT evenement_parcours_id FROM evenements_parcours_candidat_lnk WHERE candidat_id = ANY($1))`, [candidats]);
  await sql(`DELETE FROM membres_jury WHERE id IN (SELECT membre_jury_id FROM membres_jury_session_lnk l JOIN sessions_titre_lnk t ON t.session_id = l.session_id WHERE t.titre_id = $1)`, [fx.titre.id]);
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT inscription_id FROM inscriptions_candidat_lnk WHERE candidat_id = ANY($1))`, [candidats]);
  await sql(`DELETE FROM sessions WHERE id IN (SELECT session_id FROM sessions_titre_lnk WHERE titre_id = $1)`, [fx.titre.id]);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

/** time passes: the session starts today (results are entered from its first day) */
/** the body of a session TITRE the Lyon centre may create with these fixtures (starting in 90 days), with `patch` over it */
export const sessionTitre = (fx: SessionFixtures, patch: Record<string, unknown> = {}) => ({
  type: 'TITRE',
  centre: fx.centreLyon,
  titre: fx.titre.documentId,
  site: fx.site.documentId,
  agrement: fx.agrement.documentId,
  dateDebut: inDays(90),
  dateFin: inDays(92),
  responsableSession: 'Mme Responsable',
  ...patch,
});

export const startToday = (sessionDocumentId: string) => sql(`UPDATE sessions SET date_debut = $2, date_fin = $2 WHERE document_id = $1`, [sessionDocumentId, inDays(0)]);
