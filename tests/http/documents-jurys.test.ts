/**
 * The centre's printable list of habilitated jurors (issue 6): POST /api/ra/centres/:id/imprimerListeJurys
 * answers a PDF of the rows the habilitations list selects with the same filters, with phone and postal
 * address; a centre gets only the jurors it may see (never another centre's), the edition is recorded,
 * bad filters are refused in French. Fixtures inserted in SQL (as tests/http/documents.test.ts does).
 */
import { randomBytes } from 'node:crypto';
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { pdfFolder } from '../support/pdf';

jest.setTimeout(90_000);

const documents = pdfFolder('liste-jurys');
const SUFFIX = String(Date.now()).slice(-5);
async function insert(table: string, row: Record<string, unknown>): Promise<{ id: number; documentId: string }> {
  const documentId = 'j' + randomBytes(12).toString('hex').slice(0, 23);
  const data = { document_id: documentId, created_at: new Date(), updated_at: new Date(), published_at: new Date(), ...row };
  const columns = Object.keys(data);
  const [r] = await sql(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, Object.values(data));
  return { id: r.id, documentId };
}
const nows = (value: string) => value.replace(/\s+/g, '');
const link = (table: string, a: string, aId: number, b: string, bId: number) => sql(`INSERT INTO ${table} (${a}, ${b}) VALUES ($1, $2)`, [aId, bId]);

const fx = { titres: [] as { id: number; documentId: string }[], agrements: [] as number[], jures: [] as number[], habilitations: [] as number[] } as {
  titres: { id: number; documentId: string }[];
  agrements: number[];
  jures: number[];
  habilitations: number[];
  lyon: { id: number; documentId: string };
  paris: { id: number; documentId: string };
  dep69: { id: number; documentId: string };
};

async function print(user: string, centre: string, body: Record<string, unknown>) {
  const response = await fetch(`${baseUrl()}/api/ra/centres/${centre}/imprimerListeJurys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await login(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await documents.save(response, 'liste');
  // table cells wrap (hyphenated names, periods): compared without any white space
  return { ...answer, text: () => answer.text().replace(/\s+/g, '') };
}

beforeAll(async () => {
  [fx.lyon] = await sql(`SELECT id, document_id AS "documentId" FROM centres WHERE siret = '91234567500017'`);
  [fx.paris] = await sql(`SELECT c.id, c.document_id AS "documentId" FROM centres c JOIN up_users_centres_lnk l ON l.centre_id = c.id JOIN up_users u ON u.id = l.user_id WHERE u.username = 'centre.paris'`);
  [fx.dep69] = await sql(`SELECT id, document_id AS "documentId" FROM departements WHERE code = '69'`);
  // one title per centre: the Lyon centre holds an agrément on the first only, the Paris centre on the second only
  for (const [rang, centre] of [[1, fx.lyon], [2, fx.paris]] as const) {
    const titre = await insert('titres', { code: `TP-7${rang}${SUFFIX.slice(2)}`, version: 2026, intitule: `Titre liste jurys ${rang} ${SUFFIX}`, type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF', niveau: 4 });
    fx.titres.push(titre);
    const agrement = await insert('agrements', { statut: 'ACCORDE', date_debut: '2024-01-01', date_fin: '2030-12-31' });
    await link('agrements_titre_lnk', 'agrement_id', agrement.id, 'titre_id', titre.id);
    await link('agrements_centre_lnk', 'agrement_id', agrement.id, 'centre_id', centre.id);
    fx.agrements.push(agrement.id);
  }
  const people: [string, string, string, string, number, string, string, string][] = [
    // nom, téléphone, adresse, code postal, titre, statut, début, fin
    [`Lyonnaise-D'Août${SUFFIX}`, '04 72 98 76 54', '7, rue de l’Épée', '69003', 0, 'ACTIVE', '2025-01-01', '2029-12-31'],
    [`Tardif${SUFFIX}`, '04 78 11 11 11', '2 place Bellecour', '69002', 0, 'ACTIVE', '2027-01-01', '2029-12-31'],
    [`Suspendu${SUFFIX}`, '04 78 22 22 22', '9 rue Mercière', '69002', 0, 'SUSPENDUE', '2025-01-01', '2029-12-31'],
    [`Parisien${SUFFIX}`, '01 40 00 00 99', '1 rue de Rivoli', '75001', 1, 'ACTIVE', '2025-01-01', '2029-12-31'],
  ];
  for (const [nom, telephone, adresse, codePostal, titre, statut, debut, fin] of people) {
    const jure = await insert('jures', { civilite: 'MME', nom, prenom: 'Claire', metier: 'Électricienne', employeur: 'Rhône Énergie', telephone, adresse, code_postal: codePostal, retraite: false });
    fx.jures.push(jure.id);
    const habilitation = await insert('habilitations', { statut, date_debut: debut, date_fin: fin });
    fx.habilitations.push(habilitation.id);
    await link('habilitations_jure_lnk', 'habilitation_id', habilitation.id, 'jure_id', jure.id);
    await link('habilitations_titre_lnk', 'habilitation_id', habilitation.id, 'titre_id', fx.titres[titre].id);
    await link('habilitations_departement_lnk', 'habilitation_id', habilitation.id, 'departement_id', fx.dep69.id);
  }
}, 60_000);

