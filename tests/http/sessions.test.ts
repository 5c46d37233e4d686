/**
 * Exam sessions over HTTP (issue 7): a whole session driven by the profiles who act on it, each action
 * one call answering the new state or a refusal naming the rule; forbidden transitions per profile;
 * a transition failing halfway writes nothing; unlock → correct → re-validate keeps the former results
 * in the history and the candidate's parcours.
 *
 * Fixtures the session workflow only reads (titre, CCPs, agrément, candidates, jurors, habilitations)
 * are inserted in SQL so that this suite depends on those tables, not on their owners' forms.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { joindre } from '../support/pieces';
import { createSessionFixtures, inDays, insert, link, removeSessionFixtures, sessionTitre, startToday, type SessionFixtures } from '../support/sessions-fixtures';

jest.setTimeout(60_000);

type Client = ReturnType<typeof api>;
const users: Record<string, Client> = {};
const as = (username: string) => users[username];
const TODAY = inDays(0);

// like Strapi's: starts with a letter (a documentId starting with digits is taken for a numeric id by Strapi)
let fx: SessionFixtures;

beforeAll(async () => {
  for (const u of ['centre.lyon', 'centre.paris', 'ud.rhone', 'ud.paris', 'dreets.ara', 'afpa.dte', 'lecture', 'admin.national']) users[u] = api(await login(u));
  fx = await createSessionFixtures();
}, 60_000);

afterAll(() => removeSessionFixtures(fx), 60_000);

const newSessionRaw = (patch: Record<string, unknown> = {}) =>
  as('centre.lyon').post('/api/ra/sessions', sessionTitre(fx, patch));
const newSession = async (patch: Record<string, unknown> = {}) => {
  const created = await newSessionRaw({ lieu: 'Lyon', ...patch });
  expect(created.status).toBe(201);
  return created.body as { id: string; numero: string; statut: string };
};
const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}) => as(user).post(`/api/ra/sessions/${id}/${action}`, body);
const ok = async (user: string, id: string, action: string, body: Record<string, unknown> = {}) => {
  const r = await act(user, id, action, body);
  if (r.status !== 200) throw new Error(`${action} par ${user} : ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
/** the session as the database holds it, its registrations and the trace rows of the session */
const snapshot = async (id: string) => ({
  session: (await sql(`SELECT * FROM sessions WHERE document_id = $1`, [id]))[0],
  inscriptions: await sql(`SELECT i.* FROM inscriptions i JOIN inscriptions_session_lnk l ON l.inscription_id = i.id JOIN sessions s ON s.id = l.session_id WHERE s.document_id = $1 ORDER BY i.id`, [id]),
  jury: await sql(`SELECT m.* FROM membres_jury m JOIN membres_jury_session_lnk l ON l.membre_jury_id = m.id JOIN sessions s ON s.id = l.session_id WHERE s.document_id = $1 ORDER BY m.id`, [id]),
  traces: Number((await sql(`SELECT count(*)::int AS n FROM ceres_trace`))[0].n),
});

