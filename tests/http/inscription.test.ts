/**
 * Issue #5 §2 / issue #7 §3 — registering a candidate to a session first looks for existing candidates
 * (national homonym search). A centre registers a person found outside its scope (registration brings them into
 * it), or creates a new person after confirming it in the same call, in the registration's transaction.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { createSessionFixtures, removeSessionFixtures, sessionTitre, type SessionFixtures } from '../support/sessions-fixtures';

jest.setTimeout(60_000);

type Client = ReturnType<typeof api>;
let centre: Client;
let udParis: Client;
let fx: SessionFixtures;
let nom: string;

beforeAll(async () => {
  centre = api(await login('centre.lyon'));
  udParis = api(await login('ud.paris'));
  fx = await createSessionFixtures();
  nom = `Zzinscr${fx.suffix}`;
}, 60_000);

afterAll(async () => {
  // the candidates of this suite take part in the fixtures' clean-up (inscriptions, parcours events), then go
  const ours = await sql(`SELECT id, document_id FROM candidats WHERE nom_naissance ILIKE $1`, [`${nom}%`]);
  fx?.candidats.push(...ours.map((c) => ({ id: c.id, documentId: c.document_id })));
  await removeSessionFixtures(fx);
  await sql(`DELETE FROM candidats WHERE nom_naissance ILIKE $1`, [`${nom}%`]);
}, 60_000);

const newSession = async () => {
  const created = await centre.post('/api/ra/sessions', sessionTitre(fx, { lieu: 'Lyon' }));
  expect(created.status).toBe(201);
  return created.body.id as string;
};
const inscrire = (session: string, body: Record<string, unknown>) => centre.post(`/api/ra/sessions/${session}/inscrire`, { voieAcces: 'FORMATION_CONTINUE', ...body });
const inscriptions = (session: string) =>
  sql(
    `SELECT c.document_id AS candidat FROM inscriptions i JOIN inscriptions_session_lnk l ON l.inscription_id = i.id JOIN sessions s ON s.id = l.session_id
     JOIN inscriptions_candidat_lnk ic ON ic.inscription_id = i.id JOIN candidats c ON c.id = ic.candidat_id WHERE s.document_id = $1 ORDER BY i.id`,
    [session],
  );
const homonymes = (filter: Record<string, unknown>) => centre.get(`/api/ra/homonymes?filter=${encodeURIComponent(JSON.stringify(filter))}`);
const candidatsNommes = async (n: string) => Number((await sql(`SELECT count(*)::int AS n FROM candidats WHERE nom_naissance = $1`, [n]))[0].n);

const identite = (extra: Record<string, unknown> = {}) => ({
  nomNaissance: nom,
  prenoms: ['Inès'],
  sexe: 'F',
  dateNaissance: '1992-07-08',
  communeNaissanceCode: '75056',
  communeNaissanceLibelle: 'Paris',
  confirmationNouvellePersonne: true,
  ...extra,
});

describe('registering a person found by the national homonym search', () => {
  let parisienne: string;

  beforeAll(async () => {
    // created and living in Paris: outside the Lyon centre's scope
    const created = await udParis.post('/api/ra/candidats', identite({ codePostal: '75011', email: 'ines@example.org' }));
    expect(created.status).toBe(201);
    parisienne = created.body.id;
  });

  test('out of scope: 404 on the record; the search shows her identity only; registering her brings her record into scope', async () => {
    const s = await newSession();
    expect((await centre.get(`/api/ra/candidats/${parisienne}`)).status).toBe(404);

    // what the agent types: other case, accents and hyphen, first name without its accent
    const search = await homonymes({ nomNaissance: nom.toUpperCase().replace('ZZ', 'ZZ-'), prenoms: 'Ines', dateNaissance: '1992-07-08' });
    expect(search.status).toBe(200);
    const match = search.body.find((h: { id: string }) => h.id === parisienne);
    expect(match).toMatchObject({ nomNaissance: nom, dateNaissance: '1992-07-08', lieuNaissance: 'Paris (75)', dansPerimetre: false });
    expect(Object.keys(match)).not.toContain('email');

    expect((await inscrire(s, { candidat: match.id })).status).toBe(200);
    expect(await inscriptions(s)).toEqual([{ candidat: parisienne }]);
    const record = await centre.get(`/api/ra/candidats/${parisienne}`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ id: parisienne, nomNaissance: nom, email: 'ines@example.org' });
    expect((await homonymes({ nomNaissance: nom, prenoms: 'Inès', dateNaissance: '1992-07-08' })).body.find((h: { id: string }) => h.id === parisienne)).toMatchObject({ dansPerimetre: true });
  });

  test('an unknown candidate is a French 400 naming the field; nothing is registered', async () => {
    const s = await newSession();
    const refused = await inscrire(s, { candidat: 'zzzzzzzzzzzzzzzzzzzzzzzz' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'candidat', message: expect.stringMatching(/n'existe pas/) });
    const neither = await inscrire(s, {});
    expect(neither.status).toBe(400);
    expect(neither.body.error).toMatchObject({ field: 'candidat', message: expect.stringMatching(/soit le candidat à inscrire/) });
    const both = await inscrire(s, { candidat: parisienne, nouveauCandidat: identite() });
    expect(both.status).toBe(400);
    expect(await inscriptions(s)).toEqual([]);
  });
});

describe('a new person created and registered in one call', () => {
  test('without the explicit confirmation, or with a rule broken, nothing is created nor registered', async () => {
    const s = await newSession();
    const n = `${nom}Nouvelle`;
    const unconfirmed = await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n, confirmationNouvellePersonne: undefined }) });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error).toMatchObject({ field: 'nouveauCandidat.confirmationNouvellePersonne', message: expect.stringContaining('homonymie') });
    const sansLieu = await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n, communeNaissanceCode: undefined, communeNaissanceLibelle: undefined }) });
    expect(sansLieu.status).toBe(400);
    expect(sansLieu.body.error.message).toMatch(/Lieu de naissance obligatoire/);
    const inconnu = await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n, groupeSanguin: 'O' }) });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.error.field).toBe('nouveauCandidat.groupeSanguin');
    expect(await candidatsNommes(n)).toBe(0);
    expect(await inscriptions(s)).toEqual([]);
  });

  test('confirmed: created by the centre with the homonym control recorded as at creation, registered, traced, readable', async () => {
    const s = await newSession();
    // the same name and birth date as the person registered above: signalled, the agent confirmed another person
    const r = await inscrire(s, { nouveauCandidat: identite({ prenoms: ['Inès', 'Julie'], sexe: 'F' }) });
    expect(r.status).toBe(200);
    const [row] = await inscriptions(s);
    const [c] = await sql(
      `SELECT c.controle_homonymie, ce.document_id AS centre FROM candidats c JOIN candidats_centre_createur_lnk l ON l.candidat_id = c.id JOIN centres ce ON ce.id = l.centre_id WHERE c.document_id = $1`,
      [row.candidat],
    );
    expect(c.centre).toBe(fx.centreLyon);
    expect(c.controle_homonymie).toMatchObject({ decision: 'NOUVELLE_PERSONNE_CONFIRMEE', confirmePar: 'centre.lyon', profil: 'CENTRE' });
    expect(c.controle_homonymie.homonymesSignales.length).toBeGreaterThan(0);
    expect(await sql(`SELECT count(*)::int AS n FROM ceres_trace WHERE resource = 'candidats' AND action = 'create' AND document_id = $1`, [row.candidat])).toEqual([{ n: 1 }]);
    expect((await centre.get(`/api/ra/candidats/${row.candidat}`)).body).toMatchObject({ nomNaissance: nom, prenoms: ['Inès', 'Julie'] });
  });

  test('a homonym already registered in the session (HOMONYME_INSCRIT) refuses the call and the person is not created; confirmed, both are done', async () => {
    const s = await newSession();
    const n = `${nom}Homo`;
    expect((await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n }) })).status).toBe(200);
    const refused = await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n.toUpperCase() }) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ field: 'candidat', details: { rule: 'HOMONYME_INSCRIT' } });
    expect(await candidatsNommes(n.toUpperCase())).toBe(0);
    expect((await inscrire(s, { nouveauCandidat: identite({ nomNaissance: n.toUpperCase() }), confirmerHomonyme: true })).status).toBe(200);
    expect(await inscriptions(s)).toHaveLength(2);
  });
});
