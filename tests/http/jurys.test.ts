/**
 * Jurors and habilitations over HTTP (plugins/jurys): the UD grants and runs the workflow, the seniority
 * rule refuses with its figures, nothing active on a closed title, renewal onto the successor title,
 * the centre reads its habilitated jurors but every action is refused (403), another UD gets 404.
 * Demo data: ud.rhone (69), ud.paris (75), centre.lyon (agrément ACCORDE on a demo title).
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';

type Api = ReturnType<typeof api>;
let admin: Api;
let rhone: Api;
let paris: Api;
let centre: Api;
let dep69: string;
let titreCentre: string;
/** the habilitation's end to send for the centre's demo title (none needed when the title has an end of validity) */
let finCentre: Record<string, string> = {};
let titreA: string;
let titreB: string;
const jures: string[] = [];

/** a failed setup call says why */
function expectStatus(response: { status: number; body: unknown }, status: number) {
  if (response.status !== status) throw new Error(`HTTP ${status} attendu, reçu ${response.status} : ${JSON.stringify(response.body)}`);
}

const inYears = (n: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
};
const today = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());

async function creerJure(nom: string, periodes: [string, string | null][], extra: Record<string, unknown> = {}) {
  const created = await rhone.post('/api/ra/jures', { nom, prenom: 'Test', metier: 'Développeur web', departement: dep69, telephone: '04 72 00 00 00', adresse: '1 rue de la République', codePostal: '69001', ...extra });
  expectStatus(created, 201);
  jures.push(created.body.id);
  for (const [dateDebut, dateFin] of periodes) {
    const periode = await rhone.post('/api/ra/periodes-experience', { jure: created.body.id, dateDebut, dateFin, employeur: 'Entreprise Test' });
    expectStatus(periode, 201);
  }
  return created.body.id as string;
}

async function creerTitre(code: string, extra: Record<string, unknown> = {}) {
  const created = await admin.post('/api/ra/titres', { code, version: 2024, intitule: `Titre de test ${code}`, typeCertification: 'TITRE_PROFESSIONNEL', niveau: 4, statut: 'ACTIF', dateDebutValidite: '2024-01-01', dateFinValidite: inYears(4), ...extra });
  expectStatus(created, 201);
  return created.body.id as string;
}

beforeAll(async () => {
  admin = api(await login('admin.national'));
  rhone = api(await login('ud.rhone'));
  paris = api(await login('ud.paris'));
  centre = api(await login('centre.lyon'));
  dep69 = (await admin.get('/api/ra/departements?filter={"code":"69"}')).body[0].id;
  const agrements = await centre.get('/api/ra/agrements?filter={"statut":"ACCORDE"}');
  const agrementTitre = (agrements.body as { titre: string | null }[]).find((a) => a.titre);
  if (!agrementTitre) throw new Error('centre.lyon has no agrément ACCORDE on a title in the demo data');
  titreCentre = agrementTitre.titre!;
  const titre = (await admin.get(`/api/ra/titres/${titreCentre}`)).body;
  finCentre = titre.dateFinValidite ? {} : { dateFin: inYears(2) };
  titreB = await creerTitre('TP-99802');
  titreA = await creerTitre('TP-99801', { successeur: titreB });
}, 60_000);

afterAll(async () => {
  await sql(`DELETE FROM habilitations WHERE id IN (SELECT habilitation_id FROM habilitations_jure_lnk l JOIN jures j ON j.id = l.jure_id WHERE j.document_id = ANY($1))`, [jures]);
  await sql(`DELETE FROM periodes_experience WHERE id IN (SELECT periode_experience_id FROM periodes_experience_jure_lnk l JOIN jures j ON j.id = l.jure_id WHERE j.document_id = ANY($1))`, [jures]);
  await sql(`DELETE FROM jures WHERE document_id = ANY($1)`, [jures]);
  await sql(`DELETE FROM titres WHERE code IN ('TP-99801', 'TP-99802', 'TP-99803', 'TP-99804')`);
}, 60_000);