describe('a whole session, from creation to validated results, then unlock → correct → re-validate', () => {
  let s: { id: string; numero: string };
  let inscriptions: { id: string }[] = [];

  test('the centre creates it in preparation, numbered; its département is filled from the centre', async () => {
    s = await newSession();
    expect(s).toMatchObject({ statut: 'EN_PREPARATION', centre: fx.centreLyon, titre: fx.titre.documentId });
    expect(s.numero).toMatch(/^S\d{4}-\d{6}$/);
    const [row] = await sql(`SELECT d.code FROM sessions_departement_lnk l JOIN departements d ON d.id = l.departement_id JOIN sessions s ON s.id = l.session_id WHERE s.document_id = $1`, [s.id]);
    expect(row?.code).toBe('69');
  });

  test('v1.8 délais de programmation: declaring a session starting too soon is refused with the rule named', async () => {
    const soon = await newSession({ dateDebut: inDays(10), dateFin: inDays(11) });
    const r = await act('centre.lyon', soon.id, 'declarer');
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ field: 'dateDebut', details: { rule: 'DELAI_PROGRAMMATION' } });
    expect(r.body.error.message).toMatch(/au moins 60 jours avant son début/);
    expect((await snapshot(soon.id)).session.statut).toBe('EN_PREPARATION');
  });

  test('the centre declares; UD of another département does not see it; the UD of the Rhône validates', async () => {
    expect(await ok('centre.lyon', s.id, 'declarer')).toMatchObject({ statut: 'DECLAREE', actions: expect.arrayContaining(['annuler', 'inscrire']) });
    expect((await act('ud.paris', s.id, 'valider')).status).toBe(404);
    expect((await act('centre.lyon', s.id, 'valider')).status).toBe(403);
    expect(await ok('ud.rhone', s.id, 'valider')).toMatchObject({ statut: 'VALIDEE' });
  });

  test('the centre registers two candidates; a second registration of the same candidate is refused', async () => {
    for (const c of fx.candidats) await ok('centre.lyon', s.id, 'inscrire', { candidat: c.documentId, voieAcces: 'FORMATION_CONTINUE' });
    const again = await act('centre.lyon', s.id, 'inscrire', { candidat: fx.candidats[0].documentId, voieAcces: 'VAE' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.rule).toBe('DEJA_INSCRIT');
    const list = await as('centre.lyon').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session: s.id }))}`);
    expect(list.body).toHaveLength(2);
    inscriptions = list.body;
  });

  test('v1.8 commentaire de commande: the centre orders the DTE with a comment; AFPA ships it', async () => {
    expect(await ok('centre.lyon', s.id, 'commanderDte', { commentaire: 'Livraison au plateau B, merci' })).toMatchObject({ statut: 'DTE_COMMANDE', commentaireDte: 'Livraison au plateau B, merci' });
    expect((await act('centre.lyon', s.id, 'expedierDte')).status).toBe(403);
    expect(await ok('afpa.dte', s.id, 'expedierDte')).toMatchObject({ statut: 'DTE_EXPEDIE', dateExpeditionDte: TODAY });
  });

  test('the jury: habilitated jurors (active over the session dates) are added, a juror without habilitation is refused', async () => {
    for (const j of fx.jures.slice(0, 2)) await ok('centre.lyon', s.id, 'ajouterJure', { jure: j.documentId });
    const refused = await act('centre.lyon', s.id, 'ajouterJure', { jure: fx.nonHabilite.documentId });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rule).toBe('JURE_NON_HABILITE');
  });

  test('convocations close registrations (v1.7.1)', async () => {
    expect(await ok('centre.lyon', s.id, 'envoyerConvocations')).toMatchObject({ statut: 'CONVOCATIONS_ENVOYEES' });
    const late = await act('centre.lyon', s.id, 'desinscrire', { inscription: inscriptions[0].id, motif: 'raison' });
    expect(late.status).toBe(409);
    expect(late.body.error.details.rule).toBe('DESINSCRIPTION_CLOSE');
  });

  test('results are entered in a grid; finalisation lists what is missing, then passes', async () => {
    const early = await act('centre.lyon', s.id, 'enregistrerResultats', { lignes: [] });
    expect(early.body.error.details.rule).toBe('SESSION_NON_COMMENCEE');
    await startToday(s.id);
    const [c1, c2] = fx.ccps.map((c) => c.documentId);
    expect(
      await ok('centre.lyon', s.id, 'enregistrerResultats', {
        lignes: [{ inscription: inscriptions[0].id, presence: 'PRESENT', resultatsCcp: { [c1]: 'ACQUIS', [c2]: 'ACQUIS' }, entretienFinal: true, decision: 'TITRE_OBTENU' }],
      }),
    ).toMatchObject({ statut: 'RESULTATS_SAISIS' });
    const incomplete = await act('centre.lyon', s.id, 'finaliser');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['JURY_INCOMPLET', 'PRESENCE_MANQUANTE', 'PV_MANQUANT']);
    // v1.7.1: « absent justifié » needs its document; v1.7: the signed PV is an uploaded file (plugins/sessions services/pieces.ts)
    const sansPiece = await act('centre.lyon', s.id, 'enregistrerResultats', { lignes: [{ inscription: inscriptions[1].id, presence: 'ABSENT_JUSTIFIE', decision: 'ABSENT' }] });
    expect({ status: sansPiece.status, rule: sansPiece.body.error.details?.rule, field: sansPiece.body.error.field }).toEqual({ status: 422, rule: 'JUSTIFICATIF_ABSENCE', field: 'lignes[0].pieceAbsence' });
    expect((await joindre('centre.lyon', `inscriptions/${inscriptions[1].id}/joindreJustificatifAbsence`, 'justificatif')).status).toBe(200);
    expect((await joindre('centre.lyon', `sessions/${s.id}/joindrePv`, 'pv')).status).toBe(200);
    await ok('centre.lyon', s.id, 'enregistrerResultats', {
      lignes: [{ inscription: inscriptions[1].id, presence: 'ABSENT_JUSTIFIE', justificatifAbsence: 'Certificat médical n° 12', decision: 'ABSENT' }],
      jury: fx.jures.slice(0, 2).map((j) => ({ jure: j.documentId, present: true })),
      pvNumero: 'PV-69-0001',
    });
    // the habilitation of a present juror is suspended after the jury was composed: finalisation rechecks it
    const habilitationOf = `SELECT habilitation_id FROM habilitations_jure_lnk WHERE jure_id = $1`;
    await sql(`UPDATE habilitations SET statut = 'SUSPENDUE' WHERE id IN (${habilitationOf})`, [fx.jures[0].id]);
    const suspended = await act('centre.lyon', s.id, 'finaliser');
    expect(suspended.status).toBe(422);
    expect(suspended.body.error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['HABILITATION_NON_ACTIVE', 'JURY_INCOMPLET']);
    expect(suspended.body.error.message).toMatch(new RegExp(`le juré JURÉ-UN${fx.suffix} Test n'a plus d'habilitation active`));
    expect((await snapshot(s.id)).session.statut).toBe('RESULTATS_SAISIS');
    await sql(`UPDATE habilitations SET statut = 'ACTIVE' WHERE id IN (${habilitationOf})`, [fx.jures[0].id]);
    expect(await ok('centre.lyon', s.id, 'finaliser')).toMatchObject({ statut: 'FINALISEE' });
  });

  test('transmitted: the responsable and the jury are frozen (v1.7)', async () => {
    expect(await ok('centre.lyon', s.id, 'transmettre')).toMatchObject({ statut: 'RESULTATS_TRANSMIS' });
    const edit = await as('centre.lyon').put(`/api/ra/sessions/${s.id}`, { responsableSession: 'M. Autre' });
    expect(edit.status).toBe(400);
    expect(edit.body.error).toMatchObject({ field: 'responsableSession' });
    const juror = await act('centre.lyon', s.id, 'ajouterJure', { jure: fx.jures[2].documentId });
    expect(juror.status).toBe(409);
    expect(juror.body.error.details.rule).toBe('JURY_FIGE');
  });

  test('the UD validates the results: the candidates’ parcours record them; no DTE order any more (v1.7)', async () => {
    expect(await ok('ud.rhone', s.id, 'validerResultats')).toMatchObject({ statut: 'RESULTATS_VALIDES' });
    const events = await sql(
      `SELECT e.type, e.resultat FROM evenements_parcours e JOIN evenements_parcours_candidat_lnk l ON l.evenement_parcours_id = e.id WHERE l.candidat_id = $1 ORDER BY e.id`,
      [fx.candidats[0].id],
    );
    expect(events.map((e) => `${e.type}:${e.resultat ?? ''}`)).toEqual(['INSCRIPTION:', 'PRESENCE:PRESENT', 'RESULTAT_CCP:ACQUIS', 'RESULTAT_CCP:ACQUIS', 'RESULTAT_TITRE:TITRE_OBTENU']);
    const dte = await act('centre.lyon', s.id, 'commanderDte');
    expect(dte.status).toBe(409);
    expect(dte.body.error.details.rule).toBe('DTE_APRES_VALIDATION');
  });

  test('v1.7 processus de déblocage (DIRECCTE) + v1.7.1 résultats modifiés dans une session débloquée pris en compte sur la fiche candidat: the DREETS unlocks with a reason and the entretien final checkbox; the centre corrects; re-finalise, re-transmit, re-validate', async () => {
    const noBox = await act('dreets.ara', s.id, 'deverrouiller', { motif: 'Erreur sur le CCP 2' });
    expect(noBox.status).toBe(422);
    expect(noBox.body.error.details.rule).toBe('ENTRETIEN_FINAL_DEVERROUILLAGE');
    expect(await ok('dreets.ara', s.id, 'deverrouiller', { motif: 'Erreur sur le CCP 2', entretienFinal: true })).toMatchObject({
      statut: 'DEVERROUILLEE',
      motifDeverrouillage: 'Erreur sur le CCP 2',
      entretienFinalDeverrouillage: true,
    });
    const [c1, c2] = fx.ccps.map((c) => c.documentId);
    await ok('centre.lyon', s.id, 'enregistrerResultats', {
      lignes: [{ inscription: inscriptions[0].id, resultatsCcp: { [c1]: 'ACQUIS', [c2]: 'NON_ACQUIS' }, decision: 'REUSSITE_PARTIELLE' }],
    });
    // the per-candidate entretien final survived the unlock
    expect((await snapshot(s.id)).inscriptions[0].entretien_final).toBe(true);
    await ok('centre.lyon', s.id, 'finaliser');
    await ok('centre.lyon', s.id, 'transmettre');
    expect(await ok('ud.rhone', s.id, 'validerResultats')).toMatchObject({ statut: 'RESULTATS_VALIDES' });

    const [inscription] = (await snapshot(s.id)).inscriptions;
    expect(inscription.historique_resultats.map((h: { decision: string }) => h.decision)).toEqual(['TITRE_OBTENU', 'REUSSITE_PARTIELLE']);
    const corrected = await sql(
      `SELECT e.type, e.resultat, (SELECT r.resultat FROM evenements_parcours r JOIN evenements_parcours_remplace_lnk rl ON rl.inv_evenement_parcours_id = r.id WHERE rl.evenement_parcours_id = e.id) AS remplace
         FROM evenements_parcours e JOIN evenements_parcours_candidat_lnk l ON l.evenement_parcours_id = e.id
        WHERE l.candidat_id = $1 AND e.type IN ('RESULTAT_CCP', 'RESULTAT_TITRE') ORDER BY e.id`,
      [fx.candidats[0].id],
    );
    expect(corrected.slice(-2)).toEqual([
      { type: 'RESULTAT_CCP', resultat: 'NON_ACQUIS', remplace: 'ACQUIS' },
      { type: 'RESULTAT_TITRE', resultat: 'REUSSITE_PARTIELLE', remplace: 'TITRE_OBTENU' },
    ]);
  });

  test('the UD closes it; one trace row per action', async () => {
    expect(await ok('ud.rhone', s.id, 'cloturer')).toMatchObject({ statut: 'CLOTUREE' });
    const traces = await sql(`SELECT action FROM ceres_trace WHERE resource = 'sessions' AND document_id = $1 ORDER BY id`, [s.id]);
    expect(traces.map((t) => t.action)).toEqual([
      'create',
      'declarer',
      'valider',
      'inscrire',
      'inscrire',
      'commanderDte',
      'expedierDte',
      'ajouterJure',
      'ajouterJure',
      'envoyerConvocations',
      'enregistrerResultats',
      'joindrePv',
      'enregistrerResultats',
      'finaliser',
      'transmettre',
      'validerResultats',
      'deverrouiller',
      'enregistrerResultats',
      'finaliser',
      'transmettre',
      'validerResultats',
      'cloturer',
    ]);
  });
});

describe('refusals', () => {
  test('a transition failing halfway writes nothing (results grid: first line valid, second invalid)', async () => {
    const s = await newSession();
    await ok('centre.lyon', s.id, 'declarer');
    await ok('ud.rhone', s.id, 'valider');
    await ok('centre.lyon', s.id, 'inscrire', { candidat: fx.candidats[0].documentId, voieAcces: 'VAE' });
    await ok('centre.lyon', s.id, 'commanderDte');
    await ok('afpa.dte', s.id, 'expedierDte');
    await ok('centre.lyon', s.id, 'envoyerConvocations');
    await startToday(s.id);
    const [inscription] = (await snapshot(s.id)).inscriptions;
    const before = await snapshot(s.id);
    const r = await act('centre.lyon', s.id, 'enregistrerResultats', {
      lignes: [
        { inscription: inscription.document_id, presence: 'PRESENT', entretienFinal: true },
        { inscription: inscription.document_id, presence: 'PEUT_ETRE' },
      ],
      pvNumero: 'PV-X',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'lignes[1].presence' });
    expect(await snapshot(s.id)).toEqual(before);
  });

  test('forbidden transitions per profile: 403 for the wrong profile, 404 outside the territory, 409 in the wrong state', async () => {
    const s = await newSession();
    const expectations: [string, string, number][] = [
      ['ud.rhone', 'declarer', 403],
      ['afpa.dte', 'declarer', 403],
      ['lecture', 'declarer', 403],
      ['dreets.ara', 'valider', 403],
      ['centre.paris', 'declarer', 404],
      ['ud.paris', 'annuler', 404],
      ['centre.lyon', 'valider', 403],
      ['ud.rhone', 'valider', 409],
      ['centre.lyon', 'transmettre', 409],
      ['dreets.ara', 'deverrouiller', 409],
    ];
    const before = await snapshot(s.id);
    for (const [user, action, status] of expectations) {
      const r = await act(user, s.id, action, action === 'annuler' ? { motif: 'essai' } : action === 'deverrouiller' ? { motif: 'essai', entretienFinal: true } : {});
      expect([user, action, r.status]).toEqual([user, action, status]);
      expect(typeof r.body.error.message).toBe('string');
    }
    expect(await snapshot(s.id)).toEqual(before);
  });

  test('v1.7 annulation - null: cancelling needs a reason, the answer says why, and the reason is kept', async () => {
    const s = await newSession();
    const noReason = await act('centre.lyon', s.id, 'annuler', {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toBe("Le motif d'annulation est obligatoire (3 caractères au moins).");
    const cancelled = await ok('centre.lyon', s.id, 'annuler', { motif: 'Plateau technique indisponible' });
    expect(cancelled).toMatchObject({ statut: 'ANNULEE', motifAnnulation: 'Plateau technique indisponible', statutAvantAnnulation: 'EN_PREPARATION', actions: [] });
    expect(JSON.stringify(cancelled)).not.toMatch(/null"?\s*$/);
  });

  test('v1.7.1: convocations need a registered candidate; an unregistered one does not count', async () => {
    const s = await newSession();
    await ok('centre.lyon', s.id, 'declarer');
    await ok('ud.rhone', s.id, 'valider');
    await ok('centre.lyon', s.id, 'inscrire', { candidat: fx.candidats[1].documentId, voieAcces: 'VAE' });
    const [inscription] = (await snapshot(s.id)).inscriptions;
    const noReason = await act('centre.lyon', s.id, 'desinscrire', { inscription: inscription.document_id });
    expect(noReason.body.error.details.rule).toBe('MOTIF_OBLIGATOIRE');
    await ok('centre.lyon', s.id, 'desinscrire', { inscription: inscription.document_id, motif: 'Abandon de formation' });
    await ok('centre.lyon', s.id, 'commanderDte');
    await ok('afpa.dte', s.id, 'expedierDte');
    const r = await act('centre.lyon', s.id, 'envoyerConvocations');
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ message: 'Convocations impossibles : aucun candidat n’est inscrit à la session.', details: { rule: 'CONVOCATION_SANS_CANDIDAT' } });
  });

  test('identity fields are frozen once declared; workflow fields cannot be written by an edit', async () => {
    const s = await newSession();
    const sneaky = await as('centre.lyon').put(`/api/ra/sessions/${s.id}`, { statut: 'RESULTATS_VALIDES', lieu: 'Villeurbanne' });
    expect(sneaky.status).toBe(200);
    expect(sneaky.body).toMatchObject({ statut: 'EN_PREPARATION', lieu: 'Villeurbanne' });
    await ok('centre.lyon', s.id, 'declarer');
    const moved = await as('centre.lyon').put(`/api/ra/sessions/${s.id}`, { dateDebut: inDays(91) });
    expect(moved.status).toBe(400);
    expect(moved.body.error.field).toBe('dateDebut');
  });
});

describe('issue 7 §2: site and agrément of the session', () => {
  test('the session names a site of its centre and the agrément covering it; the page returns both', async () => {
    const s = await newSession();
    expect(s).toMatchObject({ site: fx.site.documentId, agrement: fx.agrement.documentId, autorisationTemporaire: null });
  });

  test('a site of another centre, or an agrément of another title / not covering the dates, is refused with the field named', async () => {
    // a centre user reaches only its own sites: another centre's site is out of its perimeter
    const [paris] = await sql(`SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret <> '91234567500017' ORDER BY s.id LIMIT 1`);
    const foreign = await newSessionRaw({ site: paris.document_id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ field: 'site' });
    const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
    const ferme = await insert('sites', { nom: `Site fermé ${fx.suffix}`, actif: false });
    await link('sites_centre_lnk', 'site_id', ferme.id, 'centre_id', lyon.id);
    const inactive = await newSessionRaw({ site: ferme.documentId });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error).toMatchObject({ field: 'site', message: `Le site « Site fermé ${fx.suffix} » est inactif : choisissez un site actif du centre.` });

    const [autre] = await sql(`SELECT a.document_id FROM agrements a JOIN agrements_centre_lnk l ON l.agrement_id = a.id JOIN centres c ON c.id = l.centre_id JOIN agrements_titre_lnk t ON t.agrement_id = a.id WHERE c.siret = '91234567500017' AND t.titre_id <> $1 ORDER BY a.id LIMIT 1`, [fx.titre.id]);
    const otherTitle = await newSessionRaw({ agrement: autre.document_id });
    expect(otherTitle.status).toBe(400);
    expect(otherTitle.body.error).toMatchObject({ field: 'agrement', message: 'Cet agrément ne porte pas sur le titre de la session.' });

    const tooLate = await newSessionRaw({ dateDebut: '2035-12-30', dateFin: '2036-01-02' });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error.message).toBe("L'agrément (valide du 01/01/2020 au 31/12/2035) ne couvre pas toute la session (du 30/12/2035 au 02/01/2036).");
  });

  test('declaring needs the site and the agrément; an agrément withdrawn since it was chosen blocks the declaration', async () => {
    const bare = await newSession({ site: null, agrement: null });
    const noSite = await act('centre.lyon', bare.id, 'declarer');
    expect(noSite.status).toBe(422);
    expect(noSite.body.error).toMatchObject({ field: 'site', details: { rule: 'SITE_SESSION' } });
    await as('centre.lyon').put(`/api/ra/sessions/${bare.id}`, { site: fx.site.documentId });
    const noAgrement = await act('centre.lyon', bare.id, 'declarer');
    expect(noAgrement.body.error).toMatchObject({ field: 'agrement', details: { rule: 'AGREMENT' } });

    const agrement = await insert('agrements', { date_debut: '2020-01-01', date_fin: '2035-12-31', statut: 'ACCORDE' });
    const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
    await link('agrements_centre_lnk', 'agrement_id', agrement.id, 'centre_id', lyon.id);
    await link('agrements_titre_lnk', 'agrement_id', agrement.id, 'titre_id', fx.titre.id);
    const s = await newSession({ agrement: agrement.documentId });
    await sql(`UPDATE agrements SET statut = 'RETIRE' WHERE id = $1`, [agrement.id]);
    const withdrawn = await act('centre.lyon', s.id, 'declarer');
    expect(withdrawn.status).toBe(422);
    expect(withdrawn.body.error).toMatchObject({ field: 'agrement', message: "Cet agrément n'est pas accordé (statut : retiré).", details: { rule: 'AGREMENT' } });
    expect((await snapshot(s.id)).session.statut).toBe('EN_PREPARATION');
  });
});

describe("issue 7 §2: a juror with a declared link to a candidate's centre or employer is flagged", () => {
  const membres = async (id: string) =>
    (await as('centre.lyon').get(`/api/ra/membres-jury?filter=${encodeURIComponent(JSON.stringify({ session: id }))}`)).body as { jure: string; lienSignale: boolean; lienDetail: string | null }[];

  test("the candidate's employer is checked with the SIRET rule", async () => {
    const s = await newSession();
    // born in Lyon (a complete identity: the candidate's other rules pass, the employer is judged)
    const candidat = await insert('candidats', { nom_naissance: `SIRETTEST${fx.suffix}`, prenoms: ['Fanny'], sexe: 'F', date_naissance: '1987-07-07', commune_naissance_code: '69123', commune_naissance_libelle: 'Lyon' });
    fx.candidats.push(candidat);
    await ok('centre.lyon', s.id, 'inscrire', { candidat: candidat.documentId, voieAcces: 'VAE' });
    const bad = await as('centre.lyon').put(`/api/ra/candidats/${candidat.documentId}`, { employeur: 'Boulangerie Martin', employeurSiret: '73282932000075' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'employeurSiret', message: "SIRET de l'employeur : Le SIRET est invalide : sa clé de contrôle ne correspond pas." });
    const good = await as('centre.lyon').put(`/api/ra/candidats/${candidat.documentId}`, { employeur: 'Boulangerie Martin', employeurSiret: '73282932000074' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ employeur: 'Boulangerie Martin', employeurSiret: '73282932000074' });
  });

  test('a link declared with the employer is flagged on the jury tab; unregistering the candidate clears it', async () => {
    const s = await newSession();
    const candidat = await insert('candidats', { nom_naissance: `LIENTEST${fx.suffix}`, prenoms: ['Denis'], sexe: 'M', date_naissance: '1985-05-05', employeur: 'Boulangerie Martin & Fils', employeur_siret: '73282932000074' });
    fx.candidats.push(candidat);
    const [lie, neutre] = [fx.jures[2], fx.jures[1]];
    // another establishment of the same company (same SIREN)
    await sql(`UPDATE jures SET entreprises_liees = $2 WHERE id = $1`, [lie.id, JSON.stringify([{ raisonSociale: 'Martin SA', siret: '73282932000082' }])]);
    try {
      await ok('centre.lyon', s.id, 'ajouterJure', { jure: lie.documentId });
      await ok('centre.lyon', s.id, 'ajouterJure', { jure: neutre.documentId });
      expect((await membres(s.id)).map((m) => m.lienSignale)).toEqual([false, false]);
      await ok('centre.lyon', s.id, 'inscrire', { candidat: candidat.documentId, voieAcces: 'VAE' });
      expect(await membres(s.id)).toEqual([
        expect.objectContaining({ jure: lie.documentId, lienSignale: true, lienDetail: `Lien déclaré avec l'employeur de LIENTEST${fx.suffix} Denis (Boulangerie Martin & Fils)` }),
        expect.objectContaining({ jure: neutre.documentId, lienSignale: false, lienDetail: null }),
      ]);
      const [inscription] = (await snapshot(s.id)).inscriptions;
      await ok('centre.lyon', s.id, 'desinscrire', { inscription: inscription.document_id, motif: 'Changement de session' });
      expect((await membres(s.id)).map((m) => m.lienSignale)).toEqual([false, false]);
    } finally {
      await sql(`UPDATE jures SET entreprises_liees = NULL WHERE id = $1`, [lie.id]);
    }
  });

  test("the juror's own employer being the candidate's is flagged too (same company)", async () => {
    const s = await newSession();
    const candidat = await insert('candidats', { nom_naissance: `LIENTEST${fx.suffix}`, prenoms: ['Emma'], sexe: 'F', date_naissance: '1986-06-06', employeur: 'Garage Dupont' });
    fx.candidats.push(candidat);
    await sql(`UPDATE jures SET employeur = 'GARAGE DUPONT' WHERE id = $1`, [fx.jures[2].id]);
    try {
      await ok('centre.lyon', s.id, 'inscrire', { candidat: candidat.documentId, voieAcces: 'VAE' });
      await ok('centre.lyon', s.id, 'ajouterJure', { jure: fx.jures[2].documentId });
      expect(await membres(s.id)).toEqual([expect.objectContaining({ lienSignale: true, lienDetail: `Même employeur que LIENTEST${fx.suffix} Emma (Garage Dupont)` })]);
    } finally {
      await sql(`UPDATE jures SET employeur = NULL WHERE id = $1`, [fx.jures[2].id]);
    }
  });
});

