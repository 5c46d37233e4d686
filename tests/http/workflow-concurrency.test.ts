/**
 * The same workflow action sent twice at once is applied once: the bridge locks the record (FOR UPDATE)
 * before the action's rules run, so the second call sees the new state and is refused.
 */
import { api, login } from '../support/http';
import { sql } from '../support/db';
import { DEMO_SIRETS } from '../../strapi/src/seed/demo-users';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('two DREETS agents grant the same agrément at the same instant: one grant, one refusal, one trace', async () => {
  const centreLyon = api(await login('centre.lyon'));
  const dreets = api(await login('dreets.ara'));
  const [centre] = await sql(`SELECT document_id FROM centres WHERE siret = $1`, [DEMO_SIRETS.lyon]);
  const [site] = await sql(
    `SELECT s.document_id FROM sites s JOIN sites_centre_lnk l ON l.site_id = s.id JOIN centres c ON c.id = l.centre_id WHERE c.siret = $1 ORDER BY s.id LIMIT 1`,
    [DEMO_SIRETS.lyon],
  );
  const [titre] = await sql(`SELECT document_id FROM titres WHERE date_fin_validite > now() + interval '2 years' ORDER BY code DESC LIMIT 1`);
  const created = await centreLyon.post('/api/ra/agrements', { centre: centre.document_id, site: site.document_id, titre: titre.document_id, dateDebut: day(40), dateFin: day(300) });
  expect(created.status).toBe(201);

  const answers = await Promise.all([1, 2, 3].map(() => dreets.post(`/api/ra/agrements/${created.body.id}/accorder`, {})));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s >= 400 && s < 500)).toHaveLength(2);
  for (const refused of answers.filter((a) => a.status !== 200)) expect(refused.body.error.message).toEqual(expect.any(String));

  const traces = await sql(`SELECT count(*)::int AS n FROM ceres_trace WHERE resource = 'agrements' AND document_id = $1 AND action = 'accorder'`, [created.body.id]);
  expect(traces[0].n).toBe(1);
});