afterAll(async () => {
  documents.clean();
  await sql(`DELETE FROM habilitations WHERE id = ANY($1)`, [fx.habilitations]);
  await sql(`DELETE FROM jures WHERE id = ANY($1)`, [fx.jures]);
  await sql(`DELETE FROM agrements WHERE id = ANY($1)`, [fx.agrements]);
  await sql(`DELETE FROM titres WHERE id = ANY($1::int[])`, [fx.titres.map((t) => t.id)]);
});

test('the centre prints the jurors of the filtered list, with phone and postal address, as a PDF', async () => {
  const r = await print('centre.lyon', fx.lyon.documentId, { filter: { titre: fx.titres[0].documentId } });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/pdf');
  expect(r.headers.get('content-disposition')).toMatch(/^inline; filename="jures-habilites-\d{4}-\d{2}-\d{2}\.pdf"/);
  const text = r.text();
  expect(text).toContain(nows('LISTE DES JURÉS HABILITÉS'));
  expect(text).toContain(nows(`titre ou CCS : TP-71${SUFFIX.slice(2)} Titre liste jurys 1 ${SUFFIX}`));
  expect(text).toContain(nows(`Lyonnaise-D'Août${SUFFIX}`));
  expect(text).toContain(nows('04 72 98 76 54'));
  expect(text).toContain(nows('7, rue de l’Épée, 69003'));
  expect(text).toContain(nows('du 01/01/2025 au 31/12/2029'));
  expect(text).toContain(nows(`Tardif${SUFFIX}`));
  // a suspended habilitation is not the centre's to see; another centre's title even less
  expect(text).not.toContain(nows(`Suspendu${SUFFIX}`));
  expect(text).not.toContain(nows(`Parisien${SUFFIX}`));
  expect(text).not.toContain(nows('01 40 00 00 99'));
});

test('"active between two dates" selects what the list shows; the edition is recorded', async () => {
  const before = await sql(`SELECT count(*)::int AS n FROM documents_editions WHERE objet = $1`, [`centre:${fx.lyon.documentId}`]);
  const r = await print('centre.lyon', fx.lyon.documentId, { filter: { titre: fx.titres[0].documentId, dateDebut_lte: '2026-03-01', dateFin_gte: '2026-06-30', departement: fx.dep69.documentId } });
  expect(r.status).toBe(200);
  const text = r.text();
  expect(text).toContain(nows('habilitation active du 01/03/2026 au 30/06/2026'));
  expect(text).toContain(nows(`Lyonnaise-D'Août${SUFFIX}`));
  expect(text).not.toContain(nows(`Tardif${SUFFIX}`));
  // the same filters through the bridge list give the same jurors
  const list = await api(await login('centre.lyon')).get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ titre: fx.titres[0].documentId, dateDebut_lte: '2026-03-01', dateFin_gte: '2026-06-30' }))}`);
  expect(list.body).toHaveLength(1);
  const rows = await sql(`SELECT template_id, user_label, content_hash FROM documents_editions WHERE objet = $1 ORDER BY id`, [`centre:${fx.lyon.documentId}`]);
  expect(rows).toHaveLength(before[0].n + 1);
  expect(rows.at(-1)).toMatchObject({ template_id: 'liste-jures-habilites', user_label: 'centre.lyon (CENTRE)' });
});

test("the Paris centre gets its own jurors, never the Lyon centre's; it cannot print for the Lyon centre", async () => {
  const r = await print('centre.paris', fx.paris.documentId, {});
  expect(r.status).toBe(200);
  const text = r.text();
  expect(text).toContain(nows(`Parisien${SUFFIX}`));
  expect(text).toContain(nows('01 40 00 00 99'));
  expect(text).not.toContain(nows(`Lyonnaise-D'Août${SUFFIX}`));
  expect((await print('centre.paris', fx.lyon.documentId, {})).status).toBe(404);
});

test('only the centre profile prints it; bad filters are refused in French', async () => {
  expect((await print('ud.rhone', fx.lyon.documentId, {})).status).toBe(403);
  const unknown = await print('centre.lyon', fx.lyon.documentId, { filter: { jure: 'x' } });
  expect(unknown.status).toBe(400);
  expect(unknown.json().error).toMatchObject({ field: 'filter.jure', message: expect.stringMatching(/Filtre « jure » inconnu/) });
  const inverted = await print('centre.lyon', fx.lyon.documentId, { filter: { dateDebut_lte: '2026-06-30', dateFin_gte: '2026-03-01' } });
  expect(inverted.status).toBe(400);
  expect(inverted.json().error.message).toMatch(/Période inversée/);
  const badDate = await print('centre.lyon', fx.lyon.documentId, { filter: { dateDebut_lte: 'demain' } });
  expect(badDate.status).toBe(400);
  expect(badDate.json().error.message).toMatch(/AAAA-MM-JJ/);
  expect((await print('centre.lyon', fx.lyon.documentId, { filter: [] })).status).toBe(400);
});