describe('2008 règlement: convocation deadlines', () => {
  test('convocations of a session titre starting in less than a month are refused, the rule and the dates named', async () => {
    const s = await newSession();
    await ok('centre.lyon', s.id, 'declarer');
    await ok('ud.rhone', s.id, 'valider');
    const candidat = await insert('candidats', { nom_naissance: `CONVOCTEST${fx.suffix}`, prenoms: ['Chloé'], sexe: 'F', date_naissance: '1992-02-02' });
    fx.candidats.push(candidat); // cleaned up with the others
    await ok('centre.lyon', s.id, 'inscrire', { candidat: candidat.documentId, voieAcces: 'VAE' });
    await ok('centre.lyon', s.id, 'commanderDte');
    await ok('afpa.dte', s.id, 'expedierDte');
    // time passes: the session now starts in 20 days
    const debut = inDays(20);
    await sql(`UPDATE sessions SET date_debut = $2, date_fin = $2 WHERE document_id = $1`, [s.id, debut]);
    const late = await act('centre.lyon', s.id, 'envoyerConvocations');
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ field: 'dateDebut', details: { rule: 'DELAI_CONVOCATION' } });
    const fr = (iso: string) => iso.split('-').reverse().join('/');
    expect(late.body.error.message).toContain(`au moins 1 mois avant son début ; la session commence le ${fr(debut)}`);
    expect(late.body.error.message).toMatch(/devaient partir au plus tard le \d{2}\/\d{2}\/\d{4}\.$/);
    expect((await snapshot(s.id)).session.statut).toBe('DTE_EXPEDIE');
    // 40 days ahead: in time
    await sql(`UPDATE sessions SET date_debut = $2, date_fin = $2 WHERE document_id = $1`, [s.id, inDays(40)]);
    expect(await ok('centre.lyon', s.id, 'envoyerConvocations')).toMatchObject({ statut: 'CONVOCATIONS_ENVOYEES' });
  });
});

