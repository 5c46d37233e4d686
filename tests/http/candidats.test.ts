/**
 * Candidates over HTTP (plugins/candidats): bad input answered 400 naming the field (impossible date,
 * birth commune and birth country both or neither, former country as nationality, homonym control not
 * confirmed), territory scope (UD by residence, DREETS by région, centre by its sessions or creations,
 * national profiles all), the national homonym search showing only identity out of scope, equivalence
 * requests (rule validity, UD decision, parcours updated) and supporting documents.
 * Demo data: ud.rhone (69), ud.paris (75), dreets.ara (84), dreets.idf (11), centre.lyon, centre.paris.
 */
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';

type Api = ReturnType<typeof api>;
let admin: Api;
let rhone: Api;
let paris: Api;
let ara: Api;
let idf: Api;
let centreLyon: Api;
let centreParis: Api;
let lecture: Api;
let paysActuel: string;
let paysAncien: string;
let candidatRhone: string;
let ccp: string;

const today = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());

const identite = (extra: Record<string, unknown> = {}) => ({
  nomNaissance: 'Zzmartin',
  prenoms: ['Paul', 'Émile'],
  sexe: 'M',
  dateNaissance: '1985-03-14',
  communeNaissanceCode: '69123',
  communeNaissanceLibelle: 'Lyon',
  codePostal: '69003',
  confirmationNouvellePersonne: true,
  ...extra,
});

beforeAll(async () => {
  const clients: Api[] = [];
  for (const u of ['admin.national', 'ud.rhone', 'ud.paris', 'dreets.ara', 'dreets.idf', 'centre.lyon', 'centre.paris', 'lecture']) clients.push(api(await login(u)));
  [admin, rhone, paris, ara, idf, centreLyon, centreParis, lecture] = clients;
  await sql(`DELETE FROM pays WHERE code_insee IN ('99881', '99882')`);
  const actuel = await admin.post('/api/ra/pays', { codeInsee: '99881', nom: 'Zzlande', libelleCog: 'ZZLANDE', nature: 'ETAT' });
  const ancien = await admin.post('/api/ra/pays', { codeInsee: '99882', nom: 'Zzrss', libelleCog: 'ZZRSS', nature: 'ANCIEN_ETAT', dateFin: '1991-12-25' });
  expect([actuel.status, ancien.status]).toEqual([201, 201]);
  paysActuel = actuel.body.id;
  paysAncien = ancien.body.id;
  const created = await rhone.post('/api/ra/candidats', identite({ nationalite: paysActuel, email: 'paul.zzmartin@example.org', telephone: '06 12 34 56 78' }));
  expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
  candidatRhone = created.body.id;
  const ccps = await admin.get('/api/ra/ccps?range=[0,0]');
  ccp = ccps.body[0]?.id;
}, 60_000);

afterAll(async () => {
  await sql(`DELETE FROM evenements_parcours WHERE id IN (SELECT l.evenement_parcours_id FROM evenements_parcours_candidat_lnk l JOIN candidats c ON c.id = l.candidat_id WHERE c.nom_naissance LIKE 'Zz%')`);
  await sql(`DELETE FROM demandes_equivalence WHERE id IN (SELECT l.demande_equivalence_id FROM demandes_equivalence_candidat_lnk l JOIN candidats c ON c.id = l.candidat_id WHERE c.nom_naissance LIKE 'Zz%')`);
  await sql(`DELETE FROM regles_equivalence WHERE libelle LIKE 'Zz%'`);
  await sql(`DELETE FROM inscriptions WHERE id IN (SELECT l.inscription_id FROM inscriptions_candidat_lnk l JOIN candidats c ON c.id = l.candidat_id WHERE c.nom_naissance LIKE 'Zz%')`);
  await sql(`DELETE FROM sessions WHERE numero LIKE 'ZZ-%'`);
  await sql(`DELETE FROM candidats WHERE nom_naissance LIKE 'Zz%'`);
  await sql(`DELETE FROM pays WHERE code_insee IN ('99881', '99882')`);
});

