/** CORS limited to the configured back-office origin (none by default: the SPA is same-origin); passwords hashed. */
import { api } from '../support/http';
import { sql } from '../support/db';
import { DEMO_PASSWORD } from '../../strapi/src/seed/demo-users';

test('a foreign origin gets no CORS permission, on a simple call or a preflight', async () => {
  const simple = await api().get('/api/ra/pays', { Origin: 'https://attaquant.example' });
  expect(simple.headers.get('access-control-allow-origin') ?? '').not.toMatch(/attaquant|\*/);
  const preflight = await api().call('OPTIONS', '/api/ra/pays', undefined, {
    Origin: 'https://attaquant.example',
    'Access-Control-Request-Method': 'PUT',
    'Access-Control-Request-Headers': 'authorization,range',
  });
  expect(preflight.headers.get('access-control-allow-origin') ?? '').not.toMatch(/attaquant|\*/);
});

test('passwords are stored hashed (bcrypt), never in clear', async () => {
  const rows = await sql<{ password: string }>(`SELECT password FROM up_users WHERE username IN ('admin.national', 'centre.lyon')`);
  expect(rows).toHaveLength(2);
  for (const { password } of rows) {
    expect(password).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(password).not.toContain(DEMO_PASSWORD);
  }
});