describe('issue 7 §3: a session CCS requires the title already obtained, read from the candidate’s parcours', () => {
  const evenement = async (candidat: number, row: { type: string; resultat: string; titre?: number; ccp?: number }) => {
    const e = await insert('evenements_parcours', { type: row.type, date: '2024-06-01', resultat: row.resultat, libelle: 'test CCS' });
    await link('evenements_parcours_candidat_lnk', 'evenement_parcours_id', e.id, 'candidat_id', candidat);
    if (row.titre) await link('evenements_parcours_titre_lnk', 'evenement_parcours_id', e.id, 'titre_id', row.titre);
    if (row.ccp) await link('evenements_parcours_ccp_lnk', 'evenement_parcours_id', e.id, 'ccp_id', row.ccp);
  };
  const candidat = async (prenom: string) => {
    const c = await insert('candidats', { nom_naissance: `CCSTEST${fx.suffix}`, prenoms: [prenom], sexe: 'F', date_naissance: '1980-03-03' });
    fx.candidats.push(c);
    return c;
  };

  let ccs: { id: number; documentId: string };
  let agrement: { id: number; documentId: string };
  beforeAll(async () => {
    const [lyon] = await sql(`SELECT id FROM centres WHERE siret = '91234567500017'`);
    ccs = await insert('ccss', { code: `CCS-T${fx.suffix}`, intitule: 'CCS de test sessions' });
    await link('ccss_titre_lnk', 'ccs_id', ccs.id, 'titre_id', fx.titre.id);
    agrement = await insert('agrements', { date_debut: '2020-01-01', date_fin: '2035-12-31', statut: 'ACCORDE' });
    await link('agrements_centre_lnk', 'agrement_id', agrement.id, 'centre_id', lyon.id);
    await link('agrements_ccs_lnk', 'agrement_id', agrement.id, 'ccs_id', ccs.id);
  });

  test('v1.7 habilitation jury pour CCS: a session CCS takes jurors habilitated for that CCS, not for the title only', async () => {
    const s = await newSession({ type: 'CCS', ccs: ccs.documentId, agrement: agrement.documentId });
    const refused = await act('centre.lyon', s.id, 'ajouterJure', { jure: fx.jures[0].documentId });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rule).toBe('JURE_NON_HABILITE');
    const habilitation = await insert('habilitations', { date_debut: '2020-01-01', date_fin: '2035-12-31', statut: 'ACTIVE' });
    await link('habilitations_jure_lnk', 'habilitation_id', habilitation.id, 'jure_id', fx.nonHabilite.id);
    await link('habilitations_ccs_lnk', 'habilitation_id', habilitation.id, 'ccs_id', ccs.id);
    await ok('centre.lyon', s.id, 'ajouterJure', { jure: fx.nonHabilite.documentId });
  });

  test('refused without the title; accepted with it by equivalence, by capitalisation of every CCP, or in another version of the title', async () => {
    const s = await newSession({ type: 'CCS', ccs: ccs.documentId, agrement: agrement.documentId });
    const inscrire = (c: { documentId: string }) => act('centre.lyon', s.id, 'inscrire', { candidat: c.documentId, voieAcces: 'FORMATION_CONTINUE' });

    const sans = await candidat('Sans');
    const refused = await inscrire(sans);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ field: 'candidat', details: { rule: 'CCS_SANS_TITRE' } });
    // one CCP only: not the title
    await evenement(sans.id, { type: 'RESULTAT_CCP', resultat: 'ACQUIS', titre: fx.titre.id, ccp: fx.ccps[0].id });
    expect((await inscrire(sans)).status).toBe(422);

    const equivalence = await candidat('Equivalence');
    await evenement(equivalence.id, { type: 'EQUIVALENCE', resultat: 'TITRE_OBTENU', titre: fx.titre.id });
    expect((await inscrire(equivalence)).status).toBe(200);

    const capitalisation = await candidat('Capitalisation');
    for (const ccp of fx.ccps) await evenement(capitalisation.id, { type: 'RESULTAT_CCP', resultat: 'ACQUIS', titre: fx.titre.id, ccp: ccp.id });
    expect((await inscrire(capitalisation)).status).toBe(200);

    const ancienne = await candidat('Ancienne');
    const [code] = await sql(`SELECT code FROM titres WHERE id = $1`, [fx.titre.id]);
    const v2019 = await insert('titres', { code: code.code, version: 2019, intitule: 'Version précédente du titre de test', type_certification: 'TITRE_PROFESSIONNEL', statut: 'ACTIF' });
    await evenement(ancienne.id, { type: 'RESULTAT_TITRE', resultat: 'TITRE_OBTENU', titre: v2019.id });
    expect((await inscrire(ancienne)).status).toBe(200);
  });
});

