/**
 * A session's supporting documents are uploaded files in the private store (issue 7; plugins/sessions
 * services/pieces.ts): the signed PV (sessions/:id/joindrePv) and a justified absence's document
 * (inscriptions/:id/joindreJustificatifAbsence), attached by the centre while results are entered, type-checked,
 * replaced whole, readable only through GET /api/ra/pieces/<id> within the session's territory.
 * Finalisation requiring the PV file is in sessions.test.ts (PV_MANQUANT, then finalised).
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { joindre, pdfDeTest } from '../support/pieces';
import { createSessionFixtures, inDays, removeSessionFixtures, startToday, type SessionFixtures } from '../support/sessions-fixtures';

jest.setTimeout(60_000);

type Client = ReturnType<typeof api>;
const users: Record<string, Client> = {};
const as = (username: string) => users[username];
let fx: SessionFixtures;
let session: string;
let inscription: string;

const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}) => as(user).post(`/api/ra/sessions/${id}/${action}`, body);
const ok = async (user: string, id: string, action: string, body: Record<string, unknown> = {}) => {
  const r = await act(user, id, action, body);
  if (r.status !== 200) throw new Error(`${action} par ${user} : ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const piecesDe = (ressource: string, documentId: string) => sql(`SELECT id, usage, nom FROM ceres_piece WHERE ressource = $1 AND document_id = $2 ORDER BY id`, [ressource, documentId]);

beforeAll(async () => {
  for (const u of ['centre.lyon', 'centre.paris', 'ud.rhone', 'ud.paris', 'dreets.ara', 'afpa.dte', 'lecture']) users[u] = api(await login(u));
  fx = await createSessionFixtures();
  const extra = fx as unknown as { site?: { documentId: string }; agrement?: { documentId: string } };
  const created = await as('centre.lyon').post('/api/ra/sessions', {
    type: 'TITRE',
    centre: fx.centreLyon,
    titre: fx.titre.documentId,
    ...(extra.site ? { site: extra.site.documentId } : {}),
    ...(extra.agrement ? { agrement: extra.agrement.documentId } : {}),
    dateDebut: inDays(90),
    dateFin: inDays(92),
    responsableSession: 'Mme Pièces',
    lieu: 'Lyon',
  });
  expect(created.status).toBe(201);
  session = created.body.id;
  await ok('centre.lyon', session, 'declarer');
  await ok('ud.rhone', session, 'valider');
  await ok('centre.lyon', session, 'inscrire', { candidat: fx.candidats[0].documentId, voieAcces: 'FORMATION_CONTINUE' });
  const list = await as('centre.lyon').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session }))}`);
  inscription = list.body[0].id;
}, 60_000);

afterAll(async () => {
  await sql(`DELETE FROM ceres_piece WHERE (ressource = 'sessions' AND document_id = $1) OR (ressource = 'inscriptions' AND document_id = $2)`, [session, inscription]).catch(() => undefined);
  await removeSessionFixtures(fx);
}, 60_000);

describe('signed PV and justified absence: uploaded files', () => {
  let pvId: number;

  test('before results are entered, no PV can be attached (422 naming the field), nothing stored', async () => {
    const early = await joindre('centre.lyon', `sessions/${session}/joindrePv`, 'pv');
    expect(early).toMatchObject({ status: 422, body: { error: { field: 'pv', message: expect.stringContaining('pendant la saisie des résultats') } } });
    expect(await piecesDe('sessions', session)).toEqual([]);
  });

  test('while results are entered: a renamed executable or two files are refused; only the centre attaches', async () => {
    // the workflow up to « convocations envoyées » is tested in sessions.test.ts: here the state is set directly
    await sql(`UPDATE sessions SET statut = 'CONVOCATIONS_ENVOYEES' WHERE document_id = $1`, [session]);
    await startToday(session);
    const exe = await joindre('centre.lyon', `sessions/${session}/joindrePv`, 'pv', Buffer.from('MZ\x90\x00 exécutable'), 'pv.pdf');
    expect(exe).toMatchObject({ status: 400, body: { error: { field: 'pv', message: expect.stringContaining('ni un PDF') } } });
    expect((await joindre('ud.rhone', `sessions/${session}/joindrePv`, 'pv')).status).toBe(403);
    expect((await joindre('centre.paris', `sessions/${session}/joindrePv`, 'pv')).status).toBe(404);
    expect(await piecesDe('sessions', session)).toEqual([]);
  });

  test('the centre attaches the signed PV: stored privately, metadata on the session, readable in the territory only', async () => {
    const attached = await joindre('centre.lyon', `sessions/${session}/joindrePv`, 'pv', pdfDeTest('PV signé'), 'pv-signe.pdf');
    expect(attached.status).toBe(200);
    expect(attached.body.pv).toMatchObject({ nom: 'pv-signe.pdf', type: 'application/pdf', ajoutePar: 'centre.lyon' });
    pvId = attached.body.pv.id;
    expect((await as('centre.lyon').get(`/api/ra/sessions/${session}`)).body.pv).toMatchObject({ id: pvId, nom: 'pv-signe.pdf' });
    expect(await piecesDe('sessions', session)).toEqual([{ id: String(pvId), usage: 'pv', nom: 'pv-signe.pdf' }]);
    for (const user of ['centre.lyon', 'ud.rhone', 'dreets.ara']) {
      const read = await as(user).get(`/api/ra/pieces/${pvId}`);
      expect([user, read.status]).toEqual([user, 200]);
      expect(Buffer.from(read.body.contenu, 'base64').equals(pdfDeTest('PV signé'))).toBe(true);
    }
    for (const user of ['centre.paris', 'ud.paris']) expect([user, (await as(user).get(`/api/ra/pieces/${pvId}`)).status]).toEqual([user, 404]);
    // the action is traced like any workflow action
    const [trace] = await sql(`SELECT count(*)::int AS n FROM ceres_trace WHERE resource = 'sessions' AND document_id = $1 AND action = 'joindrePv'`, [session]);
    expect(trace.n).toBe(1);
  });

  test('a new PV replaces the former one (the former bytes are deleted)', async () => {
    const again = await joindre('centre.lyon', `sessions/${session}/joindrePv`, 'pv', pdfDeTest('PV corrigé'), 'pv-corrige.pdf');
    expect(again.status).toBe(200);
    expect(again.body.pv.id).not.toBe(pvId);
    expect(await piecesDe('sessions', session)).toEqual([{ id: String(again.body.pv.id), usage: 'pv', nom: 'pv-corrige.pdf' }]);
    expect((await as('ud.rhone').get(`/api/ra/pieces/${pvId}`)).status).toBe(404);
  });

  test('« absent justifié » requires the document attached to the registration (v1.7.1)', async () => {
    const ligne = { inscription, presence: 'ABSENT_JUSTIFIE', decision: 'ABSENT' };
    const refused = await act('centre.lyon', session, 'enregistrerResultats', { lignes: [ligne] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ field: 'lignes[0].pieceAbsence', details: { rule: 'JUSTIFICATIF_ABSENCE' } });
    const [avant] = await sql(`SELECT presence FROM inscriptions WHERE document_id = $1`, [inscription]);
    expect(avant.presence).toBeNull();

    expect((await joindre('centre.paris', `inscriptions/${inscription}/joindreJustificatifAbsence`, 'justificatif')).status).toBe(404);
    expect((await joindre('ud.rhone', `inscriptions/${inscription}/joindreJustificatifAbsence`, 'justificatif')).status).toBe(403);
    const image = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('certificat médical')]);
    const attached = await joindre('centre.lyon', `inscriptions/${inscription}/joindreJustificatifAbsence`, 'justificatif', image, 'certificat.png', 'image/png');
    expect(attached.status).toBe(200);
    expect(attached.body.pieceAbsence).toMatchObject({ nom: 'certificat.png', type: 'image/png' });

    expect(await ok('centre.lyon', session, 'enregistrerResultats', { lignes: [ligne] })).toMatchObject({ statut: 'RESULTATS_SAISIS' });
    const [apres] = await sql(`SELECT presence FROM inscriptions WHERE document_id = $1`, [inscription]);
    expect(apres.presence).toBe('ABSENT_JUSTIFIE');
    const read = await as('ud.rhone').get(`/api/ra/pieces/${attached.body.pieceAbsence.id}`);
    expect(read).toMatchObject({ status: 200, body: { usage: 'justificatif-absence', type: 'image/png' } });
    expect((await as('ud.paris').get(`/api/ra/pieces/${attached.body.pieceAbsence.id}`)).status).toBe(404);
    // often a medical certificate: not for the DTE service nor the national consultation (they may read the PV)
    for (const user of ['afpa.dte', 'lecture']) {
      expect([user, (await as(user).get(`/api/ra/pieces/${attached.body.pieceAbsence.id}`)).status]).toEqual([user, 404]);
      expect([user, (await as(user).get(`/api/ra/pieces/${(await as('centre.lyon').get(`/api/ra/sessions/${session}`)).body.pv.id}`)).status]).toEqual([user, 200]);
    }
  });
});
