/**
 * Session documents over HTTP (issue 8): POST /api/ra/sessions/:id/<action> answers a PDF the back-office
 * shows in the browser. Parchemins of a session as one PDF, numbered per région and year, the same numbers on
 * a second edition; convocations, jury list (phone, address), livret; every edition recorded; the matrix and
 * the territory apply; results not validated → 409 with a French message.
 * Fixtures the documents only read are inserted in SQL (as tests/http/sessions.test.ts does).
 */
import { randomBytes } from 'node:crypto';
import { baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { pdfFolder } from '../support/pdf';

jest.setTimeout(90_000);

const documents = pdfFolder('documents-http');
const SUFFIX = String(Date.now()).slice(-5);
const docId = () => randomBytes(12).toString('hex').slice(0, 24);
async function insert(table: string, row: Record<string, unknown>): Promise<{ id: number; documentId: string }> {
  const documentId = docId();
  const data = { document_id: documentId, created_at: new Date(), updated_at: new Date(), published_at: new Date(), ...row };
  const columns = Object.keys(data);
  const values = Object.values(data).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
  const [r] = await sql(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
  return { id: r.id, documentId };
}
const link = (table: string, a: string, aId: number, b: string, bId: number) => sql(`INSERT INTO ${table} (${a}, ${b}) VALUES ($1, $2)`, [aId, bId]);

const fx = {} as { titre: { id: number; documentId: string }; session: { id: number; documentId: string }; candidats: number[]; inscriptions: string[]; jures: number[] };

async function download(user: string, action: string, body: Record<string, unknown> = {}, target?: string) {
  const response = await fetch(`${baseUrl()}/api/ra/${target ?? `sessions/${fx.session.documentId}`}/${action}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await login(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return documents.save(response, action);
}

beforeAll(async () => {
  fx.titre = await insert('titres', { code: `TP-8${SUFFIX.slice(1)}`, version: 2026, intitule: `Agent d'accueil et d'information ${SUFFIX}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF', niveau: 3, code_rncp: 'RNCP35510', code_nsf: '334t' });
  const ccps = [];
  for (const rang of [1, 2]) {
    const ccp = await insert('ccps', { code: `TDOC${SUFFIX}-${rang}`, intitule: `Accueillir et orienter le public (bloc ${rang})`, rang });
    await link('ccps_titres_lnk', 'ccp_id', ccp.id, 'titre_id', fx.titre.id);
    ccps.push(ccp);
  }
  const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
  const [dep69] = await sql(`SELECT id FROM departements WHERE code = '69'`);
  fx.session = await insert('sessions', { numero: `DOC-${SUFFIX}`, type: 'TITRE', statut: 'RESULTATS_VALIDES', date_debut: '2026-03-12', date_fin: '2026-03-14', lieu: 'Plateau technique de Gerland', responsable_session: 'Mme Responsable' });
  await link('sessions_centre_lnk', 'session_id', fx.session.id, 'centre_id', lyon.id);
  await link('sessions_titre_lnk', 'session_id', fx.session.id, 'titre_id', fx.titre.id);
  await link('sessions_departement_lnk', 'session_id', fx.session.id, 'departement_id', dep69.id);
  for (const ccp of ccps) await link('sessions_ccps_lnk', 'session_id', fx.session.id, 'ccp_id', ccp.id);
  const [urss] = await sql(`SELECT id FROM pays WHERE nom ILIKE 'U.R.S.S%' OR libelle_cog ILIKE 'URSS%' ORDER BY id LIMIT 1`);
  const people = [
    { nom_naissance: `N'Guessan-Lefèvre${SUFFIX}`, prenoms: ['Zoé', 'Marie-Hélène'], sexe: 'F', date_naissance: '1990-01-01', commune_naissance_libelle: "L'Haÿ-les-Roses", commune_naissance_departement: 'Val-de-Marne', decision: 'TITRE_OBTENU', resultats: { [`TDOC${SUFFIX}-1`]: 'ACQUIS', [`TDOC${SUFFIX}-2`]: 'ACQUIS' } },
    { nom_naissance: `Ivanova${SUFFIX}`, prenoms: ['Ludmila'], sexe: 'F', date_naissance: '1979-03-08', pays: urss?.id, decision: 'TITRE_OBTENU', resultats: { [`TDOC${SUFFIX}-1`]: 'ACQUIS', [`TDOC${SUFFIX}-2`]: 'ACQUIS' } },
    { nom_naissance: `Œuvray-Dupont${SUFFIX}`, prenoms: ['Jean-Noël'], sexe: 'M', date_naissance: '1985-12-31', commune_naissance_libelle: 'Saint-Étienne-du-Rouvray', commune_naissance_departement: 'Seine-Maritime', decision: 'REUSSITE_PARTIELLE', resultats: { [`TDOC${SUFFIX}-1`]: 'ACQUIS', [`TDOC${SUFFIX}-2`]: 'NON_ACQUIS' } },
  ];
  fx.candidats = [];
  fx.inscriptions = [];
  for (const p of people) {
    const { decision, resultats, pays, ...columns } = p;
    const candidat = await insert('candidats', columns);
    if (pays) await link('candidats_pays_naissance_lnk', 'candidat_id', candidat.id, 'pays_id', pays);
    fx.candidats.push(candidat.id);
    const inscription = await insert('inscriptions', { statut: 'INSCRIT', voie_acces: 'FORMATION_CONTINUE', presence: 'PRESENT', decision, resultats_ccp: resultats, entretien_final: true });
    fx.inscriptions.push(inscription.documentId);
    await link('inscriptions_candidat_lnk', 'inscription_id', inscription.id, 'candidat_id', candidat.id);
    await link('inscriptions_session_lnk', 'inscription_id', inscription.id, 'session_id', fx.session.id);
  }
  fx.jures = [];
  for (const [nom, telephone, adresse] of [
    [`D'Artagnan-Œillet${SUFFIX}`, '06 98 76 54 32', '5, impasse des Tilleuls'],
    [`Müller${SUFFIX}`, '+33 6 11 22 33 44', 'Le Clos-Fleuri'],
  ]) {
    const jure = await insert('jures', { civilite: 'MME', nom, prenom: 'Anne-Sophie', metier: 'Conseillère d’accueil', telephone, adresse, code_postal: '69003', retraite: false });
    const membre = await insert('membres_jury', { present: true, habilite: true });
    await link('membres_jury_session_lnk', 'membre_jury_id', membre.id, 'session_id', fx.session.id);
    await link('membres_jury_jure_lnk', 'membre_jury_id', membre.id, 'jure_id', jure.id);
    fx.jures.push(jure.id);
  }
}, 60_000);

afterAll(async () => {
  documents.clean();
  if (!fx.session) return;
  await sql(`DELETE FROM membres_jury WHERE id IN (SELECT membre_jury_id FROM membres_jury_session_lnk WHERE session_id = $1)`, [fx.session.id]);
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT inscription_id FROM inscriptions_session_lnk WHERE session_id = $1)`, [fx.session.id]);
  await sql(`DELETE FROM sessions WHERE id = $1`, [fx.session.id]);
  await sql(`DELETE FROM candidats WHERE id = ANY($1)`, [fx.candidats]);
  await sql(`DELETE FROM jures WHERE id = ANY($1)`, [fx.jures]);
});

describe('parchemins of a session', () => {
  let numbers: string[] = [];

  test('the UD gets all parchemins of the session as one PDF, shown in the browser', async () => {
    const r = await download('ud.rhone', 'delivrerParchemins');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^inline; filename="parchemins-DOC-\d+\.pdf"/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.pages()).toBe(2);
    const text = r.text();
    expect(text).toContain(`N'Guessan-Lefèvre${SUFFIX}`);
    expect(text).toContain("L'Haÿ-les-Roses (Val-de-Marne)");
    expect(text).toContain(`Agent d'accueil et d'information ${SUFFIX}`);
    expect(text).toContain('Pour le préfet de la région Auvergne-Rhône-Alpes');
    numbers = [...text.matchAll(/N° (84-\d{4}-TP-\d{6})/g)].map((m) => m[1]);
    expect(new Set(numbers).size).toBe(2);
    const rows = await sql(`SELECT numero, reedition, user_label, content_hash FROM documents_editions WHERE numero = ANY($1) ORDER BY id`, [numbers]);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.reedition === false && row.user_label === 'ud.rhone (UD)' && /^[0-9a-f]{64}$/.test(row.content_hash))).toBe(true);
  });

  test('a second edition prints the same numbers and is recorded as a reissue', async () => {
    const r = await download('ud.rhone', 'delivrerParchemins');
    expect(r.status).toBe(200);
    expect([...r.text().matchAll(/N° (84-\d{4}-TP-\d{6})/g)].map((m) => m[1])).toEqual(numbers);
    const rows = await sql(`SELECT reedition FROM documents_editions WHERE numero = ANY($1) ORDER BY id`, [numbers]);
    expect(rows.map((row) => row.reedition)).toEqual([false, false, true, true]);
  });

  test('livret of certification for the partial success, ODT on request', async () => {
    const pdf = await download('ud.rhone', 'delivrerLivrets');
    expect(pdf.status).toBe(200);
    expect(pdf.pages()).toBe(1);
    expect(pdf.text()).toContain(`TDOC${SUFFIX}-1`);
    expect(pdf.text()).not.toContain(`TDOC${SUFFIX}-2`);
    const odt = await download('ud.rhone', 'delivrerLivrets', { format: 'odt' });
    expect(odt.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
  });

  test('a centre cannot deliver parchemins; another département does not see the session', async () => {
    expect((await download('centre.lyon', 'delivrerParchemins')).status).toBe(403);
    expect((await download('ud.paris', 'delivrerParchemins')).status).toBe(404);
  });

  test('results not validated: 409 with a French message, nothing recorded', async () => {
    const before = Number((await sql(`SELECT count(*)::int AS n FROM documents_editions`))[0].n);
    await sql(`UPDATE sessions SET statut = 'RESULTATS_TRANSMIS' WHERE id = $1`, [fx.session.id]);
    try {
      const r = await download('ud.rhone', 'delivrerParchemins');
      expect(r.status).toBe(409);
      expect(r.json().error.message).toMatch(/résultats ne sont pas validés/);
    } finally {
      await sql(`UPDATE sessions SET statut = 'RESULTATS_VALIDES' WHERE id = $1`, [fx.session.id]);
    }
    expect(Number((await sql(`SELECT count(*)::int AS n FROM documents_editions`))[0].n)).toBe(before);
  });
});