describe('eligibility over HTTP', () => {
  test('v1.6/v1.7.1: a 4th session of the same title within 12 months is refused; a justified absence frees a place', async () => {
    const candidat = fx.candidats[1].documentId;
    const sessions = [];
    for (const start of [90, 100, 110, 120]) sessions.push(await newSession({ dateDebut: inDays(start), dateFin: inDays(start) }));
    for (const s of sessions.slice(0, 3)) await ok('centre.lyon', s.id, 'inscrire', { candidat, voieAcces: 'PARCOURS_PROGRESSIF' });
    const fourth = await act('centre.lyon', sessions[3].id, 'inscrire', { candidat, voieAcces: 'PARCOURS_PROGRESSIF' });
    expect(fourth.status).toBe(422);
    expect(fourth.body.error).toMatchObject({ field: 'candidat', details: { rule: 'LIMITE_SESSIONS' } });
    expect(fourth.body.error.message).toMatch(/déjà 3 session\(s\) de ce titre/);
    // the first one turns out a justified absence (recorded in its results grid)
    await sql(
      `UPDATE inscriptions SET presence = 'ABSENT_JUSTIFIE', justificatif_absence = 'Arrêt maladie' WHERE id IN (
         SELECT il.inscription_id FROM inscriptions_session_lnk il JOIN sessions s ON s.id = il.session_id WHERE s.document_id = $1)`,
      [sessions[0].id],
    );
    await ok('centre.lyon', sessions[3].id, 'inscrire', { candidat, voieAcces: 'PARCOURS_PROGRESSIF' });
  });
});