describe('the UD grants habilitations', () => {
  let jure: string;
  let habilitation: string;

  beforeAll(async () => {
    jure = await creerJure('Zzjuré Senior', [
      ['2010-01-01', '2014-12-31'],
      ['2013-06-01', null],
    ]);
  }, 60_000);

  test('the juror record shows the computed seniority (overlapping periods counted once)', async () => {
    const response = await rhone.post(`/api/ra/jures/${jure}/anciennete`, { date: '2019-12-31' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ conforme: true, enActivite: true, experience: { annees: 10, mois: 0, jours: 0 }, regle: { anneesExperienceMinimum: 3, anneesDepuisDepartMaximum: 5 } });
    expect(response.body.resume).toBe("10 ans d'expérience au 31/12/2019, en activité dans le métier");
  });

  test('accorder creates an ACTIVE habilitation up to the title end of validity, with its history', async () => {
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreA, motif: 'Dossier complet' });
    expect(response.status).toBe(200);
    habilitation = response.body.id;
    expect(response.body).toMatchObject({ jure, titre: titreA, ccs: null, statut: 'ACTIVE', dateDebut: today(), dateFin: inYears(4), departement: dep69 });
    expect(response.body.historique).toHaveLength(1);
    expect(response.body.historique[0]).toMatchObject({ action: 'accorder', de: null, vers: 'ACTIVE', par: 'ud.rhone (UD)', motif: 'Dossier complet' });
    expect(response.body.ancienneteRetenue).toMatch(/d'expérience au .*en activité dans le métier/);
  });

  test('a second active habilitation on the same title is refused', async () => {
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreA });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/déjà une habilitation active/);
  });

  test('the end may not pass the title end of validity', async () => {
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreA, dateFin: '2199-12-31' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ field: 'dateFin' });
    expect(response.body.error.message).toMatch(/dépasse la fin de validité du titre/);
  });

  test('a body naming both a title and a CCS, or an unknown field, is a 400 naming the field', async () => {
    expect((await rhone.post(`/api/ra/jures/${jure}/accorder`, {})).body.error).toMatchObject({ status: 400, field: 'titre' });
    expect((await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreA, statut: 'ACTIVE' })).body.error).toMatchObject({ status: 400, field: 'statut' });
    expect((await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreA, dateDebut: '2025-02-30' })).body.error).toMatchObject({ status: 400, field: 'dateDebut' });
  });

  test('suspendre needs a motif; réactiver brings it back; the history grows', async () => {
    const sansMotif = await rhone.post(`/api/ra/habilitations/${habilitation}/suspendre`, {});
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.error.field).toBe('motif');
    const suspendue = await rhone.post(`/api/ra/habilitations/${habilitation}/suspendre`, { motif: 'Enquête en cours' });
    expect(suspendue.status).toBe(200);
    expect(suspendue.body.statut).toBe('SUSPENDUE');
    const active = await rhone.post(`/api/ra/habilitations/${habilitation}/reactiver`, {});
    expect(active.body.statut).toBe('ACTIVE');
    expect(active.body.historique.map((e: { action: string }) => e.action)).toEqual(['accorder', 'suspendre', 'reactiver']);
    // a state that does not allow the action: 409 with the reason
    const clore = await rhone.post(`/api/ra/habilitations/${habilitation}/clore`, {});
    expect(clore.status).toBe(409);
    expect(clore.body.error.message).toBe('Impossible de clore une habilitation active.');
  });

  test('the generic write cannot change the status or the dates', async () => {
    const response = await rhone.put(`/api/ra/habilitations/${habilitation}`, { statut: 'RETIREE', dateFin: '2099-01-01', observations: 'Juré très disponible' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statut: 'ACTIVE', dateFin: inYears(4), observations: 'Juré très disponible' });
    expect((await rhone.post('/api/ra/habilitations', { jure, titre: titreA, dateDebut: '2025-01-01', dateFin: '2026-01-01' })).status).toBe(403);
  });

  test('closed title: no active habilitation can be created, reactivation refused, renewal goes onto the successor', async () => {
    const suspendue = await rhone.post(`/api/ra/habilitations/${habilitation}/suspendre`, { motif: 'Suspension avant clôture' });
    expect(suspendue.status).toBe(200);
    expect((await admin.put(`/api/ra/titres/${titreA}`, { statut: 'CLOTURE' })).status).toBe(200);

    const etat = await rhone.post(`/api/ra/habilitations/${habilitation}/etat`, {});
    expect(etat.body).toMatchObject({ statut: 'SUSPENDUE', cibleClose: true, successeur: { id: titreB }, actions: ['renouveler', 'clore'] });

    const reactiver = await rhone.post(`/api/ra/habilitations/${habilitation}/reactiver`, {});
    expect(reactiver.status).toBe(409);
    expect(reactiver.body.error.message).toMatch(/est clôturé\. Seuls la consultation, la clôture et le renouvellement sur le titre successeur sont possibles/);

    const other = await creerJure('Zzjuré Autre', [['2000-01-01', null]]);
    const accorder = await rhone.post(`/api/ra/jures/${other}/accorder`, { titre: titreA });
    expect(accorder.status).toBe(422);
    expect(accorder.body.error).toMatchObject({ field: 'titre' });
    expect(accorder.body.error.message).toMatch(/TP-99801 \(2024\) est clôturé : aucune habilitation active/);

    const renouvelee = await rhone.post(`/api/ra/habilitations/${habilitation}/renouveler`, { motif: 'Nouveau titre' });
    expect(renouvelee.status).toBe(200);
    expect(renouvelee.body).toMatchObject({ titre: titreB, statut: 'ACTIVE', precedente: habilitation });
    const ancienne = await rhone.get(`/api/ra/habilitations/${habilitation}`);
    expect(ancienne.body.statut).toBe('CLOSE');
    expect(ancienne.body.historique.at(-1)).toMatchObject({ action: 'renouveler', vers: 'CLOSE', lien: renouvelee.body.id });
    const rows = await sql(`SELECT h.statut FROM habilitations h JOIN habilitations_titre_lnk l ON l.habilitation_id = h.id JOIN titres t ON t.id = l.titre_id WHERE t.code = 'TP-99801' AND h.statut = 'ACTIVE'`);
    expect(rows).toEqual([]);
  });
});

