/**
 * The demo sessions (strapi/src/seed/demo-sessions.ts) as the demo accounts meet them: each centre and UD
 * sees its own territory's sessions only, each session is covered (site, agrément, département) so that the
 * workflow accepts the next action, and the validated session's results are in the candidates' parcours.
 * Actions taken here are undone in SQL right after, so that the demo stays as seeded for the other suites.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';

jest.setTimeout(60_000);

type Client = ReturnType<typeof api>;
const users: Record<string, Client> = {};
const as = (username: string) => users[username];
const LYON = ['DEMO-69-PREPA', 'DEMO-69-DECLAREE', 'DEMO-69-CONVOQUEE', 'DEMO-69-VALIDEE', 'DEMO-69-ANNULEE'];
const PARIS = ['DEMO-75-VALIDEE'];

const demo = async (user: string) => {
  const r = await as(user).get(`/api/ra/sessions?range=${encodeURIComponent('[0,199]')}`);
  expect(r.status).toBe(200);
  return (r.body as { numero: string }[]).map((s) => s.numero).filter((n) => n?.startsWith('DEMO-')).sort();
};
const session = async (numero: string) => {
  const [row] = await sql(`SELECT id, document_id, statut FROM sessions WHERE numero = $1`, [numero]);
  return row as { id: number; document_id: string; statut: string };
};
const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}) => as(user).post(`/api/ra/sessions/${id}/${action}`, body);
/** puts a demo session back as seeded after an action (the trace row stays: it is append-only) */
const restore = (id: number, patch: string) => sql(`UPDATE sessions SET ${patch} WHERE id = $1`, [id]);

beforeAll(async () => {
  for (const u of ['centre.lyon', 'centre.paris', 'ud.rhone', 'ud.paris', 'admin.national']) users[u] = api(await login(u));
}, 60_000);