describe('v1.7 contrôle inscription homonyme candidat', () => {
  test('a homonym of a registered candidate is refused until the centre confirms', async () => {
    const s = await newSession();
    await ok('centre.lyon', s.id, 'inscrire', { candidat: fx.candidats[0].documentId, voieAcces: 'VAE' });
    const [alice] = await sql(`SELECT nom_naissance, date_naissance::text AS date_naissance FROM candidats WHERE id = $1`, [fx.candidats[0].id]);
    const homonyme = await insert('candidats', { nom_naissance: alice.nom_naissance.toLowerCase(), prenoms: ['alice'], sexe: 'F', date_naissance: alice.date_naissance });
    fx.candidats.push(homonyme); // cleaned up with the others
    const refused = await act('centre.lyon', s.id, 'inscrire', { candidat: homonyme.documentId, voieAcces: 'VAE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ field: 'candidat', details: { rule: 'HOMONYME_INSCRIT', homonyme: fx.candidats[0].documentId } });
    await ok('centre.lyon', s.id, 'inscrire', { candidat: homonyme.documentId, voieAcces: 'VAE', confirmerHomonyme: true });
  });
});

describe('territory', () => {
  test('centre, UD and DREETS see the sessions of their centres, département, région; AFPA and national profiles all', async () => {
    const s = await newSession();
    const sees = async (user: string) => (await as(user).get(`/api/ra/sessions/${s.id}`)).status;
    expect(await sees('centre.lyon')).toBe(200);
    expect(await sees('ud.rhone')).toBe(200);
    expect(await sees('dreets.ara')).toBe(200);
    expect(await sees('afpa.dte')).toBe(200);
    expect(await sees('lecture')).toBe(200);
    expect(await sees('centre.paris')).toBe(404);
    expect(await sees('ud.paris')).toBe(404);
    const list = await as('ud.paris').get(`/api/ra/sessions?filter=${encodeURIComponent(JSON.stringify({ titre: fx.titre.documentId }))}`);
    expect(list.body).toEqual([]);
    const inscriptions = await as('centre.paris').get(`/api/ra/inscriptions?filter=${encodeURIComponent(JSON.stringify({ session: s.id }))}`);
    expect(inscriptions.status).toBe(200);
    expect(inscriptions.body).toEqual([]);
  });
});