describe('habilitation on a CCS (v1.7.1)', () => {
  test('granted on the CCS alone, ending at the earliest end of validity of the CCS and its title', async () => {
    const titre = await creerTitre('TP-99804');
    const ccs = await admin.post('/api/ra/ccss', { code: 'CCS-ZZ-99804', intitule: 'CCS de test', titre, dateDebutValidite: '2024-01-01', dateFinValidite: inYears(2) });
    expectStatus(ccs, 201);
    const jure = await creerJure('Zzjuré CCS', [['2001-01-01', null]]);
    const granted = await rhone.post(`/api/ra/jures/${jure}/accorder`, { ccs: ccs.body.id });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ ccs: ccs.body.id, titre: null, statut: 'ACTIVE', dateFin: inYears(2) });
    // title and CCS at once is refused
    const both = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre, ccs: ccs.body.id });
    expect(both.body.error).toMatchObject({ status: 400, field: 'titre' });
    // a CCS has no successor: once its title closes, the habilitation can only be closed
    expect((await admin.put(`/api/ra/titres/${titre}`, { statut: 'CLOTURE' })).status).toBe(200);
    expect((await rhone.post(`/api/ra/habilitations/${granted.body.id}/etat`, {})).body).toMatchObject({ cibleClose: true, successeur: null, actions: ['clore'] });
    const again = await creerJure('Zzjuré CCS 2', [['2001-01-01', null]]);
    const refused = await rhone.post(`/api/ra/jures/${again}/accorder`, { ccs: ccs.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ field: 'ccs', message: 'Le CCS CCS-ZZ-99804 CCS de test est clôturé : aucune habilitation active ne peut y être accordée.' });
    await sql(`DELETE FROM habilitations WHERE id IN (SELECT habilitation_id FROM habilitations_ccs_lnk l JOIN ccss c ON c.id = l.ccs_id WHERE c.code = 'CCS-ZZ-99804')`);
    await sql(`DELETE FROM ccss WHERE code = 'CCS-ZZ-99804'`);
  });
});

