/**
 * Issue #5 §3: the candidate's parcours shows, in time order with the rest, each document issued to them
 * (parchemin, livret de certification; number, date and place of issue, reissues with date and reason), read
 * from the documents plugin's own tables through its service — never copied into the path's events.
 * The session with validated results is inserted in SQL (as tests/http/documents.test.ts does); the documents
 * are issued through the real bridge actions (LibreOffice renders them).
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { createSessionValidee, removeSessionValidee, type SessionValidee } from '../support/resultats-fixtures';

jest.setTimeout(120_000);

type Ref = { id: number; documentId: string };
const today = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());
let fx: SessionValidee;

interface Ligne {
  id: string;
  type: string;
  date: string;
  resultat: string | null;
  sessionNumero: string | null;
  document?: { modele: string; numero: string | null; dateDelivrance: string; lieuDelivrance: string | null; reedition: boolean; motif: string | null; imprime: boolean; nombreReeditions: number };
}

const parcours = async (user: string, candidat: Ref) => api(await login(user)).get<{ historique: Ligne[] }>(`/api/ra/parcours/${candidat.documentId}`);
const action = async (user: string, path: string, body: Record<string, unknown> = {}) => (await api(await login(user)).post(`/api/ra/${path}`, body)).status;

beforeAll(async () => {
  fx = await createSessionValidee('Zzparcours-Doc');
}, 60_000);

afterAll(() => removeSessionValidee(fx));

describe('documents issued in the parcours', () => {
  let numero: string;
  let dateDelivrance: string;

  test('before any issue the parcours has no document; after the parchemins, the number, date and place of issue, in time order', async () => {
    const avant = await parcours('ud.rhone', fx.laureate);
    expect(avant.status).toBe(200);
    expect(avant.body.historique.map((l) => l.type)).toEqual(['RESULTAT_TITRE']);

    expect(await action('ud.rhone', `sessions/${fx.session.documentId}/delivrerParchemins`)).toBe(200);
    const [row] = await sql(`SELECT numero, to_char(date_delivrance, 'YYYY-MM-DD') AS date, lieu_delivrance AS lieu FROM documents_delivrances WHERE objet = $1`, [`inscription:${fx.inscriptions[0].documentId}`]);
    expect(row.numero).toMatch(/^84-\d{4}-TP-\d{6}$/);
    ({ numero, date: dateDelivrance } = row);
    expect(dateDelivrance).toBe(today());

    const apres = await parcours('ud.rhone', fx.laureate);
    expect(apres.status).toBe(200);
    expect(apres.body.historique.map((l) => [l.type, l.date])).toEqual([
      ['RESULTAT_TITRE', fx.dateJury],
      ['DOCUMENT', dateDelivrance],
    ]);
    expect(apres.body.historique[1]).toMatchObject({
      resultat: 'DELIVRE',
      sessionNumero: fx.numeroSession,
      document: { modele: 'parchemin', numero, dateDelivrance, lieuDelivrance: row.lieu, imprime: true, reedition: false, nombreReeditions: 0 },
    });
    // read from the documents plugin: nothing copied into the path's events
    expect(await sql(`SELECT count(*)::int AS n FROM evenements_parcours e JOIN evenements_parcours_candidat_lnk l ON l.evenement_parcours_id = e.id WHERE l.candidat_id = $1 AND e.type = 'DOCUMENT'`, [fx.laureate.id])).toEqual([{ n: 0 }]);
  });

  test('the livret de certification of a partial success (not numbered)', async () => {
    expect(await action('ud.rhone', `sessions/${fx.session.documentId}/delivrerLivrets`)).toBe(200);
    const { body } = await parcours('ud.rhone', fx.partielle);
    expect(body.historique).toEqual([expect.objectContaining({ type: 'DOCUMENT', date: today(), resultat: 'DELIVRE', document: expect.objectContaining({ modele: 'livret', numero: null, reedition: false }) })]);
  });

  test('a reissue shows as such at its date, with its reason; the original keeps its number and date', async () => {
    const motif = 'Changement de nom (état civil)';
    expect(await action('ud.rhone', `inscriptions/${fx.inscriptions[0].documentId}/reediterParchemin`, { motif })).toBe(200);
    const { body } = await parcours('ud.rhone', fx.laureate);
    expect(body.historique.map((l) => [l.type, l.resultat])).toEqual([
      ['RESULTAT_TITRE', 'TITRE_OBTENU'],
      ['DOCUMENT', 'DELIVRE'],
      ['DOCUMENT', 'REEDITE'],
    ]);
    expect(body.historique[1].document).toMatchObject({ numero, dateDelivrance, reedition: false, nombreReeditions: 1 });
    expect(body.historique[2]).toMatchObject({ date: today(), document: { numero, dateDelivrance, reedition: true, motif } });
  });

  test('the scope is the candidate’s: the centre of the session sees the documents, another UD does not see the record; the edition log filtered on the candidate lists the same document', async () => {
    const centre = await parcours('centre.lyon', fx.laureate);
    expect(centre.status).toBe(200);
    expect(centre.body.historique.filter((l) => l.type === 'DOCUMENT').map((l) => l.document?.numero)).toEqual([numero, numero]);
    expect((await parcours('ud.paris', fx.laureate)).status).toBe(404);
    const log = await api(await login('ud.rhone')).get(`/api/ra/editions?filter=${encodeURIComponent(JSON.stringify({ candidat: fx.laureate.documentId }))}&range=[0,49]`);
    expect(log.status).toBe(200);
    expect(log.body.map((e: { numero: string; reedition: boolean }) => [e.numero, e.reedition]).sort()).toEqual([
      [numero, false],
      [numero, true],
    ]);
  });
});