describe("the centre's documents", () => {
  test('convocations of the registered candidates, one PDF', async () => {
    const r = await download('centre.lyon', 'editerConvocations', { heure: '08:15' });
    expect(r.status).toBe(200);
    expect(r.pages()).toBe(3);
    const text = r.text();
    expect(text).toContain(`DOC-${SUFFIX}`);
    expect(text).toContain('le 12/03/2026 à 08 h 15');
    // the address block is narrow: compare without line breaks
    expect(text.replace(/\s+/g, '')).toContain(`Jean-NoëlŒuvray-Dupont${SUFFIX}`);
  });

  test('jury list with phone and address', async () => {
    const r = await download('centre.lyon', 'editerListeJurys');
    expect(r.status).toBe(200);
    const text = r.text();
    expect(text).toContain('06 98 76 54 32');
    expect(text).toContain('+33 6 11 22 33 44');
    expect(text).toContain('5, impasse des Tilleuls, 69003');
  });

  test('émargement and procès-verbal prefilled', async () => {
    const sheet = await download('centre.lyon', 'editerEmargement');
    expect(sheet.status).toBe(200);
    expect(sheet.text()).toContain(`Ivanova${SUFFIX}`);
    const pv = await download('centre.lyon', 'editerProcesVerbal');
    expect(pv.status).toBe(200);
    expect(pv.text()).toContain('Réussite partielle');
    expect(pv.text()).toContain(`D'Artagnan-Œillet${SUFFIX}`);
  });
});

