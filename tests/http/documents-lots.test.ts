/**
 * Batches by région and period (issue 8): a State agent launches a lot (POST /api/ra/lots-edition), the
 * server prints it in the background (progress fait/total in the row), the back-office polls it, then
 * downloads ONE PDF (telecharger). Only validated results in the period and the région; numbers fixed, a
 * second lot reissues with the same numbers; every edition recorded; territory and bad input refused in French.
 * Fixtures inserted in SQL, on the demo centres (Lyon: région 84, Paris: région 11).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { api, baseUrl, login } from '../support/http';
import { runState } from '../support/run-state';
import { sql } from '../support/db';
import { pdfFolder } from '../support/pdf';

jest.setTimeout(180_000);

const documents = pdfFolder('lots');
const SUFFIX = String(Date.now()).slice(-5);
// a period no other suite uses: only this file's sessions fall in it
const DU = '2019-02-01';
const AU = '2019-02-28';
async function insert(table: string, row: Record<string, unknown>): Promise<{ id: number; documentId: string }> {
  const documentId = 'l' + randomBytes(12).toString('hex').slice(0, 23);
  const data = { document_id: documentId, created_at: new Date(), updated_at: new Date(), published_at: new Date(), ...row };
  const columns = Object.keys(data);
  const values = Object.values(data).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
  const [r] = await sql(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
  return { id: r.id, documentId };
}
const link = (table: string, a: string, aId: number, b: string, bId: number) => sql(`INSERT INTO ${table} (${a}, ${b}) VALUES ($1, $2)`, [aId, bId]);

const fx = { sessions: [] as number[], candidats: [] as number[], titre: 0, ccps: [] as number[] };

async function session(siret: string, numero: string, validation: string, people: { nom: string; decision: string; resultats?: Record<string, string> }[]) {
  const [centre] = await sql(`SELECT id FROM centres WHERE siret = $1`, [siret]);
  const s = await insert('sessions', { numero, type: 'TITRE', statut: 'RESULTATS_VALIDES', date_debut: '2019-01-14', date_fin: '2019-01-16', date_validation_resultats: validation });
  fx.sessions.push(s.id);
  await link('sessions_centre_lnk', 'session_id', s.id, 'centre_id', centre.id);
  await link('sessions_titre_lnk', 'session_id', s.id, 'titre_id', fx.titre);
  for (const ccp of fx.ccps) await link('sessions_ccps_lnk', 'session_id', s.id, 'ccp_id', ccp);
  for (const p of people) {
    const candidat = await insert('candidats', { nom_naissance: p.nom, prenoms: ['Élise'], sexe: 'F', date_naissance: '1991-05-17', commune_naissance_libelle: 'Saint-Genis-Laval', commune_naissance_departement: 'Rhône' });
    fx.candidats.push(candidat.id);
    const inscription = await insert('inscriptions', { statut: 'INSCRIT', voie_acces: 'FORMATION_CONTINUE', presence: 'PRESENT', decision: p.decision, resultats_ccp: p.resultats ?? {}, entretien_final: true });
    await link('inscriptions_candidat_lnk', 'inscription_id', inscription.id, 'candidat_id', candidat.id);
    await link('inscriptions_session_lnk', 'inscription_id', inscription.id, 'session_id', s.id);
  }
}

async function waitDone(token: string, id: string) {
  const deadline = Date.now() + 150_000;
  const seen: number[] = [];
  for (;;) {
    const r = await api(token).get(`/api/ra/lots-edition/${id}`);
    expect(r.status).toBe(200);
    seen.push(r.body.fait);
    if (r.body.statut === 'TERMINE' || r.body.statut === 'ECHEC') return { lot: r.body, seen };
    if (Date.now() > deadline) throw new Error(`lot toujours ${r.body.statut} : ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function download(user: string, id: string) {
  const response = await fetch(`${baseUrl()}/api/ra/lots-edition/${id}/telecharger`, { method: 'POST', headers: { Authorization: `Bearer ${await login(user)}`, 'Content-Type': 'application/json' }, body: '{}' });
  return documents.save(response, 'lot');
}

beforeAll(async () => {
  fx.titre = (await insert('titres', { code: `TP-6${SUFFIX.slice(1)}`, version: 2019, intitule: `Titre des lots ${SUFFIX}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF', niveau: 4, code_rncp: 'RNCP00001' })).id;
  for (const rang of [1, 2]) {
    const ccp = await insert('ccps', { code: `LOT${SUFFIX}-${rang}`, intitule: `Bloc de compétences ${rang}`, rang });
    await link('ccps_titres_lnk', 'ccp_id', ccp.id, 'titre_id', fx.titre);
    fx.ccps.push(ccp.id);
  }
  const acquis = { [`LOT${SUFFIX}-1`]: 'ACQUIS', [`LOT${SUFFIX}-2`]: 'ACQUIS' };
  await session('91234567500017', `LOTA-${SUFFIX}`, '2019-02-05', [
    { nom: `Laureate-Une${SUFFIX}`, decision: 'TITRE_OBTENU', resultats: acquis },
    { nom: `Laureate-Deux${SUFFIX}`, decision: 'TITRE_OBTENU', resultats: acquis },
    { nom: `Partielle${SUFFIX}`, decision: 'REUSSITE_PARTIELLE', resultats: { [`LOT${SUFFIX}-1`]: 'ACQUIS', [`LOT${SUFFIX}-2`]: 'NON_ACQUIS' } },
    { nom: `Echec${SUFFIX}`, decision: 'ECHEC' },
  ]);
  await session('91234567500017', `LOTB-${SUFFIX}`, '2019-02-27', [{ nom: `Laureate-Trois${SUFFIX}`, decision: 'TITRE_OBTENU', resultats: acquis }]);
  // validated after the period; and a session of another région in the period
  await session('91234567500017', `LOTC-${SUFFIX}`, '2019-03-01', [{ nom: `HorsPeriode${SUFFIX}`, decision: 'TITRE_OBTENU', resultats: acquis }]);
  const [paris] = await sql(`SELECT c.siret FROM centres c JOIN up_users_centres_lnk l ON l.centre_id = c.id JOIN up_users u ON u.id = l.user_id WHERE u.username = 'centre.paris'`);
  await session(paris.siret, `LOTD-${SUFFIX}`, '2019-02-10', [{ nom: `Francilienne${SUFFIX}`, decision: 'TITRE_OBTENU', resultats: acquis }]);
}, 60_000);

afterAll(async () => {
  documents.clean();
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT inscription_id FROM inscriptions_session_lnk WHERE session_id = ANY($1))`, [fx.sessions]);
  await sql(`DELETE FROM sessions WHERE id = ANY($1)`, [fx.sessions]);
  await sql(`DELETE FROM candidats WHERE id = ANY($1)`, [fx.candidats]);
});

let firstNumbers: string[] = [];

test('the DREETS launches a lot for its région and period, follows its progress, downloads ONE PDF', async () => {
  const token = await login('dreets.ara');
  const created = await api(token).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU, documents: ['parchemin', 'livret'] });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ region: '84', regionLibelle: 'Auvergne-Rhône-Alpes', du: DU, au: AU, demandeur: 'dreets.ara (DREETS)', documents: ['parchemin', 'livret'] });
  expect(created.body.fichier).toBeUndefined();
  const { lot, seen } = await waitDone(token, created.body.id);
  expect(lot).toMatchObject({ statut: 'TERMINE', total: 4, fait: 4, nbSessions: 2, pages: 4, erreurs: [] });
  // progress only grows
  expect(seen).toEqual([...seen].sort((a, b) => a - b));

  const pdf = await download('dreets.ara', created.body.id);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="lot-84-2019-02-01-2019-02-28\.pdf"/);
  expect(pdf.pages()).toBe(4);
  const text = pdf.text();
  for (const nom of [`Laureate-Une${SUFFIX}`, `Laureate-Deux${SUFFIX}`, `Laureate-Trois${SUFFIX}`, `Partielle${SUFFIX}`]) expect(text).toContain(nom);
  // only validated results of the period and of the région, and only the laureates (livret: the partial success)
  for (const nom of [`Echec${SUFFIX}`, `HorsPeriode${SUFFIX}`, `Francilienne${SUFFIX}`]) expect(text).not.toContain(nom);
  firstNumbers = [...text.matchAll(/N° (84-\d{4}-TP-\d{6})/g)].map((m) => m[1]);
  expect(new Set(firstNumbers).size).toBe(3);

  // every edition recorded, by whom it was asked
  const editions = await sql(
    `SELECT e.template_id, e.reedition, e.user_label, e.motif FROM documents_editions e
      WHERE e.objet IN (SELECT 'inscription:' || i.document_id FROM inscriptions i JOIN inscriptions_session_lnk l ON l.inscription_id = i.id WHERE l.session_id = ANY($1)) ORDER BY e.id`,
    [fx.sessions],
  );
  expect(editions).toHaveLength(4);
  expect(editions.every((e) => e.user_label === 'dreets.ara (DREETS)' && e.reedition === false)).toBe(true);
  expect(editions.map((e) => e.template_id).sort()).toEqual(['livret', 'parchemin', 'parchemin', 'parchemin']);
});

test('a second lot of the same period reissues: same numbers and dates, recorded as reissues', async () => {
  const token = await login('admin.national');
  const created = await api(token).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU, documents: ['parchemin'] });
  expect(created.status).toBe(201);
  const { lot } = await waitDone(token, created.body.id);
  expect(lot).toMatchObject({ statut: 'TERMINE', total: 3, fait: 3, pages: 3 });
  const text = (await download('admin.national', created.body.id)).text();
  expect([...text.matchAll(/N° (84-\d{4}-TP-\d{6})/g)].map((m) => m[1]).sort()).toEqual([...firstNumbers].sort());
  const reissues = await sql(`SELECT reedition, motif FROM documents_editions WHERE numero = ANY($1) ORDER BY id`, [firstNumbers]);
  expect(reissues.map((r) => r.reedition)).toEqual([false, false, false, true, true, true]);
  expect(reissues.at(-1).motif).toBe(`Lot d'édition ${created.body.id}`);
});

test('territory: a DREETS of another région can neither launch, see nor download a lot of this région', async () => {
  const ara = await login('dreets.ara');
  const idf = await login('dreets.idf');
  const mine = (await api(ara).get('/api/ra/lots-edition?sort=["createdAt","DESC"]&range=[0,0]')).body[0];
  const refused = await api(idf).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/périmètre/);
  expect((await api(idf).get(`/api/ra/lots-edition/${mine.id}`)).status).toBe(404);
  expect((await download('dreets.idf', mine.id)).status).toBe(404);
  const idfList = await api(idf).get('/api/ra/lots-edition');
  expect(idfList.body.every((l: { region: string }) => l.region === '11')).toBe(true);
  // the UD and the centres do not launch lots
  expect((await api(await login('ud.rhone')).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU })).status).toBe(403);
  expect((await api(await login('centre.lyon')).get('/api/ra/lots-edition')).status).toBe(403);
});

test('bad input: inverted period, unknown région, unknown document kind, server fields → 400 in French', async () => {
  const token = await login('dreets.ara');
  const before = (await sql(`SELECT count(*)::int AS n FROM documents_lots`))[0].n;
  const inverted = await api(token).post('/api/ra/lots-edition', { region: '84', du: AU, au: DU });
  expect(inverted.status).toBe(400);
  expect(inverted.body.error).toMatchObject({ field: 'au', message: expect.stringMatching(/^Période inversée : la fin de période \(01\/02\/2019\) précède son début \(28\/02\/2019\)\.$/) });
  const unknown = await api(await login('admin.national')).post('/api/ra/lots-edition', { region: 'ZZ', du: DU, au: AU });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error).toMatchObject({ field: 'region', message: expect.stringMatching(/^Région inconnue « ZZ »/) });
  const kind = await api(token).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU, documents: ['diplome'] });
  expect(kind.status).toBe(400);
  expect(kind.body.error.field).toBe('documents');
  const impossible = await api(token).post('/api/ra/lots-edition', { region: '84', du: '2019-02-30', au: AU });
  expect(impossible.status).toBe(400);
  expect(impossible.body.error.field).toBe('du');
  const forged = await api(token).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU, statut: 'TERMINE' });
  expect(forged.status).toBe(400);
  expect((await sql(`SELECT count(*)::int AS n FROM documents_lots`))[0].n).toBe(before);
});

test('a lot with nothing to print ends with a French message and nothing to download', async () => {
  const token = await login('dreets.ara');
  const created = await api(token).post('/api/ra/lots-edition', { region: '84', du: '2018-01-01', au: '2018-01-02' });
  expect(created.status).toBe(201);
  const { lot } = await waitDone(token, created.body.id);
  expect(lot).toMatchObject({ statut: 'TERMINE', total: 0, fait: 0 });
  expect(lot.message).toMatch(/^Aucun document à éditer/);
  const none = await download('dreets.ara', created.body.id);
  expect(none.status).toBe(409);
  expect(none.json().error.message).toMatch(/aucun document/);
});

describe('the edition log (editions): who, when, which document, content hash — on each territory', () => {
  const list = async (user: string, filter: Record<string, unknown>) => api(await login(user)).get(`/api/ra/editions?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`);

  test('the editions of a session, with the document, its number, who printed it and the hash; filters by type, candidat, dates', async () => {
    const [s] = await sql(`SELECT document_id FROM sessions WHERE id = $1`, [fx.sessions[0]]);
    const all = await list('ud.rhone', { session: s.document_id });
    expect(all.status).toBe(200);
    // lot 1: two parchemins and a livret; lot 2: the two parchemins again (reissues)
    expect(all.body).toHaveLength(5);
    expect(all.body[0]).toMatchObject({ sessionNumero: `LOTA-${SUFFIX}`, userLabel: expect.stringMatching(/\((DREETS|ADMIN_NATIONAL)\)$/), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const livrets = await list('ud.rhone', { session: s.document_id, templateId: 'livret' });
    expect(livrets.body).toHaveLength(1);
    expect(livrets.body[0]).toMatchObject({ document: 'Livret de certification', numero: null, reedition: false, candidatNom: `Partielle${SUFFIX} Élise` });
    const byCandidat = await list('ud.rhone', { candidat: livrets.body[0].candidat });
    expect(byCandidat.body.map((e: { templateId: string }) => e.templateId)).toEqual(['livret']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list('ud.rhone', { session: s.document_id, createdAt_gte: today })).body).toHaveLength(5);
    expect((await list('ud.rhone', { session: s.document_id, createdAt_lte: '2020-01-01' })).body).toHaveLength(0);
    const one = await api(await login('ud.rhone')).get(`/api/ra/editions/${livrets.body[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(livrets.body[0].id);
  });

  test('scope: the centre sees its sessions’ editions, another centre, UD or DREETS does not', async () => {
    const [s] = await sql(`SELECT document_id FROM sessions WHERE id = $1`, [fx.sessions[0]]);
    for (const user of ['centre.lyon', 'dreets.ara', 'admin.national']) expect((await list(user, { session: s.document_id })).body).toHaveLength(5);
    for (const user of ['centre.paris', 'ud.paris', 'dreets.idf', 'nc.dfpc']) expect((await list(user, { session: s.document_id })).body).toHaveLength(0);
    const mine = (await list('centre.lyon', { session: s.document_id })).body[0];
    expect((await api(await login('centre.paris')).get(`/api/ra/editions/${mine.id}`)).status).toBe(404);
    expect((await api(await login('afpa.dte')).get('/api/ra/editions')).status).toBe(403);
  });

  test('bad filters are refused in French', async () => {
    const unknown = await list('ud.rhone', { auteur: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ field: 'filter.auteur', message: expect.stringMatching(/n'est pas autorisé/) });
    const type = await list('ud.rhone', { templateId: 'diplome' });
    expect(type.status).toBe(400);
    expect(type.body.error.message).toMatch(/Type de document inconnu/);
    expect((await list('ud.rhone', { createdAt_gte: 'hier' })).status).toBe(400);
    expect((await api(await login('ud.rhone')).post('/api/ra/editions', {})).status).toBe(403);
  });
});

/** the LibreOffice processes of the test server (children of its Node process) */
function sofficeOfServer(): number[] {
  const parent = runState().serverPid;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'));
        return match?.[1] === 'soffice.bin' && Number(match[2]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

test('LibreOffice killed while a lot is printing: the lot is retried and completes, every document in the PDF', async () => {
  const token = await login('dreets.ara');
  const created = await api(token).post('/api/ra/lots-edition', { region: '84', du: DU, au: AU, documents: ['parchemin', 'livret'] });
  expect(created.status).toBe(201);
  let killed = 0;
  const deadline = Date.now() + 60_000;
  // kill the pool's processes as soon as the lot prints (before its last document)
  while (!killed && Date.now() < deadline) {
    const [row] = await sql(`SELECT statut, fait, total FROM documents_lots WHERE document_id = $1`, [created.body.id]);
    if (row.statut !== 'EN_ATTENTE' && row.statut !== 'EN_COURS') break;
    if (row.statut === 'EN_COURS' && row.total > 0 && row.fait < row.total) {
      for (const pid of sofficeOfServer()) {
        try {
          process.kill(pid, 'SIGKILL');
          killed++;
        } catch {
          /* already gone */
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(killed).toBeGreaterThan(0);
  const { lot } = await waitDone(token, created.body.id);
  expect(lot).toMatchObject({ statut: 'TERMINE', total: 4, fait: 4, pages: 4, erreurs: [] });
  expect((await download('dreets.ara', created.body.id)).pages()).toBe(4);
});