describe('an ACTIVE habilitation on a title closed since (before the nightly sweep)', () => {
  test('its observations can still be edited, it can be closed, and reactivating nothing is offered', async () => {
    const titreC = await creerTitre('TP-99803');
    const jure = await creerJure('Zzjuré Clôture', [['2000-01-01', null]]);
    const granted = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreC });
    expect(granted.status).toBe(200);
    expect((await admin.put(`/api/ra/titres/${titreC}`, { statut: 'CLOTURE' })).status).toBe(200);
    const observations = await rhone.put(`/api/ra/habilitations/${granted.body.id}`, { observations: 'Titre clôturé, à clore' });
    expect(observations.status).toBe(200);
    expect((await rhone.post(`/api/ra/habilitations/${granted.body.id}/etat`, {})).body).toMatchObject({ statut: 'ACTIVE', cibleClose: true, successeur: null, actions: ['clore'] });
    expect((await rhone.post(`/api/ra/habilitations/${granted.body.id}/suspendre`, { motif: 'x' })).status).toBe(409);
    const close = await rhone.post(`/api/ra/habilitations/${granted.body.id}/clore`, { motif: 'Titre clôturé' });
    expect(close.status).toBe(200);
    expect(close.body.statut).toBe('CLOSE');
  });
});

describe('seniority rule', () => {
  test('too little experience: 422 naming the rule and the figures', async () => {
    const jure = await creerJure('Zzjuré Junior', [[inYears(-2), null]]);
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreCentre, ...finCentre });
    expect(response.status).toBe(422);
    expect(response.body.error.field).toBe('anciennete');
    expect(response.body.error.message).toMatch(/^Refus au titre du critère d'ancienneté des jurés \(3 ans au moins dans le métier, départ du métier depuis 5 ans au plus\) : 3 ans d'expérience dans le métier au moins sont exigés, le juré en totalise 2 ans/);
  });

  test('retired more than 5 years ago: refused with the departure date', async () => {
    const jure = await creerJure('Zzjuré Retraité', [['1980-01-01', null]], { retraite: true, dateRetraite: '2015-06-30' });
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreCentre, ...finCentre });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/le juré a quitté le métier le 30\/06\/2015 \(départ en retraite\), soit \d+ ans.* ; 5 ans au plus sont admis\./);
  });

  test('a retired juror needs a retirement date', async () => {
    const response = await rhone.post('/api/ra/jures', { nom: 'Zzjuré', prenom: 'Sans date', metier: 'Maçon', departement: dep69, retraite: true });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('dateRetraite');
  });
});