describe('bad input: 400 naming the field, in French', () => {
  test('impossible birth date', async () => {
    const response = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzdate', dateNaissance: '1985-02-30' }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'dateNaissance', message: expect.stringContaining('date impossible') });
  });

  test('birth commune and birth country both', async () => {
    const response = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzboth', paysNaissance: paysActuel, villeNaissanceEtranger: 'Zzville' }));
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('paysNaissance');
    expect(response.body.error.message).toMatch(/soit une commune française .* soit un pays étranger/);
  });

  test('neither birth commune nor birth country', async () => {
    const response = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzneither', communeNaissanceCode: null, communeNaissanceLibelle: null }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'communeNaissance', message: expect.stringContaining('Lieu de naissance obligatoire') });
  });

  test('a former country as nationality is refused, but accepted as birth country', async () => {
    const refused = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzancien', nationalite: paysAncien }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'nationalite', message: 'La nationalité doit être un pays actuel : « Zzrss » est un ancien pays, réservé au pays de naissance.' });
    const born = await rhone.post(
      '/api/ra/candidats',
      identite({ nomNaissance: 'Zzancien', dateNaissance: '1975-06-01', communeNaissanceCode: null, communeNaissanceLibelle: null, paysNaissance: paysAncien, villeNaissanceEtranger: 'Kiev', nationalite: paysActuel }),
    );
    expect({ status: born.status, body: born.body }).toMatchObject({ status: 201, body: { paysNaissance: paysAncien, villeNaissanceEtranger: 'Kiev' } });
  });

  test('a former country on update too (PUT merges)', async () => {
    const response = await rhone.put(`/api/ra/candidats/${candidatRhone}`, { nationalite: paysAncien });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('nationalite');
  });

  test('creation without the homonym confirmation is refused', async () => {
    const response = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzsans', confirmationNouvellePersonne: undefined }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'confirmationNouvellePersonne', message: expect.stringContaining('homonymie') });
  });

  test('server-derived fields cannot be written', async () => {
    const response = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzderive', departementResidence: '75' }));
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('departementResidence');
  });
});