describe("one candidate's documents", () => {
  test('reissue after a change of civil status: new name, original number and date, reason recorded', async () => {
    const ivanova = `inscriptions/${fx.inscriptions[1]}`;
    const [original] = await sql(`SELECT numero, to_char(date_delivrance, 'YYYY-MM-DD') AS date FROM documents_delivrances WHERE objet = $1`, [`inscription:${fx.inscriptions[1]}`]);
    expect(original.numero).toMatch(/^84-\d{4}-TP-\d{6}$/);
    expect((await download('ud.rhone', 'reediterParchemin', {}, ivanova)).status).toBe(422);
    expect((await download('centre.lyon', 'reediterParchemin', { motif: 'x' }, ivanova)).status).toBe(403);
    await sql(`UPDATE candidats SET nom_usage = $2 WHERE id = $1`, [fx.candidats[1], `Durand${SUFFIX}`]);
    const r = await download('ud.rhone', 'reediterParchemin', { motif: 'Changement de nom (état civil)' }, ivanova);
    expect(r.status).toBe(200);
    const text = r.text().replace(/\s+/g, ' ');
    expect(text).toContain(`nom d’usage Durand${SUFFIX}`);
    expect(text).toContain(`N° ${original.numero}`);
    expect(text).toContain('Réédition du');
    const [last] = await sql(`SELECT reedition, motif FROM documents_editions WHERE numero = $1 ORDER BY id DESC LIMIT 1`, [original.numero]);
    expect(last).toEqual({ reedition: true, motif: 'Changement de nom (état civil)' });
    const [after] = await sql(`SELECT to_char(date_delivrance, 'YYYY-MM-DD') AS date FROM documents_delivrances WHERE numero = $1`, [original.numero]);
    expect(after.date).toBe(original.date);
  });

  test("one candidate's convocation; nothing to reissue before a first issue", async () => {
    const r = await download('centre.lyon', 'editerConvocation', {}, `inscriptions/${fx.inscriptions[0]}`);
    expect(r.status).toBe(200);
    expect(r.pages()).toBe(1);
    const none = await download('ud.rhone', 'reediterParchemin', { motif: 'Perte' }, `inscriptions/${fx.inscriptions[2]}`);
    expect(none.status).toBe(409);
    expect(none.json().error.message).toMatch(/Aucun parchemin/);
  });
});
