/**
 * Organisations through the bridge: centre identity (SIRET Luhn key, NDA), département and région derived
 * from the commune, agrément rules (site of the centre, titre xor CCS, end ≤ title's end + prolongation,
 * CCS needs a granted agrément for its title, frozen once decided), the DREETS's decisions with their own
 * messages (v1.7), temporary authorisations (time-boxed, v1.7), contrôles, and the demo data.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

jest.setTimeout(60_000);

let admin: ReturnType<typeof api>;
let dreets: ReturnType<typeof api>;
let centreLyon: ReturnType<typeof api>;
let lyon: string;
let lyonSite: string;
let communeLyon: string;
let communeNoumea: string;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const one = async (text: string, params: unknown[] = []) => (await sql(text, params))[0];

beforeAll(async () => {
  admin = api(await login('admin.national'));
  dreets = api(await login('dreets.ara'));
  centreLyon = api(await login('centre.lyon'));
  lyon = (await one(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS.lyon])).document_id;
  lyonSite = (await one(`SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret = $1 ORDER BY s.id LIMIT 1`, [DEMO_SIRETS.lyon])).document_id;
  communeLyon = (await one(`SELECT document_id FROM communes WHERE code_insee = '69123' AND type = 'COMMUNE_ACTUELLE'`)).document_id;
  communeNoumea = (await one(`SELECT document_id FROM communes WHERE code_insee = '98818'`)).document_id;
}, 60_000);

describe('centres', () => {
  test.each([
    ['12345678900007', /SIREN/],
    ['73282932000075', /clé de contrôle/],
  ])('SIRET %s is refused with a French message naming the field', async (siret, message) => {
    const response = await admin.post('/api/ra/centres', { raisonSociale: 'Centre à clé fausse', siret, commune: communeLyon });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'siret', message: expect.stringMatching(message) });
    expect(await sql(`SELECT 1 FROM centres WHERE siret = $1`, [siret])).toHaveLength(0);
  });

  test('a SIRET already used is refused; the NDA has 11 digits; the commune is required', async () => {
    const twin = await admin.post('/api/ra/centres', { raisonSociale: 'Doublon', siret: DEMO_SIRETS.paris, commune: communeLyon });
    expect(twin.body.error).toMatchObject({ field: 'siret', message: 'Un centre portant ce SIRET existe déjà.' });
    const nda = await admin.post('/api/ra/centres', { raisonSociale: 'NDA court', siret: '73282932000074', nda: '123', commune: communeLyon });
    expect(nda.body.error.field).toBe('nda');
    const noCommune = await admin.post('/api/ra/centres', { raisonSociale: 'Sans commune', siret: '73282932000074' });
    expect(noCommune.body.error).toMatchObject({ field: 'commune', message: expect.stringMatching(/commune/) });
  });

  test('département and région follow the commune, and cannot be typed in', async () => {
    const created = await admin.post('/api/ra/centres', { raisonSociale: 'Centre de Nouméa 2', siret: '73282932000074', commune: communeNoumea });
    expect(created.status).toBe(201);
    const dep988 = await one(`SELECT document_id FROM departements WHERE code = '988'`);
    expect(created.body.departement).toBe(dep988.document_id);
    const moved = await admin.put(`/api/ra/centres/${created.body.id}`, { commune: communeLyon });
    expect(moved.status).toBe(200);
    const [dep69, ara] = [await one(`SELECT document_id FROM departements WHERE code = '69'`), await one(`SELECT document_id FROM regions WHERE code = '84'`)];
    expect(moved.body).toMatchObject({ departement: dep69.document_id, region: ara.document_id });
    const typed = await admin.post('/api/ra/centres', { raisonSociale: 'X', siret: '44306184100047', commune: communeLyon, region: ara.document_id });
    expect(typed.status).toBe(400);
    expect(typed.body.error.field).toBe('region');
    expect((await admin.delete(`/api/ra/centres/${created.body.id}`)).status).toBe(200);
  });

  test('filters by région (DREETS list of a région)', async () => {
    const ara = await one(`SELECT document_id FROM regions WHERE code = '84'`);
    const response = await admin.get(`/api/ra/centres?filter=${encodeURIComponent(JSON.stringify({ region: ara.document_id }))}&range=[0,999]`);
    const sirets = response.body.map((c: { siret: string }) => c.siret);
    expect(sirets).toEqual(expect.arrayContaining([DEMO_SIRETS.lyon, DEMO_SIRETS.villeurbanne]));
    expect(sirets).not.toContain(DEMO_SIRETS.paris);
  });
});

describe('agréments', () => {
  let titre: { document_id: string; code: string; date_fin_validite: string | null; date_fin_prolongation: string | null };
  beforeAll(async () => {
    titre = await one(
      `SELECT document_id, code, to_char(date_fin_validite, 'YYYY-MM-DD') AS date_fin_validite, to_char(date_fin_prolongation, 'YYYY-MM-DD') AS date_fin_prolongation
         FROM titres WHERE date_fin_validite > now() + interval '2 years' ORDER BY code LIMIT 1`,
    );
  });
  const demande = (extra: Record<string, unknown> = {}) => ({ centre: lyon, site: lyonSite, titre: titre.document_id, dateDebut: day(30), dateFin: day(400), ...extra });

  test('the centre requests: statut DEMANDE, request date set by the server, statut not writable', async () => {
    const created = await centreLyon.post('/api/ra/agrements', demande());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ statut: 'DEMANDE', dateDemande: day(0), dateDecision: null });
    const forced = await centreLyon.post('/api/ra/agrements', demande({ statut: 'ACCORDE' }));
    expect(forced.status).toBe(400);
    expect(forced.body.error.field).toBe('statut');
  });

  test("the end cannot pass the title's end of validity plus its prolongation", async () => {
    const limit = titre.date_fin_prolongation ?? null;
    const beyond = limit ?? new Date(new Date(titre.date_fin_validite!).getTime() + 400 * 86_400_000).toISOString().slice(0, 10);
    const after = new Date(new Date(beyond).getTime() + 86_400_000).toISOString().slice(0, 10);
    const response = await centreLyon.post('/api/ra/agrements', demande({ dateFin: after }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'dateFin', message: expect.stringMatching(/dépasse la fin de validité de .* prolongation comprise \(\d{2}\/\d{2}\/\d{4}\)/) });
  });

  test('one of titre or CCS, a site of the centre, an end after the start', async () => {
    const ccs = await one(`SELECT document_id FROM ccss LIMIT 1`);
    expect((await centreLyon.post('/api/ra/agrements', demande({ ccs: ccs.document_id }))).body.error).toMatchObject({ field: 'titre', message: expect.stringMatching(/soit sur un titre, soit sur un CCS/) });
    expect((await centreLyon.post('/api/ra/agrements', demande({ titre: null }))).body.error.field).toBe('titre');
    const villeurbanneSite = await one(`SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret = $1 LIMIT 1`, [DEMO_SIRETS.villeurbanne]);
    const wrongSite = await dreets.post('/api/ra/agrements', demande({ site: villeurbanneSite.document_id }));
    expect(wrongSite.body.error).toMatchObject({ field: 'site', message: "Ce site n'appartient pas au centre choisi." });
    expect((await centreLyon.post('/api/ra/agrements', demande({ dateDebut: day(50), dateFin: day(40) }))).body.error.field).toBe('dateFin');
  });

  test('a CCS agrément requires a granted agrément for its parent title', async () => {
    // a CCS whose title the Villeurbanne centre holds no granted agrément for
    const ccs = await one(
      `SELECT c.document_id, t.document_id AS titre FROM ccss c JOIN ccss_titre_lnk l ON l.ccs_id = c.id JOIN titres t ON t.id = l.titre_id
        WHERE (t.date_fin_validite IS NULL OR t.date_fin_validite > now()) AND (c.date_fin_validite IS NULL OR c.date_fin_validite > now() + interval '1 year')
        ORDER BY c.code LIMIT 1`,
    );
    const villeurbanne = await one(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS.villeurbanne]);
    const site = await one(`SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret = $1 LIMIT 1`, [DEMO_SIRETS.villeurbanne]);
    await sql(
      `UPDATE agrements SET statut = 'RETIRE' WHERE id IN (SELECT a.id FROM agrements a JOIN agrements_centre_lnk ac ON ac.agrement_id = a.id JOIN agrements_titre_lnk at ON at.agrement_id = a.id
        JOIN centres c ON c.id = ac.centre_id JOIN titres t ON t.id = at.titre_id WHERE c.siret = $1 AND t.document_id = $2 AND a.statut = 'ACCORDE')`,
      [DEMO_SIRETS.villeurbanne, ccs.titre],
    );
    const body = { centre: villeurbanne.document_id, site: site.document_id, ccs: ccs.document_id, dateDebut: day(10), dateFin: day(200) };
    const refused = await dreets.post('/api/ra/agrements', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'ccs', message: expect.stringMatching(/agréé pour le titre dont il relève/) });
    // once the title is granted, the CCS may be requested
    const parent = await dreets.post('/api/ra/agrements', { ...body, ccs: undefined, titre: ccs.titre });
    expect(parent.status).toBe(201);
    expect((await dreets.post(`/api/ra/agrements/${parent.body.id}/accorder`)).status).toBe(200);
    expect((await dreets.post('/api/ra/agrements', body)).status).toBe(201);
  });

  test('the DREETS decides, each decision with its own message; a decided agrément is frozen', async () => {
    const created = (await centreLyon.post('/api/ra/agrements', demande())).body;
    // the centre cannot decide for itself
    expect((await centreLyon.post(`/api/ra/agrements/${created.id}/accorder`)).status).toBe(403);
    const refusWithoutMotif = await dreets.post(`/api/ra/agrements/${created.id}/refuser`, {});
    expect(refusWithoutMotif.body.error).toMatchObject({ status: 400, field: 'motif', message: 'Le motif est obligatoire pour refuser une demande.' });
    const granted = await dreets.post(`/api/ra/agrements/${created.id}/accorder`, {});
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: created.id, statut: 'ACCORDE', dateDecision: day(0), message: 'Agrément accordé.' });
    const again = await dreets.post(`/api/ra/agrements/${created.id}/accorder`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("Seule une demande d'agrément peut être accordée : cet agrément est accordé.");
    const edit = await centreLyon.put(`/api/ra/agrements/${created.id}`, { commentaire: 'changement' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.message).toMatch(/Cet agrément est accordé : il ne se modifie plus/);
    const early = await dreets.post(`/api/ra/agrements/${created.id}/expirer`, {});
    expect(early.body.error.message).toMatch(/pas arrivé à échéance/);
    const withdrawn = await dreets.post(`/api/ra/agrements/${created.id}/retirer`, { motif: 'Plateau technique fermé' });
    expect(withdrawn.body).toMatchObject({ statut: 'RETIRE', motifDecision: 'Plateau technique fermé', message: 'Agrément retiré.' });
    // every decision is traced under its action's name
    const traces = await sql(`SELECT action FROM ceres_trace WHERE document_id = $1 ORDER BY id`, [created.id]).catch(() => null);
    if (traces) expect(traces.map((t) => t.action)).toEqual(['create', 'accorder', 'retirer']);
  });

  test('a decision the matrix does not know is refused (403), a wrong motif type is 400', async () => {
    const created = (await centreLyon.post('/api/ra/agrements', demande())).body;
    expect((await dreets.post(`/api/ra/agrements/${created.id}/valider`, {})).status).toBe(403);
    expect((await dreets.post(`/api/ra/agrements/${created.id}/refuser`, { motif: { $ne: 1 } })).body.error.field).toBe('motif');
  });
});

describe('autorisations temporaires and contrôles', () => {
  test('a temporary authorisation is time-boxed (12 months) and needs a reason', async () => {
    const titre = await one(`SELECT document_id FROM titres ORDER BY code LIMIT 1`);
    const base = { centre: lyon, titre: titre.document_id, dateDebut: day(0), motif: 'Renouvellement en cours' };
    const tooLong = await dreets.post('/api/ra/autorisations-temporaires', { ...base, dateFin: day(400) });
    expect(tooLong.body.error).toMatchObject({ field: 'dateFin', message: 'Une autorisation temporaire dure au plus 12 mois.' });
    const noMotif = await dreets.post('/api/ra/autorisations-temporaires', { ...base, motif: '', dateFin: day(30) });
    expect(noMotif.body.error.field).toBe('motif');
    const ok = await dreets.post('/api/ra/autorisations-temporaires', { ...base, dateFin: day(30) });
    expect(ok.status).toBe(201);
    // the centre reads it, and only the DREETS grants one
    expect((await centreLyon.get(`/api/ra/autorisations-temporaires/${ok.body.id}`)).status).toBe(200);
    expect((await centreLyon.post('/api/ra/autorisations-temporaires', { ...base, dateFin: day(30) })).status).toBe(403);
  });

  test("a contrôle of a session must concern the controlled centre's session", async () => {
    const session = await one(`SELECT s.document_id, c.siret FROM sessions s JOIN sessions_centre_lnk l ON l.session_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret <> $1 LIMIT 1`, [DEMO_SIRETS.lyon]);
    const body = { centre: lyon, dateControle: day(5), type: 'INOPINE', statut: 'PROGRAMME' };
    if (session) {
      const wrong = await admin.post('/api/ra/controles', { ...body, session: session.document_id });
      expect([400, 403]).toContain(wrong.status);
    }
    const premature = await dreets.post('/api/ra/controles', { ...body, suite: 'MISE_EN_DEMEURE' });
    expect(premature.body.error.field).toBe('suite');
    expect((await dreets.post('/api/ra/controles', body)).status).toBe(201);
  });
});

describe('demo data', () => {
  test('centres in at least three régions and one in Nouvelle-Calédonie, agréments in every statut', async () => {
    const regions = await sql(`SELECT DISTINCT r.code FROM centres c JOIN centres_region_lnk l ON l.centre_id = c.id JOIN regions r ON r.id = l.region_id WHERE c.siret = ANY($1)`, [Object.values(DEMO_SIRETS)]);
    expect(regions.length).toBeGreaterThanOrEqual(3);
    const nc = await sql(`SELECT 1 FROM centres c JOIN centres_departement_lnk l ON l.centre_id = c.id JOIN departements d ON d.id = l.departement_id WHERE d.code = '988' AND c.siret = $1`, [DEMO_SIRETS.noumea]);
    expect(nc).toHaveLength(1);
    const statuts = (await sql(`SELECT DISTINCT statut FROM agrements`)).map((r) => r.statut).sort();
    expect(statuts).toEqual(['ACCORDE', 'DEMANDE', 'EXPIRE', 'REFUSE', 'RETIRE']);
  });

  test('one demo user per profile, two centre users on different centres', async () => {
    const users = await sql(`SELECT u.username, r.type FROM up_users u JOIN up_users_role_lnk l ON l.user_id = u.id JOIN up_roles r ON r.id = l.role_id WHERE u.email LIKE '%@ceres.demo'`);
    const profiles = new Set(users.map((u) => u.type));
    for (const p of ['admin_national', 'dreets', 'ud', 'centre', 'nouvelle_caledonie', 'afpa', 'lecture']) expect(profiles).toContain(p);
    const centresOf = await sql(`SELECT u.username, c.siret FROM up_users u JOIN up_users_centres_lnk l ON l.user_id = u.id JOIN centres c ON c.id = l.centre_id WHERE u.username IN ('centre.lyon', 'centre.paris')`);
    expect(Object.fromEntries(centresOf.map((r) => [r.username, r.siret]))).toEqual({ 'centre.lyon': DEMO_SIRETS.lyon, 'centre.paris': DEMO_SIRETS.paris });
  });
});