describe('the record', () => {
  test('keeps the birth commune as entered, with its département, and the residence département', async () => {
    const response = await rhone.get(`/api/ra/candidats/${candidatRhone}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      nomNaissance: 'Zzmartin',
      prenoms: ['Paul', 'Émile'],
      communeNaissanceCode: '69123',
      communeNaissanceLibelle: 'Lyon',
      communeNaissanceDepartement: '69',
      departementResidence: '69',
      nationalite: paysActuel,
    });
  });

  test('records who confirmed the new person, and when', async () => {
    const [row] = await sql(`SELECT controle_homonymie FROM candidats WHERE document_id = $1`, [candidatRhone]);
    expect(row.controle_homonymie).toMatchObject({ decision: 'NOUVELLE_PERSONNE_CONFIRMEE', confirmePar: 'ud.rhone', profil: 'UD', homonymesSignales: [] });
  });
});

describe('birth commune chosen in the referential', () => {
  test('code and label are copied when chosen, replaced when another commune is chosen, then frozen', async () => {
    const communes = (await admin.get('/api/ra/communes?range=[0,1]&sort=["codeInsee","ASC"]')).body as { id: string; codeInsee: string; nom: string }[];
    expect(communes).toHaveLength(2);
    const [a, b] = communes;
    const created = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzcommune', communeNaissanceCode: null, communeNaissanceLibelle: null, communeNaissance: a.id }));
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201, body: { communeNaissance: a.id, communeNaissanceCode: a.codeInsee, communeNaissanceLibelle: a.nom } });
    // the edit form sends the whole record back, former code and label included
    const edited = await rhone.put(`/api/ra/candidats/${created.body.id}`, { ...created.body, communeNaissance: b.id });
    expect({ status: edited.status, body: edited.body }).toMatchObject({ status: 200, body: { communeNaissance: b.id, communeNaissanceCode: b.codeInsee, communeNaissanceLibelle: b.nom } });
    // a code that is not the chosen commune's is refused
    const wrong = await rhone.put(`/api/ra/candidats/${created.body.id}`, { communeNaissanceCode: a.codeInsee });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('communeNaissanceCode');
  });
});

describe('scope', () => {
  test('UD by residence, DREETS by région, national profiles all', async () => {
    expect((await rhone.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(200);
    expect((await paris.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(404);
    expect((await ara.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(200);
    expect((await idf.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(404);
    expect((await admin.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(200);
    expect((await lecture.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(200);
  });

  test('lists are scoped too', async () => {
    const q = encodeURIComponent(JSON.stringify({ q: 'zzmartin' }));
    const mine = await rhone.get(`/api/ra/candidats?filter=${q}`);
    const other = await paris.get(`/api/ra/candidats?filter=${q}`);
    expect(mine.body.map((c: { id: string }) => c.id)).toContain(candidatRhone);
    expect(other.body).toEqual([]);
    expect(other.headers.get('content-range')).toMatch(/\/0$/);
  });

  test('out of scope is 404 on write as well', async () => {
    expect((await paris.put(`/api/ra/candidats/${candidatRhone}`, { telephone: '01 00 00 00 00' })).status).toBe(404);
  });

  test('a centre sees the candidates it created (not yet registered), not those of others', async () => {
    expect((await centreLyon.get(`/api/ra/candidats/${candidatRhone}`)).status).toBe(404);
    const created = await centreLyon.post('/api/ra/candidats', identite({ nomNaissance: 'Zzcentre', prenoms: ['Lina'], dateNaissance: '2001-09-09' }));
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    expect((await centreLyon.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(200);
    expect((await centreParis.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(404);
  });

  test('a UD registers a candidate living outside its territory: created, in its scope and its DREETS’s, not another UD’s', async () => {
    const created = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzailleurs', prenoms: ['Inès'], dateNaissance: '1992-05-17', codePostal: '13001' }));
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201, body: { departementResidence: '13', departementCreateur: '69' } });
    const id = created.body.id;
    expect((await rhone.get(`/api/ra/candidats/${id}`)).status).toBe(200);
    expect((await rhone.put(`/api/ra/candidats/${id}`, { telephone: '04 00 00 00 00' })).status).toBe(200);
    expect((await ara.get(`/api/ra/candidats/${id}`)).status).toBe(200);
    for (const other of [paris, idf, centreLyon]) expect((await other.get(`/api/ra/candidats/${id}`)).status).toBe(404);
    const list = await paris.get(`/api/ra/candidats?filter=${encodeURIComponent(JSON.stringify({ q: 'Zzailleurs' }))}`);
    expect(list.body).toEqual([]);
  });

  test('a DREETS registers a candidate living outside its région: in its scope only', async () => {
    const created = await ara.post('/api/ra/candidats', identite({ nomNaissance: 'Zzdreets', prenoms: ['Yann'], dateNaissance: '1993-02-11', codePostal: '75011' }));
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201, body: { departementResidence: '75', regionCreateur: '84' } });
    expect((await ara.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(200);
    // who lives in Paris is also in the Paris UD's scope; the Rhône UD does not reach it (its DREETS created it, not itself)
    expect((await paris.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(200);
    expect((await rhone.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(404);
  });

  test('the creating service is recorded by the server, never sent by the client', async () => {
    const forged = await paris.post('/api/ra/candidats', identite({ nomNaissance: 'Zzforge', prenoms: ['Léo'], dateNaissance: '1994-07-07', codePostal: '13001', departementCreateur: '75', regionCreateur: '11' }));
    expect(forged.status).toBe(400);
    expect(['departementCreateur', 'regionCreateur']).toContain(forged.body.error.field);
  });

  test('AFPA has no access to candidates', async () => {
    const afpa = api(await login('afpa.dte'));
    expect((await afpa.get('/api/ra/candidats')).status).toBe(403);
  });
});

describe('homonym control', () => {
  const search = (who: Api, filter: Record<string, unknown>) => who.get(`/api/ra/homonymes?filter=${encodeURIComponent(JSON.stringify(filter))}`);

  test('finds close matches nationally; out of scope shows identity only', async () => {
    const response = await search(paris, { nomNaissance: 'ZZMARTINN', prenoms: ['emile', 'paul'], dateNaissance: '1985-03-14' });
    expect(response.status).toBe(200);
    const match = response.body.find((h: { id: string }) => h.id === candidatRhone);
    expect(match).toMatchObject({ nomNaissance: 'Zzmartin', dateNaissance: '1985-03-14', lieuNaissance: 'Lyon (69)', dansPerimetre: false, niveau: 'PROCHE' });
    expect(Object.keys(match).sort()).toEqual(['dansPerimetre', 'dateNaissance', 'id', 'lieuNaissance', 'niveau', 'nomNaissance', 'nomUsage', 'prenoms', 'raisons']);
  });

  test('in scope, the match can be opened', async () => {
    const response = await search(rhone, { nomNaissance: 'Zz-Martin', prenoms: 'Paul, Émile', dateNaissance: '1985-03-14' });
    expect(response.body.find((h: { id: string }) => h.id === candidatRhone)).toMatchObject({ dansPerimetre: true, niveau: 'IDENTIQUE' });
  });

  test('one typing mistake in the birth date (one digit, in the year or the day) still finds the person', async () => {
    for (const dateNaissance of ['1985-03-15', '1995-03-14', '1985-08-14']) {
      const response = await search(rhone, { nomNaissance: 'Zzmartin', prenoms: ['Paul', 'Émile'], dateNaissance });
      expect(response.status).toBe(200);
      expect(response.body.find((h: { id: string }) => h.id === candidatRhone)).toMatchObject({ niveau: 'PROCHE', raisons: expect.arrayContaining(['date de naissance proche (un chiffre différent)']) });
    }
  });

  test('another birth date is another person', async () => {
    const response = await search(rhone, { nomNaissance: 'Zzmartin', prenoms: ['Paul'], dateNaissance: '1990-01-01' });
    expect(response.body.find((h: { id: string }) => h.id === candidatRhone)).toBeUndefined();
  });

  test('criteria are required', async () => {
    const response = await search(rhone, { nomNaissance: 'Zzmartin', prenoms: ['Paul'], dateNaissance: '1985-02-30' });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('filter.dateNaissance');
  });

  test('the homonyms found are recorded with the next confirmed creation', async () => {
    const created = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzmartin', prenoms: ['Paul', 'Emile'] }));
    expect(created.status).toBe(201);
    const [row] = await sql(`SELECT controle_homonymie FROM candidats WHERE document_id = $1`, [created.body.id]);
    expect(row.controle_homonymie.homonymesSignales).toEqual(expect.arrayContaining([expect.objectContaining({ id: candidatRhone, niveau: 'IDENTIQUE' })]));
  });
});

describe('equivalence requests', () => {
  let regleHorsValidite: string;
  let regle: string;

  beforeAll(async () => {
    expect(ccp).toBeDefined();
    const old = await admin.post('/api/ra/regles-equivalence', { libelle: 'Zz ancienne règle', type: 'EXTERNE', certificationSource: 'CCE tuteur', ccpsCible: [ccp], valideDu: '2015-01-01', valideAu: '2020-12-31' });
    const current = await admin.post('/api/ra/regles-equivalence', { libelle: 'Zz règle en vigueur', type: 'EXTERNE', certificationSource: 'CCE tuteur', ccpsCible: [ccp], valideDu: '2021-01-01' });
    expect([old.status, current.status]).toEqual([201, 201]);
    regleHorsValidite = old.body.id;
    regle = current.body.id;
  });

  test('a rule ending before it starts is refused', async () => {
    const response = await admin.post('/api/ra/regles-equivalence', { libelle: 'Zz inversée', type: 'EXTERNE', certificationSource: 'x', valideDu: '2024-01-01', valideAu: '2023-01-01' });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('valideAu');
  });

  test('outside the rule validity → refused with a message saying so', async () => {
    const response = await rhone.post('/api/ra/demandes-equivalence', { candidat: candidatRhone, type: 'EXTERNE', regle: regleHorsValidite, certificationExterne: 'CCE tuteur', ccpsCible: [ccp] });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'regle', message: expect.stringContaining('hors de la période de validité') });
    expect(response.body.error.message).toContain('du 01/01/2015 au 31/12/2020');
  });

  test('submitted, documents attached, accepted by the UD: the parcours holds the CCP by equivalence', async () => {
    const created = await rhone.post('/api/ra/demandes-equivalence', { candidat: candidatRhone, type: 'EXTERNE', regle, certificationExterne: 'CCE tuteur', ccpsCible: [ccp] });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201, body: { statut: 'DEPOSEE' } });
    const id = created.body.id;

    // supporting documents: a real PDF is kept, a renamed executable is refused
    const upload = async (name: string, content: Buffer, type: string) => {
      const form = new FormData();
      form.append('pieces', new Blob([content], { type }), name);
      const response = await fetch(`${baseUrl()}/api/ra/demandes-equivalence/${id}/ajouterPieces`, { method: 'POST', headers: { Authorization: `Bearer ${await login('ud.rhone')}` }, body: form });
      return { status: response.status, body: await response.json() };
    };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const bad = await upload('attestation.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'pieces', message: expect.stringContaining('ni un PDF') } } });
    const good = await upload('attestation.pdf', pdf, 'application/pdf');
    expect(good.status).toBe(200);
    expect(good.body.pieces).toEqual([expect.objectContaining({ nom: 'attestation.pdf', type: 'application/pdf', ajoutePar: 'ud.rhone' })]);
    const preview = await rhone.get(`/api/ra/pieces/${good.body.pieces[0].id}`);
    expect(preview.status).toBe(200);
    expect(Buffer.from(preview.body.contenu, 'base64').toString()).toBe(pdf.toString());
    expect((await paris.get(`/api/ra/pieces/${good.body.pieces[0].id}`)).status).toBe(404);

    // the centre may read, not decide; another UD cannot reach it
    expect((await centreLyon.post(`/api/ra/demandes-equivalence/${id}/accorder`)).status).toBe(403);
    expect((await paris.post(`/api/ra/demandes-equivalence/${id}/accorder`)).status).toBe(404);

    const accord = await rhone.post(`/api/ra/demandes-equivalence/${id}/accorder`);
    expect({ status: accord.status, body: accord.body }).toMatchObject({ status: 200, body: { statut: 'ACCORDEE' } });
    const again = await rhone.post(`/api/ra/demandes-equivalence/${id}/refuser`, { motif: 'trop tard' });
    expect(again.status).toBe(422);

    const parcours = await rhone.get(`/api/ra/parcours/${candidatRhone}`);
    expect(parcours.status).toBe(200);
    expect(parcours.body.historique).toEqual([expect.objectContaining({ type: 'EQUIVALENCE', ccp, date: today(), corrige: false, demandeEquivalence: id })]);
    const held = parcours.body.titres.flatMap((t: { ccps: { ccp: string; detenu: { mode: string } | null }[] }) => t.ccps).find((c: { ccp: string }) => c.ccp === ccp);
    expect(held.detenu).toMatchObject({ mode: 'EQUIVALENCE', date: today() });
    expect((await paris.get(`/api/ra/parcours/${candidatRhone}`)).status).toBe(404);
  });

  test('a refusal needs a reason', async () => {
    const created = await rhone.post('/api/ra/demandes-equivalence', { candidat: candidatRhone, type: 'EXTERNE', regle, certificationExterne: 'CCE tuteur', ccpsCible: [ccp] });
    expect(created.status).toBe(201);
    const noReason = await rhone.post(`/api/ra/demandes-equivalence/${created.body.id}/refuser`, { motif: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('motif');
    const refused = await rhone.post(`/api/ra/demandes-equivalence/${created.body.id}/refuser`, { motif: 'Justificatif illisible' });
    expect(refused.status).toBe(200);
    expect((await rhone.get(`/api/ra/demandes-equivalence/${created.body.id}`)).body).toMatchObject({ statut: 'REFUSEE', motifDecision: 'Justificatif illisible', decidePar: 'ud.rhone' });
  });

  test('a request for a candidate out of scope cannot be created', async () => {
    const response = await paris.post('/api/ra/demandes-equivalence', { candidat: candidatRhone, type: 'EXTERNE', regle, certificationExterne: 'CCE tuteur', ccpsCible: [ccp] });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('candidat');
  });
});

describe('path history and registrations (rows as the sessions workflow writes them)', () => {
  const documentId = () => Math.random().toString(36).slice(2, 14).padEnd(12, '0') + 'zz';
  const idOf = async (table: string, doc: string) => (await sql(`SELECT id FROM ${table} WHERE document_id = $1`, [doc]))[0].id as number;

  async function evenement(candidat: number, type: string, date: string, extra: { ccp?: number; resultat?: string; remplace?: number; motif?: string } = {}) {
    const [row] = await sql(
      `INSERT INTO evenements_parcours (document_id, type, date, resultat, libelle, motif_correction, created_at, updated_at) VALUES ($1, $2, $3, $4, 'Zz test', $5, now(), now()) RETURNING id`,
      [documentId(), type, date, extra.resultat ?? null, extra.motif ?? null],
    );
    await sql(`INSERT INTO evenements_parcours_candidat_lnk (evenement_parcours_id, candidat_id) VALUES ($1, $2)`, [row.id, candidat]);
    if (extra.ccp) await sql(`INSERT INTO evenements_parcours_ccp_lnk (evenement_parcours_id, ccp_id) VALUES ($1, $2)`, [row.id, extra.ccp]);
    if (extra.remplace) await sql(`INSERT INTO evenements_parcours_remplace_lnk (evenement_parcours_id, inv_evenement_parcours_id) VALUES ($1, $2)`, [row.id, extra.remplace]);
    return row.id as number;
  }

  test('a corrected result stays visible in the history; the correction decides what is held', async () => {
    const created = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzparcours', prenoms: ['Inès'], dateNaissance: '1992-02-02' }));
    expect(created.status).toBe(201);
    const candidat = await idOf('candidats', created.body.id);
    const [autre] = await admin.get('/api/ra/ccps?range=[1,1]').then((r) => r.body);
    const ccpId = await idOf('ccps', autre.id);
    const premier = await evenement(candidat, 'RESULTAT_CCP', '2025-06-10', { ccp: ccpId, resultat: 'NON_ACQUIS' });
    await evenement(candidat, 'RESULTAT_CCP', '2025-06-10', { ccp: ccpId, resultat: 'ACQUIS', remplace: premier, motif: 'Résultats modifiés après déverrouillage de la session' });

    const parcours = await rhone.get(`/api/ra/parcours/${created.body.id}`);
    expect(parcours.status).toBe(200);
    expect(parcours.body.historique.map((l: { resultat: string; corrige: boolean }) => [l.resultat, l.corrige])).toEqual([
      ['NON_ACQUIS', true],
      ['ACQUIS', false],
    ]);
    expect(parcours.body.historique[1].motifCorrection).toBe('Résultats modifiés après déverrouillage de la session');
    const ligne = parcours.body.titres.flatMap((t: { ccps: { ccp: string }[] }) => t.ccps).find((c: { ccp: string }) => c.ccp === autre.id);
    expect(ligne.detenu).toMatchObject({ mode: 'EXAMEN', date: '2025-06-10' });
    expect(parcours.body.titres.some((t: { livretDeCertification: boolean; titreObtenu: unknown }) => t.livretDeCertification || t.titreObtenu)).toBe(true);
  });

  test('a centre sees the candidates registered in its own sessions', async () => {
    const created = await rhone.post('/api/ra/candidats', identite({ nomNaissance: 'Zzinscrit', prenoms: ['Noé'], dateNaissance: '1999-09-19' }));
    expect(created.status).toBe(201);
    expect((await centreLyon.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(404);
    const [centre] = await sql(`SELECT id FROM centres WHERE siret = (SELECT siret FROM centres c JOIN up_users_centres_lnk l ON l.centre_id = c.id JOIN up_users u ON u.id = l.user_id WHERE u.username = 'centre.lyon' LIMIT 1)`);
    const [session] = await sql(`INSERT INTO sessions (document_id, numero, type, date_debut, date_fin, statut, created_at, updated_at) VALUES ($1, 'ZZ-1', 'TITRE', '2026-01-10', '2026-01-12', 'EN_PREPARATION', now(), now()) RETURNING id`, [documentId()]);
    await sql(`INSERT INTO sessions_centre_lnk (session_id, centre_id) VALUES ($1, $2)`, [session.id, centre.id]);
    const [inscription] = await sql(`INSERT INTO inscriptions (document_id, voie_acces, statut, created_at, updated_at) VALUES ($1, 'FORMATION_CONTINUE', 'INSCRIT', now(), now()) RETURNING id`, [documentId()]);
    await sql(`INSERT INTO inscriptions_session_lnk (inscription_id, session_id) VALUES ($1, $2)`, [inscription.id, session.id]);
    await sql(`INSERT INTO inscriptions_candidat_lnk (inscription_id, candidat_id) VALUES ($1, $2)`, [inscription.id, await idOf('candidats', created.body.id)]);
    expect((await centreLyon.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(200);
    expect((await centreParis.get(`/api/ra/candidats/${created.body.id}`)).status).toBe(404);
    const parcours = await centreLyon.get(`/api/ra/parcours/${created.body.id}`);
    expect(parcours.status).toBe(200);
  });
});

describe('demo data (seed/demo-candidats.ts)', () => {
  test('capitalisation across two versions of DWWM through the referential correspondences', async () => {
    const found = await admin.get(`/api/ra/candidats?filter=${encodeURIComponent(JSON.stringify({ q: 'martin dupont', dateNaissance: '1984-02-29' }))}`);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({ communeNaissanceLibelle: 'Saint-Denis', communeNaissanceDepartement: '93', departementResidence: '69' });
    const parcours = await admin.get(`/api/ra/parcours/${found.body[0].id}`);
    const bilans = Object.fromEntries(parcours.body.titres.map((t: { titreLibelle: string }) => [t.titreLibelle.replace(/^.*\(TP-01280, (\d+)\)$/, '$1'), t]));
    // 2018 version: one CCP by exam, the other failed → partial success
    expect(bilans['2018']).toMatchObject({ titreObtenu: null, livretDeCertification: true });
    // 2023 version: CCP 1 by correspondence with the 2018 CCP 1, CCP 2 by exam → title by capitalisation
    expect(bilans['2023'].titreObtenu).toEqual({ date: '2024-05-24', mode: 'CAPITALISATION' });
    expect(bilans['2023'].ccps[0].detenu).toMatchObject({ mode: 'CORRESPONDANCE', date: '2021-06-18' });
    expect(bilans['2023'].ccps[0].viaLibelle).toMatch(/^CP-01280-18-1 — /);
  });
});
