/** Uploaded files are never served as static files: only the bridge reads them, after its checks. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { api } from '../support/http';

const uploads = path.resolve(__dirname, '..', '..', 'strapi', 'public', 'uploads');
const file = path.join(uploads, 'piece-test-privee.pdf');

beforeAll(() => {
  mkdirSync(uploads, { recursive: true });
  writeFileSync(file, '%PDF-1.4 pièce justificative de test');
});

afterAll(() => rmSync(file, { force: true }));

test('a file under public/uploads is not reachable without the bridge', async () => {
  const response = await api().get('/uploads/piece-test-privee.pdf');
  expect(response.status).toBe(404);
  expect(JSON.stringify(response.body)).not.toMatch(/pièce justificative/);
});

test('the rest of the public folder is still served', async () => {
  const response = await api().get('/robots.txt');
  expect(response.status).toBe(200);
});
