/**
 * Referentials on the real data loaded by the seed: counts, exact typography through the API, accent- and
 * punctuation-insensitive search, former-country filters, who may write, and an idempotent reseed with a
 * changed data file (run with the seed's own code against the test database).
 */
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { runState } from '../support/run-state';
import { readSources, seedReferentiels, type ReferentielSources } from '../../strapi/src/seed/referentiels';

const DATA_DIR = path.resolve(__dirname, '..', '..', 'strapi', 'data');
const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const total = (headers: Headers) => Number(headers.get('content-range')?.split('/')[1]);

let admin: ReturnType<typeof api>;
const databaseUrl = runState().databaseUrl;

beforeAll(async () => {
  admin = api(await login('admin.national'));
});

async function list(resource: string, filter: Record<string, unknown> = {}, range = [0, 49], sort = ['id', 'ASC'], client = admin) {
  const response = await client.get(`/api/ra/${resource}?filter=${enc(filter)}&range=${enc(range)}&sort=${enc(sort)}`);
  if (response.status !== 200) throw new Error(`${resource} ${response.status} ${JSON.stringify(response.body)}`);
  return { records: response.body as Record<string, any>[], total: total(response.headers) };
}

describe('row counts on the real data', () => {
  test('régions, départements (2A/2B, DROM, COM, Nouvelle-Calédonie), communes, pays, titres', async () => {
    expect((await list('regions')).total).toBe(18);
    const departements = await list('departements', {}, [0, 199], ['code', 'ASC']);
    expect(departements.total).toBe(109);
    const byCode = new Map(departements.records.map((d) => [d.code, d]));
    for (const code of ['2A', '2B', '971', '972', '973', '974', '976', '975', '977', '978', '986', '987', '988']) expect(byCode.has(code)).toBe(true);
    expect(byCode.get('988')).toMatchObject({ nom: 'Nouvelle-Calédonie', zone: 'NOUVELLE_CALEDONIE', region: null });
    const [corse] = (await list('regions', { code: '94' })).records;
    expect(byCode.get('2A')?.region).toBe(corse.id);

    expect((await list('communes')).total).toBeGreaterThan(37000);
    expect((await list('communes', { type: 'COMMUNE_ACTUELLE' })).total).toBeGreaterThan(34900);
    expect((await list('communes', { type: 'COMMUNE_DELEGUEE' })).total).toBeGreaterThan(2000);
    expect((await list('communes', { type: 'COMMUNE_ASSOCIEE' })).total).toBeGreaterThan(400);
    expect((await list('communes', { departement: byCode.get('988')?.id })).total).toBe(33);

    expect((await list('pays')).total).toBeGreaterThanOrEqual(270);
    const titres = await list('titres', { typeCertification: 'TITRE_PROFESSIONNEL' }, [0, 99]);
    expect(new Set(titres.records.map((t) => t.code)).size).toBeGreaterThanOrEqual(40);
    expect((await list('titres', { typeCertification: 'CERTIFICATION_SPECIFIQUE' })).total).toBe(2);
    expect((await list('ccps')).total).toBeGreaterThanOrEqual(100);
    expect((await list('ccss')).total).toBeGreaterThanOrEqual(1);
    // one row per natural key in the database
    const [dups] = await sql(`SELECT count(*)::int AS n FROM (SELECT code_insee, type FROM communes GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dups.n).toBe(0);
  });
});

describe('exact typography from the data package to the API', () => {
  test.each([
    ["L'Haÿ-les-Roses", '94038', '94'],
    ['Saint-Étienne-du-Rouvray', '76575', '76'],
    ['Île-de-Batz', '29082', '29'],
  ])('%s', async (nom, codeInsee, dep) => {
    const { records } = await list('communes', { codeInsee, type: 'COMMUNE_ACTUELLE' });
    expect(records).toHaveLength(1);
    expect(records[0].nom).toBe(nom);
    const shown = await admin.get(`/api/ra/communes/${records[0].id}`);
    expect(shown.body.nom).toBe(nom);
    const departement = await admin.get(`/api/ra/departements/${records[0].departement}`);
    expect(departement.body.code).toBe(dep);
  });

  test('a commune déléguée points to its commune nouvelle', async () => {
    const { records } = await list('communes', { type: 'COMMUNE_DELEGUEE', codeInsee: '01015' });
    expect(records[0].nom).toBe('Arbignieu');
    const parent = await admin.get(`/api/ra/communes/${records[0].communeParente}`);
    expect(parent.body).toMatchObject({ codeInsee: '01015', type: 'COMMUNE_ACTUELLE' });
  });
});

describe('search ignores accents, case, hyphens and apostrophes', () => {
  test('"cote d ivoire" finds Côte d\'Ivoire', async () => {
    const { records } = await list('pays', { q: 'cote d ivoire' });
    expect(records.map((p) => p.nom)).toEqual(["Côte d'Ivoire"]);
    expect(records[0]).toMatchObject({ codeInsee: '99326', codeIso2: 'CI', codeIso3: 'CIV', nature: 'ETAT' });
  });

  test('"saint etienne du rouvray" finds the commune among 37,000', async () => {
    const { records } = await list('communes', { q: 'saint etienne du rouvray' });
    expect(records.map((c) => c.nom)).toEqual(['Saint-Étienne-du-Rouvray']);
    expect((await list('communes', { q: "L'HAY LES ROSES" })).records.map((c) => c.codeInsee)).toContain('94038');
    expect((await list('communes', { q: 'ile de batz' })).records.map((c) => c.nom)).toContain('Île-de-Batz');
  });

  test('titles by sigle or words of the intitulé', async () => {
    const { records } = await list('titres', { q: 'dwwm' }, [0, 9], ['version', 'ASC']);
    expect(records.map((t) => `${t.code} ${t.version}`)).toEqual(['TP-01280 2018', 'TP-01280 2023']);
    expect((await list('titres', { q: 'electricien equipement batiment' })).records.map((t) => t.intitule)).toEqual(["Électricien d'équipement du bâtiment"]);
  });
});

describe('countries by purpose', () => {
  test('birth-country pickers list former countries; other pickers take current ones only', async () => {
    const all = await list('pays', { q: 'yougoslavie' });
    expect(all.records.map((p) => p.libelleCog)).toEqual(['YOUGOSLAVIE']);
    expect(all.records[0]).toMatchObject({ nature: 'ANCIEN_ETAT', dateFin: '2003-02-03' });
    const successeur = await admin.get(`/api/ra/pays/${all.records[0].successeur}`);
    expect(successeur.body).toMatchObject({ libelleCog: 'SERBIE', codeInsee: '99121' });

    const current = await list('pays', { dateFin_null: true }, [0, 499]);
    const names = current.records.map((p) => p.libelleCog);
    expect(names).toContain('RUSSIE');
    for (const former of ['U.R.S.S.', 'YOUGOSLAVIE', 'TCHECOSLOVAQUIE', 'REPUBLIQUE DEMOCRATIQUE ALLEMANDE']) expect(names).not.toContain(former);
    expect(current.records.every((p) => p.nature !== 'ANCIEN_ETAT')).toBe(true);
    // the former countries a birth-date picker adds, e.g. for someone born in 1985
    const formerIn1985 = await list('pays', { nature: 'ANCIEN_ETAT', dateFin_gte: '1985-06-01' }, [0, 99]);
    expect(formerIn1985.records.map((p) => p.libelleCog)).toEqual(expect.arrayContaining(['U.R.S.S.', 'YOUGOSLAVIE', 'TCHECOSLOVAQUIE', 'VIET NAM DU NORD'].slice(0, 3)));
  });

  test('two States may not share an INSEE code over the same period (400 naming the field)', async () => {
    const response = await admin.post('/api/ra/pays', { codeInsee: '99121', libelleCog: 'SERBIE BIS', nom: 'Serbie bis', nature: 'ETAT', dateDebut: '2010-01-01' });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('codeInsee');
    expect(response.body.error.message).toBe(
      'Le code INSEE 99121 est déjà celui de « Serbie » sur une période qui chevauche : renseignez des dates de validité distinctes.',
    );
    // a territory may share its State's code
    const territoire = await admin.post('/api/ra/pays', { codeInsee: '99121', libelleCog: 'ILOT DE TEST', nom: 'Îlot de test', nature: 'TERRITOIRE' });
    expect(territoire.status).toBe(201);
    expect((await admin.delete(`/api/ra/pays/${territoire.body.id}`)).status).toBe(200);
  });
});

describe('who may change referentials', () => {
  test.each(['dreets.ara', 'ud.rhone', 'centre.lyon', 'nc.dfpc', 'afpa.dte', 'lecture'])('%s reads every referential and may not write (403)', async (username) => {
    const client = api(await login(username));
    for (const resource of ['pays', 'regions', 'departements', 'communes', 'titres', 'ccps', 'ccss']) {
      const response = await client.get(`/api/ra/${resource}?range=${enc([0, 0])}`);
      expect([resource, response.status]).toEqual([resource, 200]);
    }
    // read whatever the territory: a Nouvelle-Calédonie commune for a Rhône user and vice versa
    expect((await list('communes', { codeInsee: '98818' }, [0, 9], ['id', 'ASC'], client)).total).toBe(1);
    expect((await list('communes', { codeInsee: '69123' }, [0, 9], ['id', 'ASC'], client)).total).toBe(1);
    const [region] = (await list('regions', { code: '84' }, [0, 0], ['id', 'ASC'], client)).records;
    const created = await client.post('/api/ra/regions', { code: '99', nom: 'Région fictive' });
    expect(created.status).toBe(403);
    const updated = await client.put(`/api/ra/regions/${region.id}`, { nom: 'Renommée' });
    expect(updated.status).toBe(403);
    const deleted = await client.delete(`/api/ra/titres/${(await list('titres', {}, [0, 0])).records[0].id}`);
    expect(deleted.status).toBe(403);
  });

  test('the national administrator creates, edits and deletes; composite natural keys are checked', async () => {
    const [departement] = (await list('departements', { code: '69' })).records;
    const created = await admin.post('/api/ra/communes', { codeInsee: '69999', nom: "Saint-Zéphyrin-d'Essai", type: 'COMMUNE_ACTUELLE', departement: departement.id });
    expect(created.status).toBe(201);
    const duplicate = await admin.post('/api/ra/communes', { codeInsee: '69999', nom: 'Doublon', type: 'COMMUNE_ACTUELLE', departement: departement.id });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toMatchObject({ field: 'codeInsee', message: 'La commune actuelle de code INSEE 69999 existe déjà.' });
    const orphan = await admin.post('/api/ra/communes', { codeInsee: '69999', nom: 'Déléguée', type: 'COMMUNE_DELEGUEE', departement: departement.id });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.field).toBe('communeParente');
    expect((await admin.delete(`/api/ra/communes/${created.body.id}`)).status).toBe(200);

    const [dwwm] = (await list('titres', { code: 'TP-01280', version: 2023 })).records;
    const twice = await admin.post('/api/ra/titres', { code: 'TP-01280', version: 2023, intitule: 'Copie', niveau: 5, statut: 'ACTIF', typeCertification: 'TITRE_PROFESSIONNEL' });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ field: 'code', message: 'Le titre TP-01280 existe déjà en version 2023.' });
    expect(dwwm.predecesseur).toBeTruthy();
    expect(dwwm.ccps).toHaveLength(2);
  });
});

describe('CCP correspondences between versions and common CCPs', () => {
  test('the 2023 DWWM CCPs point to the 2018 ones; a common CCP belongs to several titles', async () => {
    const [dwwm2023] = (await list('titres', { code: 'TP-01280', version: 2023 })).records;
    const { records: ccps } = await list('ccps', { titres: dwwm2023.id }, [0, 9], ['rang', 'ASC']);
    expect(ccps.map((c) => c.code)).toEqual(['CP-01280-23-1', 'CP-01280-23-2']);
    const old = await admin.get(`/api/ra/ccps/${ccps[0].correspondances[0]}`);
    expect(old.body).toMatchObject({ code: 'CP-01280-18-1' });
    const [commun] = (await list('ccps', { q: 'assister une equipe dans la communication' })).records;
    expect(commun.titres.length).toBeGreaterThanOrEqual(3);
  });
});

describe('reseeding', () => {
  let knex: Knex;
  let sources: ReferentielSources;

  beforeAll(() => {
    // the database of the server this file started with (read once)
    knex = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 2 } });
    sources = readSources(DATA_DIR);
  });

  afterAll(async () => {
    // back to the shipped data for the files that run after this one
    await seedReferentiels(knex, sources);
    await knex.destroy();
  });

  test('an unchanged reseed changes nothing', async () => {
    const reports = await seedReferentiels(knex, sources);
    expect(reports.every((r) => r.inserted === 0 && r.updated === 0)).toBe(true);
  });

  test('a changed data file updates the rows it changed, keeps their ids, adds new rows, duplicates none', async () => {
    const [before] = (await list('communes', { codeInsee: '76575', type: 'COMMUNE_ACTUELLE' })).records;
    const countBefore = (await list('communes')).total;
    const paysBefore = (await list('pays')).total;
    const changed: ReferentielSources = {
      ...sources,
      communes: sources.communes.map((c) => (c.code === '76575' && c.type === 'commune-actuelle' ? { ...c, nom: 'Saint-Étienne-du-Rouvray (renommée)' } : c)),
      pays: [...sources.pays, { codeInsee: '99999', libelleCog: 'ESSAILAND', nom: 'Essailand', nature: 'ETAT' }],
    };
    const reports = await seedReferentiels(knex, changed);
    expect(reports.find((r) => r.name === 'communes')).toMatchObject({ inserted: 0, updated: 1 });
    expect(reports.find((r) => r.name === 'pays')).toMatchObject({ inserted: 1, updated: 0 });

    const [after] = (await list('communes', { codeInsee: '76575', type: 'COMMUNE_ACTUELLE' })).records;
    expect(after).toMatchObject({ id: before.id, nom: 'Saint-Étienne-du-Rouvray (renommée)', departement: before.departement });
    expect((await list('communes')).total).toBe(countBefore);
    expect((await list('pays')).total).toBe(paysBefore + 1);

    // back to the shipped file: the name comes back, the row keeps its id
    await seedReferentiels(knex, sources);
    const [restored] = (await list('communes', { codeInsee: '76575', type: 'COMMUNE_ACTUELLE' })).records;
    expect(restored).toMatchObject({ id: before.id, nom: 'Saint-Étienne-du-Rouvray' });
    await knex('pays').where({ code_insee: '99999' }).del();
  });

  test("an administrator's edit survives a reseed of an unchanged file", async () => {
    const [ccp] = (await list('ccps', { code: 'CP-00350-23-1' })).records;
    const edited = await admin.put(`/api/ra/ccps/${ccp.id}`, { intitule: `${ccp.intitule} (corrigé)` });
    expect(edited.status).toBe(200);
    // the state of an earlier seed must not be taken for "unchanged": force the per-row comparison
    await knex('ceres_referentiel_seed').where({ dataset: 'ccps', cle: '*' }).del();
    await seedReferentiels(knex, sources);
    const shown = await admin.get(`/api/ra/ccps/${ccp.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.intitule).toBe(`${ccp.intitule} (corrigé)`);
    await admin.put(`/api/ra/ccps/${ccp.id}`, { intitule: ccp.intitule });
  });
});
