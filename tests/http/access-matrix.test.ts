/**
 * The authorisation matrix (OWASP "authorization testing automation"): every profile × organisation resource
 * × action × own/other territory → the expected HTTP status, called against the booted server with one
 * demo user per profile. The expected table is written out here by hand (L list, S show, C create, E edit,
 * D delete) and checked against the server's matrix (plugins/bridge/.../permissions.ts) so that neither can
 * drift. Then IDOR and escalation cases: a centre user reaching another centre's records by id, a DREETS
 * acting on another région, Nouvelle-Calédonie outside 988, relation targets outside the territory.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { PROFILES, type Profile } from '../../plugins/bridge/server/src/domain/access';
import { CRUD_ACTIONS, isAllowed } from '../../plugins/bridge/server/src/domain/permissions';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

jest.setTimeout(60_000);

type CentreKey = keyof typeof DEMO_SIRETS;
type Client = ReturnType<typeof api>;

const RESOURCES = ['centres', 'sites', 'agrements', 'autorisations-temporaires', 'controles'] as const;
type Resource = (typeof RESOURCES)[number];
const LETTER = { list: 'L', show: 'S', create: 'C', edit: 'E', delete: 'D' } as const;
type Crud = keyof typeof LETTER;

/** What each profile may do, by resource — the expected half of the OWASP matrix. */
const EXPECTED: Record<Resource, Record<Profile, string>> = {
  centres: { ADMIN_NATIONAL: 'LSCED', DREETS: 'LSCE', UD: 'LS', CENTRE: 'LS', NOUVELLE_CALEDONIE: 'LSCE', AFPA: 'LS', LECTURE: 'LS' },
  sites: { ADMIN_NATIONAL: 'LSCED', DREETS: 'LSCED', UD: 'LS', CENTRE: 'LSCED', NOUVELLE_CALEDONIE: 'LSCED', AFPA: 'LS', LECTURE: 'LS' },
  agrements: { ADMIN_NATIONAL: 'LS', DREETS: 'LSCE', UD: 'LS', CENTRE: 'LSCE', NOUVELLE_CALEDONIE: 'LSCE', AFPA: '', LECTURE: 'LS' },
  'autorisations-temporaires': { ADMIN_NATIONAL: 'LS', DREETS: 'LSCED', UD: 'LS', CENTRE: 'LS', NOUVELLE_CALEDONIE: 'LSCED', AFPA: '', LECTURE: 'LS' },
  controles: { ADMIN_NATIONAL: 'LS', DREETS: 'LSCED', UD: 'LS', CENTRE: '', NOUVELLE_CALEDONIE: 'LSCED', AFPA: '', LECTURE: 'LS' },
};
/** Agrément decisions: the DREETS of the centre's région, and Nouvelle-Calédonie for its own. */
const DECISIONS = ['accorder', 'refuser', 'retirer', 'expirer'] as const;
const DECIDERS: Profile[] = ['DREETS', 'NOUVELLE_CALEDONIE'];

/** One demo user per profile, with a centre inside its territory and one outside (national: both reachable). */
const ACTORS: { profile: Profile; user: string; own: CentreKey; other: CentreKey; national: boolean }[] = [
  { profile: 'ADMIN_NATIONAL', user: 'admin.national', own: 'lyon', other: 'noumea', national: true },
  { profile: 'DREETS', user: 'dreets.ara', own: 'villeurbanne', other: 'paris', national: false },
  { profile: 'UD', user: 'ud.rhone', own: 'villeurbanne', other: 'paris', national: false },
  { profile: 'CENTRE', user: 'centre.lyon', own: 'lyon', other: 'paris', national: false },
  { profile: 'NOUVELLE_CALEDONIE', user: 'nc.dfpc', own: 'noumea', other: 'lyon', national: false },
  { profile: 'AFPA', user: 'afpa.dte', own: 'lyon', other: 'paris', national: true },
  { profile: 'LECTURE', user: 'lecture', own: 'paris', other: 'noumea', national: true },
];
/** who may create the fixtures of each centre (the instructing service of its territory) */
const INSTRUCTOR: Record<CentreKey, string> = { lyon: 'dreets.ara', villeurbanne: 'dreets.ara', paris: 'dreets.idf', marseille: 'admin.national', lille: 'admin.national', noumea: 'nc.dfpc' };
const COMMUNE: Record<CentreKey, string> = { lyon: '69123', villeurbanne: '69266', paris: '75056', marseille: '13055', lille: '59350', noumea: '98818' };