describe('demo data (seed/demo-sessions.ts)', () => {
  test('each centre and UD sees its own demo sessions, not the other territory’s', async () => {
    expect(await demo('centre.lyon')).toEqual([...LYON].sort());
    expect(await demo('ud.rhone')).toEqual([...LYON].sort());
    expect(await demo('centre.paris')).toEqual(PARIS);
    expect(await demo('ud.paris')).toEqual(PARIS);
    expect(await demo('admin.national')).toEqual([...LYON, ...PARIS].sort());
    const paris = await session('DEMO-75-VALIDEE');
    expect((await as('centre.lyon').get(`/api/ra/sessions/${paris.document_id}`)).status).toBe(404);
  });

  test('states as seeded, each session with its site, its agrément and its centre’s département', async () => {
    const rows = await sql(
      `SELECT s.numero, s.statut, s.date_debut::text AS debut, d.code AS departement, si.nom AS site, a.statut AS agrement, ce.siret AS centre_site, ca.siret AS centre_agrement, c.siret AS centre
         FROM sessions s
         JOIN sessions_centre_lnk sc ON sc.session_id = s.id JOIN centres c ON c.id = sc.centre_id
         JOIN sessions_departement_lnk sd ON sd.session_id = s.id JOIN departements d ON d.id = sd.departement_id
         JOIN sessions_site_lnk ss ON ss.session_id = s.id JOIN sites si ON si.id = ss.site_id
         JOIN sites_centre_lnk sic ON sic.site_id = si.id JOIN centres ce ON ce.id = sic.centre_id
         JOIN sessions_agrement_lnk sa ON sa.session_id = s.id JOIN agrements a ON a.id = sa.agrement_id
         JOIN agrements_centre_lnk ac ON ac.agrement_id = a.id JOIN centres ca ON ca.id = ac.centre_id
        WHERE s.numero LIKE 'DEMO-%' ORDER BY s.numero`,
    );
    expect(rows.map((r) => [r.numero, r.statut, r.departement])).toEqual([
      ['DEMO-69-ANNULEE', 'ANNULEE', '69'],
      ['DEMO-69-CONVOQUEE', 'CONVOCATIONS_ENVOYEES', '69'],
      ['DEMO-69-DECLAREE', 'DECLAREE', '69'],
      ['DEMO-69-PREPA', 'EN_PREPARATION', '69'],
      ['DEMO-69-VALIDEE', 'RESULTATS_VALIDES', '69'],
      ['DEMO-75-VALIDEE', 'VALIDEE', '75'],
    ]);
    for (const r of rows) expect([r.numero, r.agrement, r.centre_site, r.centre_agrement]).toEqual([r.numero, 'ACCORDE', r.centre, r.centre]);
    const today = new Date().toISOString().slice(0, 10);
    const debut = Object.fromEntries(rows.map((r) => [r.numero, r.debut]));
    expect(debut['DEMO-69-VALIDEE'] < today && debut['DEMO-69-CONVOQUEE'] <= today && debut['DEMO-69-PREPA'] > today).toBe(true);
  });

  test('centre.lyon can declare the session in preparation (delay and coverage respected)', async () => {
    const s = await session('DEMO-69-PREPA');
    const r = await act('centre.lyon', s.document_id, 'declarer');
    try {
      expect([r.status, r.body.statut]).toEqual([200, 'DECLAREE']);
    } finally {
      await restore(s.id, `statut = 'EN_PREPARATION', date_declaration = NULL`);
    }
  });

  test('ud.rhone validates the declared session; ud.paris cannot reach it', async () => {
    const s = await session('DEMO-69-DECLAREE');
    expect((await act('ud.paris', s.document_id, 'valider')).status).toBe(404);
    const r = await act('ud.rhone', s.document_id, 'valider');
    try {
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ statut: 'VALIDEE', actions: expect.arrayContaining(['annuler']) });
    } finally {
      await restore(s.id, `statut = 'DECLAREE', date_validation = NULL`);
    }
  });

  test('the session with convocations sent: two candidates, a jury of two habilitated jurors, results can be entered', async () => {
    const s = await session('DEMO-69-CONVOQUEE');
    const inscriptions = await as('centre.lyon').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session: s.document_id }))}`);
    expect(inscriptions.body).toHaveLength(2);
    expect(inscriptions.body.every((i: { statut: string; dateConvocation: string }) => i.statut === 'INSCRIT' && i.dateConvocation)).toBe(true);
    const jury = await as('centre.lyon').get(`/api/ra/membres-jury?filter=${encodeURIComponent(JSON.stringify({ session: s.document_id }))}`);
    expect(jury.body.map((m: { habilite: boolean }) => m.habilite)).toEqual([true, true]);
    // an inscription without results yet: the grid saves (nothing written) and the session moves on
    const r = await act('centre.lyon', s.document_id, 'enregistrerResultats', { lignes: [] });
    try {
      expect([r.status, r.body.statut]).toEqual([200, 'RESULTATS_SAISIS']);
    } finally {
      await restore(s.id, `statut = 'CONVOCATIONS_ENVOYEES'`);
    }
  });

  test('the validated session: signed PV, decisions, and the candidates’ parcours list the results', async () => {
    const s = await session('DEMO-69-VALIDEE');
    const detail = await as('ud.rhone').get(`/api/ra/sessions/${s.document_id}`);
    expect(detail.body).toMatchObject({ statut: 'RESULTATS_VALIDES', pvNumero: 'PV-DEMO-69-VALIDEE', pv: { type: 'application/pdf' } });
    expect((await as('ud.rhone').get(`/api/ra/pieces/${detail.body.pv.id}`)).status).toBe(200);
    const inscriptions = (await as('ud.rhone').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session: s.document_id }))}`)).body as { candidat: string; decision: string; historiqueResultats: unknown[] }[];
    expect(inscriptions.map((i) => i.decision).sort()).toEqual(['REUSSITE_PARTIELLE', 'TITRE_OBTENU']);
    for (const i of inscriptions) {
      expect(i.historiqueResultats).toEqual([expect.objectContaining({ version: 1, decision: i.decision })]);
      const parcours = await as('centre.lyon').get(`/api/ra/parcours/${i.candidat}`);
      expect(parcours.status).toBe(200);
      const lignes = (parcours.body.historique as { type: string; resultat: string | null; session?: string | null }[]).filter((e) => e.session === s.document_id);
      expect(lignes.map((e) => e.type)).toEqual(expect.arrayContaining(['INSCRIPTION', 'PRESENCE', 'RESULTAT_CCP', 'RESULTAT_TITRE']));
      expect(lignes.find((e) => e.type === 'RESULTAT_TITRE')?.resultat).toBe(i.decision);
      const ccps = lignes.filter((e) => e.type === 'RESULTAT_CCP').map((e) => e.resultat);
      expect(ccps.length).toBeGreaterThan(1);
      if (i.decision === 'TITRE_OBTENU') expect(new Set(ccps)).toEqual(new Set(['ACQUIS']));
      else expect(new Set(ccps)).toEqual(new Set(['ACQUIS', 'NON_ACQUIS']));
    }
  });

  test('the cancelled session keeps its reason; the Paris session has its candidate', async () => {
    const annulee = await session('DEMO-69-ANNULEE');
    expect((await as('centre.lyon').get(`/api/ra/sessions/${annulee.document_id}`)).body).toMatchObject({ statut: 'ANNULEE', statutAvantAnnulation: 'VALIDEE', motifAnnulation: expect.stringMatching(/.{10,}/) });
    const paris = await session('DEMO-75-VALIDEE');
    const inscriptions = await as('centre.paris').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session: paris.document_id }))}`);
    expect(inscriptions.body).toHaveLength(1);
  });
});