describe('profiles', () => {
  let jure: string;
  let habilitation: string;

  beforeAll(async () => {
    jure = await creerJure('Zzjuré Centre', [['2005-01-01', null]]);
    const response = await rhone.post(`/api/ra/jures/${jure}/accorder`, { titre: titreCentre, ...finCentre });
    expect(response.status).toBe(200);
    habilitation = response.body.id;
  }, 60_000);

  test('the centre reads the habilitated jurors of its titles, with phone and address', async () => {
    const list = await centre.get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ titre: titreCentre, dateDebut_lte: today(), dateFin_gte: today() }))}`);
    expect(list.status).toBe(200);
    expect(list.body.map((h: { id: string }) => h.id)).toContain(habilitation);
    const fiche = await centre.get(`/api/ra/jures/${jure}`);
    expect(fiche.status).toBe(200);
    expect(fiche.body).toMatchObject({ telephone: '04 72 00 00 00', adresse: '1 rue de la République', codePostal: '69001' });
  });

  test('the centre sees no habilitation on a title it holds no agrément for', async () => {
    const list = await centre.get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ titre: titreB }))}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
  });

  test('every action is refused to the centre: 403', async () => {
    for (const action of ['suspendre', 'retirer', 'renouveler', 'clore', 'reactiver', 'etat']) {
      const response = await centre.post(`/api/ra/habilitations/${habilitation}/${action}`, { motif: 'x' });
      expect(response.status).toBe(403);
    }
    expect((await centre.post(`/api/ra/jures/${jure}/accorder`, { titre: titreCentre, ...finCentre })).status).toBe(403);
    expect((await centre.put(`/api/ra/habilitations/${habilitation}`, { observations: 'x' })).status).toBe(403);
    expect((await centre.put(`/api/ra/jures/${jure}`, { telephone: '0600000000' })).status).toBe(403);
    expect((await centre.get('/api/ra/periodes-experience')).status).toBe(403);
    const me = await centre.get('/api/ra/me');
    expect(me.body.permissions.habilitations).toEqual(['list', 'show']);
  });

  test('another UD: out of scope is 404 on read and on actions', async () => {
    expect((await paris.get(`/api/ra/habilitations/${habilitation}`)).status).toBe(404);
    expect((await paris.post(`/api/ra/habilitations/${habilitation}/suspendre`, { motif: 'x' })).status).toBe(404);
    expect((await paris.post(`/api/ra/jures/${jure}/accorder`, { titre: titreCentre, ...finCentre })).status).toBe(404);
    expect((await paris.put(`/api/ra/jures/${jure}`, { telephone: '0600000000' })).status).toBe(404);
  });

  test('the UD edits the contact details of its juror (v1.7.1)', async () => {
    const response = await rhone.put(`/api/ra/jures/${jure}`, { telephone: '06 12 34 56 78', adresse: '2 place Bellecour' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ telephone: '06 12 34 56 78', adresse: '2 place Bellecour' });
  });

  test('a UD cannot create a juror outside its départements', async () => {
    const dep75 = (await admin.get('/api/ra/departements?filter={"code":"75"}')).body[0].id;
    const response = await rhone.post('/api/ra/jures', { nom: 'Zzjuré', prenom: 'Parisien', metier: 'Cuisinier', departement: dep75 });
    expect(response.status).toBe(403);
  });
});

describe('demo data (seed/demo-jurys.ts)', () => {
  test('ud.rhone manages the Rhône demo jurors; centre.lyon sees the active habilitations on its title, not the suspended one', async () => {
    const jures = await rhone.get(`/api/ra/jures?filter=${encodeURIComponent(JSON.stringify({ q: 'benali' }))}`);
    expect(jures.body.map((j: { email: string }) => j.email)).toEqual(['karim.benali@jure.demo']);
    const benali = jures.body[0].id;
    const siennes = await rhone.get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ jure: benali }))}&sort=["statut","ASC"]`);
    expect(siennes.body.map((h: { statut: string }) => h.statut)).toEqual(['ACTIVE', 'SUSPENDUE']);
    const vues = await centre.get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ jure: benali }))}`);
    expect(vues.body.map((h: { statut: string }) => h.statut)).toEqual(['ACTIVE']);
    // the Paris juror is not the Rhône UD's
    expect((await rhone.get(`/api/ra/jures?filter=${encodeURIComponent(JSON.stringify({ q: 'rousseau' }))}`)).body).toEqual([]);
    expect((await paris.get(`/api/ra/jures?filter=${encodeURIComponent(JSON.stringify({ q: 'rousseau l hote' }))}`)).body).toHaveLength(1);
  });

  test('the sweep expired the retiree’s former habilitation, past its end, and recorded it', async () => {
    const dupre = (await rhone.get(`/api/ra/jures?filter=${encodeURIComponent(JSON.stringify({ q: 'dupre jeanne' }))}`)).body[0].id;
    const list = await rhone.get(`/api/ra/habilitations?filter=${encodeURIComponent(JSON.stringify({ jure: dupre }))}&sort=["dateDebut","ASC"]`);
    expect(list.body.map((h: { statut: string; dateFin: string }) => [h.statut, h.dateFin])).toEqual([
      ['EXPIREE', '2022-12-31'],
      ['ACTIVE', expect.any(String)],
    ]);
    expect(list.body[0].historique.at(-1)).toMatchObject({ action: 'expirer', de: 'ACTIVE', vers: 'EXPIREE', motif: 'Date de fin dépassée.', par: 'CERES (traitement automatique)' });
  });
});