const clients = new Map<string, Client>();
const as = (user: string) => clients.get(user)!;
const centres = {} as Record<CentreKey, string>;
const communes = {} as Record<CentreKey, string>;
let titre: string;
const shared = {} as Record<Exclude<Resource, 'centres'>, Partial<Record<CentreKey, string>>>;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let siretCounter = 0;
/** a fresh Luhn-valid SIRET (SIREN and SIRET keys) */
function freshSiret(): string {
  const luhn = (digits: string) =>
    [...digits].reverse().reduce((sum, c, i) => {
      let d = Number(c) * (i % 2 ? 2 : 1);
      if (d > 9) d -= 9;
      return sum + d;
    }, 0) % 10 === 0;
  const base = `8${String(Date.now() % 1e6).padStart(6, '0')}${String(siretCounter++ % 10)}`;
  const siren = [...'0123456789'].map((k) => base + k).find(luhn)!;
  const head = `${siren}${String(siretCounter % 1000).padStart(4, '0')}`;
  return [...'0123456789'].map((k) => head + k).find(luhn)!;
}

/** a valid creation body for a resource, attached to a centre */
async function body(resource: Resource, key: CentreKey): Promise<Record<string, unknown>> {
  switch (resource) {
    case 'centres':
      return { raisonSociale: `Centre matrice ${siretCounter}`, siret: freshSiret(), commune: communes[key] };
    case 'sites':
      return { nom: 'Site matrice', centre: centres[key] };
    case 'agrements': {
      const site = shared.sites[key] ?? (await create('sites', key));
      return { centre: centres[key], site, titre, dateDebut: day(30), dateFin: day(300) };
    }
    case 'autorisations-temporaires':
      return { centre: centres[key], titre, dateDebut: day(0), dateFin: day(90), motif: 'Instruction en cours' };
    case 'controles':
      return { centre: centres[key], dateControle: day(10), type: 'SUR_PIECES', statut: 'PROGRAMME' };
  }
}

/** a record created by the instructing service of the centre (or the national administrator) */
async function create(resource: Resource, key: CentreKey): Promise<string> {
  const creator = resource === 'centres' || resource === 'sites' ? 'admin.national' : INSTRUCTOR[key];
  const response = await as(creator).post(`/api/ra/${resource}`, await body(resource, key));
  if (response.status !== 201) throw new Error(`fixture ${resource}/${key}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

const EDIT: Record<Resource, Record<string, unknown>> = {
  centres: { telephone: '04 00 00 00 00' },
  sites: { plateauTechnique: 'Poste de soudure, cabine de peinture' },
  agrements: { commentaire: 'Pièces complétées' },
  'autorisations-temporaires': { motif: 'Instruction prolongée' },
  controles: { objet: 'Contrôle documentaire' },
};

beforeAll(async () => {
  for (const user of new Set([...ACTORS.map((a) => a.user), ...Object.values(INSTRUCTOR), 'centre.paris', 'dreets.idf', 'ud.paris'])) {
    clients.set(user, api(await login(user)));
  }
  for (const key of Object.keys(DEMO_SIRETS) as CentreKey[]) {
    const [row] = await sql(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS[key]]);
    centres[key] = row.document_id;
    const [commune] = await sql(`SELECT document_id FROM communes WHERE code_insee = $1 AND type = 'COMMUNE_ACTUELLE'`, [COMMUNE[key]]);
    communes[key] = commune.document_id;
  }
  [{ document_id: titre }] = await sql(`SELECT document_id FROM titres WHERE date_fin_validite IS NULL OR date_fin_validite > now() + interval '2 years' ORDER BY code LIMIT 1`);
  for (const resource of ['sites', 'agrements', 'autorisations-temporaires', 'controles'] as const) {
    shared[resource] = {};
    for (const key of ['lyon', 'villeurbanne', 'paris', 'noumea'] as CentreKey[]) shared[resource][key] = await create(resource, key);
  }
}, 120_000);

describe('the expected table is the server matrix', () => {
  test.each(RESOURCES.flatMap((r) => PROFILES.map((p) => [r, p] as const)))('%s × %s', (resource, profile) => {
    const expected = CRUD_ACTIONS.filter((a) => EXPECTED[resource][profile].includes(LETTER[a]));
    expect(CRUD_ACTIONS.filter((a) => isAllowed(profile, resource, a))).toEqual(expected);
    for (const decision of DECISIONS) expect(isAllowed(profile, resource, decision)).toBe(resource === 'agrements' && DECIDERS.includes(profile));
  });
});

const cases = ACTORS.flatMap((actor) =>
  RESOURCES.flatMap((resource) =>
    (Object.keys(LETTER) as Crud[]).flatMap((action) => (['own', 'other'] as const).map((scope) => ({ actor, resource, action, scope }))),
  ),
);

function expectedStatus(actor: (typeof ACTORS)[number], resource: Resource, action: Crud, scope: 'own' | 'other'): number {
  if (!EXPECTED[resource][actor.profile].includes(LETTER[action])) return 403;
  const reached = scope === 'own' || actor.national;
  if (action === 'list') return 200;
  if (action === 'create') return reached ? 201 : resource === 'centres' ? 403 : 400;
  return reached ? 200 : 404;
}

describe.each(cases.map((c) => [`${c.actor.user} ${c.action} ${c.resource} (${c.scope})`, c] as const))('%s', (_name, { actor, resource, action, scope }) => {
  const status = expectedStatus(actor, resource, action, scope);
  test(`→ ${status}`, async () => {
    const key = scope === 'own' ? actor.own : actor.other;
    const client = as(actor.user);
    const target = async () => (resource === 'centres' ? centres[key] : shared[resource][key]!);
    let response;
    switch (action) {
      case 'list': {
        const ids = [centres[actor.own], centres[actor.other]];
        const wanted = resource === 'centres' ? ids : [shared[resource][actor.own], shared[resource][actor.other]];
        response = await client.get(`/api/ra/${resource}?filter=${encodeURIComponent(JSON.stringify({ id: wanted }))}`);
        if (response.status === 200) {
          const seen = (response.body as { id: string }[]).map((r) => r.id);
          // rows: the own one always, the other one only for a national profile
          expect(seen).toContain(wanted[0]);
          if (actor.national) expect(seen).toContain(wanted[1]);
          else expect(seen).not.toContain(wanted[1]);
          expect(Number(response.headers.get('content-range')?.split('/')[1])).toBe(seen.length);
        }
        break;
      }
      case 'show':
        response = await client.get(`/api/ra/${resource}/${await target()}`);
        break;
      case 'create':
        response = await client.post(`/api/ra/${resource}`, await body(resource, key));
        break;
      case 'edit':
        response = await client.put(`/api/ra/${resource}/${await target()}`, EDIT[resource]);
        break;
      case 'delete': {
        // a record of its own, so that an allowed delete does not break the other cases
        const victim = resource === 'centres' ? await create('centres', key) : await create(resource, key);
        response = await client.delete(`/api/ra/${resource}/${victim}`);
        const remaining = await sql(`SELECT 1 FROM ${resource.replace(/-/g, '_')} WHERE document_id = $1`, [victim]);
        expect(remaining).toHaveLength(status === 200 ? 0 : 1);
        break;
      }
    }
    expect({ status: response.status, body: status >= 400 ? response.body : undefined }).toMatchObject({ status });
    if (status === 403) expect(response.body.error.message).toMatch(/profil|périmètre/);
    if (status === 404) expect(response.body.error.message).toMatch(/introuvable/);
    if (status === 400) expect(response.body.error).toMatchObject({ field: 'centre', message: expect.stringMatching(/hors de votre périmètre/) });
  });
});

describe('agrément decisions: profile × action × own/other région', () => {
  /** an agrément of the centre in the statut the action starts from (expirer: an accordé one already ended) */
  async function agrementFor(action: (typeof DECISIONS)[number], key: CentreKey): Promise<string> {
    const instructor = as(INSTRUCTOR[key]);
    const past = action === 'expirer';
    const created = await instructor.post('/api/ra/agrements', { ...(await body('agrements', key)), ...(past ? { dateDebut: day(-400), dateFin: day(-10) } : {}) });
    expect(created.status).toBe(201);
    if (action === 'retirer' || action === 'expirer') expect((await instructor.post(`/api/ra/agrements/${created.body.id}/accorder`)).status).toBe(200);
    return created.body.id;
  }
  const MESSAGES = { accorder: 'Agrément accordé.', refuser: "Demande d'agrément refusée.", retirer: 'Agrément retiré.', expirer: 'Agrément passé à l’état expiré.' };

  test.each(ACTORS.flatMap((actor) => DECISIONS.flatMap((action) => (['own', 'other'] as const).map((scope) => [actor.user, action, scope, actor] as const))))(
    '%s %s (%s)',
    async (_user, action, scope, actor) => {
      const allowed = DECIDERS.includes(actor.profile);
      const expected = !allowed ? 403 : scope === 'own' || actor.national ? 200 : 404;
      const key = scope === 'own' ? actor.own : actor.other;
      // refused profiles are checked on the shared agrément (nothing may change); allowed ones on a fresh one
      const id = allowed ? await agrementFor(action, key) : shared.agrements[key]!;
      const before = await sql(`SELECT statut FROM agrements WHERE document_id = $1`, [id]);
      const response = await as(actor.user).post(`/api/ra/agrements/${id}/${action}`, { motif: 'Motif de la décision' });
      expect(response.status).toBe(expected);
      const after = await sql(`SELECT statut FROM agrements WHERE document_id = $1`, [id]);
      if (expected === 200) {
        expect(response.body.message).toBe(MESSAGES[action]);
        expect(after[0].statut).toBe({ accorder: 'ACCORDE', refuser: 'REFUSE', retirer: 'RETIRE', expirer: 'EXPIRE' }[action]);
      } else {
        expect(after).toEqual(before);
      }
    },
  );
});

describe('IDOR and escalation', () => {
  test("a centre user cannot read, update nor delete another centre's site by id (404, nothing changed)", async () => {
    const parisSite = shared.sites.paris!;
    const lyon = as('centre.lyon');
    expect((await lyon.get(`/api/ra/sites/${parisSite}`)).status).toBe(404);
    expect((await lyon.put(`/api/ra/sites/${parisSite}`, { nom: 'Piraté' })).status).toBe(404);
    expect((await lyon.delete(`/api/ra/sites/${parisSite}`)).status).toBe(404);
    const [row] = await sql(`SELECT nom FROM sites WHERE document_id = $1`, [parisSite]);
    expect(row.nom).not.toBe('Piraté');
    // and the other way round
    expect((await as('centre.paris').get(`/api/ra/sites/${shared.sites.lyon}`)).status).toBe(404);
  });

  test("a centre user cannot read another centre's agrément, nor its centre", async () => {
    expect((await as('centre.lyon').get(`/api/ra/agrements/${shared.agrements.paris}`)).status).toBe(404);
    expect((await as('centre.lyon').put(`/api/ra/agrements/${shared.agrements.paris}`, { commentaire: 'x' })).status).toBe(404);
    expect((await as('centre.lyon').get(`/api/ra/centres/${centres.paris}`)).status).toBe(404);
    // a centre of the same département is still another centre
    expect((await as('centre.lyon').get(`/api/ra/centres/${centres.villeurbanne}`)).status).toBe(404);
  });

  test('a centre user sees exactly its own centres, even when filtering on another one', async () => {
    const lyon = as('centre.lyon');
    const all = await lyon.get('/api/ra/centres');
    expect(all.body.map((c: { id: string }) => c.id)).toEqual([centres.lyon]);
    const filtered = await lyon.get(`/api/ra/sites?filter=${encodeURIComponent(JSON.stringify({ centre: centres.paris }))}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body).toEqual([]);
    expect(filtered.headers.get('content-range')).toMatch(/\/0$/);
  });

  test("a centre user cannot attach its records to another centre: create and move are refused, nothing written", async () => {
    const lyon = as('centre.lyon');
    const count = async () => (await sql(`SELECT count(*)::int AS n FROM sites`))[0].n;
    const before = await count();
    const created = await lyon.post('/api/ra/sites', { nom: 'Site pirate', centre: centres.paris });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ field: 'centre', message: expect.stringMatching(/hors de votre périmètre/) });
    expect(await count()).toBe(before);
    const own = await lyon.post('/api/ra/sites', { nom: 'Site à déplacer', centre: centres.lyon });
    expect(own.status).toBe(201);
    const moved = await lyon.put(`/api/ra/sites/${own.body.id}`, { centre: centres.paris });
    expect(moved.status).toBe(400);
    const [row] = await sql(`SELECT c.siret FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE s.document_id = $1`, [own.body.id]);
    expect(row.siret).toBe(DEMO_SIRETS.lyon);
  });

  test("a centre user cannot request an agrément on another centre's site", async () => {
    const response = await as('centre.lyon').post('/api/ra/agrements', { ...(await body('agrements', 'lyon')), site: shared.sites.paris });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('site');
  });

  test('a DREETS cannot grant, read nor create in another région', async () => {
    const ara = as('dreets.ara');
    const parisAgrement = shared.agrements.paris!;
    expect((await ara.post(`/api/ra/agrements/${parisAgrement}/accorder`)).status).toBe(404);
    expect((await ara.get(`/api/ra/agrements/${parisAgrement}`)).status).toBe(404);
    const [row] = await sql(`SELECT statut FROM agrements WHERE document_id = $1`, [parisAgrement]);
    expect(row.statut).toBe('DEMANDE');
    // a centre whose commune lies in Île-de-France would leave the DREETS's région: refused, not created
    const siret = freshSiret();
    const created = await ara.post('/api/ra/centres', { raisonSociale: 'Centre hors région', siret, commune: communes.paris });
    expect(created.status).toBe(403);
    expect(created.body.error.message).toMatch(/périmètre/);
    expect(await sql(`SELECT 1 FROM centres WHERE siret = $1`, [siret])).toHaveLength(0);
    // and moving one of its centres to Paris is refused too
    const own = await ara.post('/api/ra/centres', { raisonSociale: 'Centre à déplacer', siret: freshSiret(), commune: communes.lyon });
    expect(own.status).toBe(201);
    expect((await ara.put(`/api/ra/centres/${own.body.id}`, { commune: communes.paris })).status).toBe(403);
  });

  test("a DREETS's lists are its région's only; a UD's its département's", async () => {
    const list = async (user: string) => ((await as(user).get('/api/ra/centres?range=[0,999]')).body as { siret: string }[]).map((c) => c.siret);
    const ara = await list('dreets.ara');
    expect(ara).toEqual(expect.arrayContaining([DEMO_SIRETS.lyon, DEMO_SIRETS.villeurbanne]));
    expect(ara).not.toEqual(expect.arrayContaining([DEMO_SIRETS.paris]));
    expect(ara.some((s) => [DEMO_SIRETS.paris, DEMO_SIRETS.marseille, DEMO_SIRETS.lille, DEMO_SIRETS.noumea].includes(s as never))).toBe(false);
    const rhone = await list('ud.rhone');
    expect(rhone).toEqual(expect.arrayContaining([DEMO_SIRETS.lyon, DEMO_SIRETS.villeurbanne]));
    expect(rhone).not.toContain(DEMO_SIRETS.paris);
    const udParis = await list('ud.paris');
    expect(udParis).toContain(DEMO_SIRETS.paris);
    expect(udParis).not.toContain(DEMO_SIRETS.lyon);
  });

  test('Nouvelle-Calédonie sees its territory (988) only', async () => {
    const nc = as('nc.dfpc');
    const centresNc = (await nc.get('/api/ra/centres?range=[0,999]')).body as { siret: string; departement: string }[];
    expect(centresNc.map((c) => c.siret)).toContain(DEMO_SIRETS.noumea);
    const [dep988] = await sql(`SELECT document_id FROM departements WHERE code = '988'`);
    expect(centresNc.every((c) => c.departement === dep988.document_id)).toBe(true);
    expect((await nc.get(`/api/ra/agrements/${shared.agrements.lyon}`)).status).toBe(404);
    const me = await nc.get('/api/ra/me');
    expect(me.body.territory).toEqual({ kind: 'departements', codes: ['988'] });
  });

  test('LECTURE reads nationally and writes nothing', async () => {
    const lecture = as('lecture');
    const all = (await lecture.get('/api/ra/centres?range=[0,999]')).body as { siret: string }[];
    expect(all.map((c) => c.siret)).toEqual(expect.arrayContaining(Object.values(DEMO_SIRETS)));
    for (const [method, path] of [
      ['POST', '/api/ra/centres'],
      ['PUT', `/api/ra/centres/${centres.lyon}`],
      ['DELETE', `/api/ra/sites/${shared.sites.lyon}`],
      ['POST', `/api/ra/agrements/${shared.agrements.lyon}/accorder`],
    ]) {
      const response = await lecture.call(method, path, method === 'DELETE' ? undefined : {});
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/Consultation nationale/);
    }
  });

  test('the role names of the users-permissions API cannot be used to escape the matrix', async () => {
    // the stock content API is closed to every profile: the bridge is the only door
    for (const path of ['/api/centres', '/api/agrements', '/api/sites', '/api/users']) {
      const response = await as('centre.lyon').get(path);
      expect([403, 404]).toContain(response.status);
    }
    // a user cannot widen its own scope through /api/users/:id
    const me = (await as('centre.lyon').get('/api/ra/me')).body;
    const escalate = await as('centre.lyon').put(`/api/users/${me.id}`, { regionCodes: ['84'], role: 1 });
    expect([403, 404, 405]).toContain(escalate.status);
    const [row] = await sql(`SELECT region_codes FROM up_users WHERE id = $1`, [me.id]);
    expect(row.region_codes ?? []).toEqual([]);
  });
});
