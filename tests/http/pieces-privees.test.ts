/**
 * Supporting documents (PJ) live in one private place, the ceres_piece table (plugins/bridge services/pieces.ts):
 * never as a file under a folder the server serves (strapi/public, admin-ui/dist) nor left in the temporary
 * folder; read only through GET /api/ra/pieces/<id> after the owner's territory check; written whole or not at
 * all; carried by `npm run backup` / `npm run restore`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { api, baseUrl, login } from '../support/http';
import { sql } from '../support/db';
import { runState } from '../support/run-state';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MARQUEUR = `piece-privee-${process.pid}-${Date.now()}`;
const RESTORED = `ceres_pieces_restore_${process.pid}`;
const pdf = Buffer.from(`%PDF-1.4\n% ${MARQUEUR}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

type Api = ReturnType<typeof api>;
let rhone: Api;
let paris: Api;
let lecture: Api;
let candidat: string;
let demande: string;
let workDir: string;
let regleId: string;

async function joindre(id: string, fichiers: { nom: string; contenu: Buffer; type: string }[], user = 'ud.rhone') {
  const form = new FormData();
  for (const f of fichiers) form.append('pieces', new Blob([f.contenu], { type: f.type }), f.nom);
  const response = await fetch(`${baseUrl()}/api/ra/demandes-equivalence/${id}/ajouterPieces`, { method: 'POST', headers: { Authorization: `Bearer ${await login(user)}` }, body: form });
  return { status: response.status, body: await response.json() };
}

/** every file under `dir` (depth-limited) whose bytes contain `marker` */
function filesContaining(dir: string, marker: string, depth = 6): string[] {
  if (!existsSync(dir) || depth < 0) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    let info;
    try {
      info = statSync(full);
    } catch {
      continue;
    }
    if (info.isDirectory()) found.push(...filesContaining(full, marker, depth - 1));
    else if (info.isFile() && info.size < 20 * 1024 * 1024) {
      try {
        if (readFileSync(full).includes(marker)) found.push(full);
      } catch {
        /* unreadable: not ours */
      }
    }
  }
  return found;
}

/** top-level files of the temporary folder (where the multipart parser writes) containing `marker` */
function tempFilesContaining(marker: string): string[] {
  const dir = os.tmpdir();
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((full) => {
      try {
        const info = statSync(full);
        return info.isFile() && info.size < 20 * 1024 * 1024 && readFileSync(full).includes(marker);
      } catch {
        return false;
      }
    });
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ceres-pieces-'));
  [rhone, paris, lecture] = [api(await login('ud.rhone')), api(await login('ud.paris')), api(await login('lecture'))];
  const created = await rhone.post('/api/ra/candidats', {
    nomNaissance: 'Zzpiece',
    prenoms: ['Agathe'],
    sexe: 'F',
    dateNaissance: '1990-06-02',
    communeNaissanceCode: '69123',
    communeNaissanceLibelle: 'Lyon',
    codePostal: '69003',
    confirmationNouvellePersonne: true,
  });
  expect(created.status).toBe(201);
  candidat = created.body.id;
  const admin = api(await login('admin.national'));
  const ccp = (await admin.get('/api/ra/ccps?range=[0,0]')).body[0].id;
  const regle = await admin.post('/api/ra/regles-equivalence', { libelle: `Zz règle pièces ${process.pid}`, type: 'EXTERNE', certificationSource: 'Attestation Zzpiece', ccpsCible: [ccp], valideDu: '2021-01-01' });
  expect(regle.status).toBe(201);
  regleId = regle.body.id;
  const d = await rhone.post('/api/ra/demandes-equivalence', { candidat, type: 'EXTERNE', regle: regleId, certificationExterne: 'Attestation Zzpiece', ccpsCible: [ccp] });
  expect(d.status).toBe(201);
  demande = d.body.id;
});

afterAll(async () => {
  await sql(`DROP DATABASE IF EXISTS ${RESTORED} WITH (FORCE)`).catch(() => undefined);
  await sql(`DELETE FROM ceres_piece WHERE ressource = 'demandes-equivalence' AND document_id = $1`, [demande]).catch(() => undefined);
  await sql(`DELETE FROM demandes_equivalence WHERE document_id = $1`, [demande]).catch(() => undefined);
  await sql(`DELETE FROM candidats WHERE document_id = $1`, [candidat]).catch(() => undefined);
  await sql(`DELETE FROM regles_equivalence WHERE document_id = $1`, [regleId]).catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
});

describe('private store of supporting documents', () => {
  let pieceId: number;

  test('one bad file refuses the whole call: nothing stored, nothing referenced', async () => {
    const refused = await joindre(demande, [
      { nom: 'bon.pdf', contenu: pdf, type: 'application/pdf' },
      { nom: 'faux.pdf', contenu: Buffer.from(`MZ\x90\x00 ${MARQUEUR}`), type: 'application/pdf' },
    ]);
    expect(refused).toMatchObject({ status: 400, body: { error: { field: 'pieces', message: expect.stringContaining('« faux.pdf »') } } });
    expect(await sql(`SELECT id FROM ceres_piece WHERE ressource = 'demandes-equivalence' AND document_id = $1`, [demande])).toEqual([]);
    const [row] = await sql(`SELECT pieces FROM demandes_equivalence WHERE document_id = $1`, [demande]);
    expect(row.pieces ?? []).toEqual([]);
  });

  test('a PDF is stored in the database, never as a file under a served folder nor left in the temporary folder', async () => {
    const stored = await joindre(demande, [{ nom: 'attestation.pdf', contenu: pdf, type: 'application/pdf' }]);
    expect(stored.status).toBe(200);
    expect(stored.body.pieces).toEqual([expect.objectContaining({ nom: 'attestation.pdf', type: 'application/pdf', taille: pdf.length, ajoutePar: 'ud.rhone' })]);
    pieceId = stored.body.pieces[0].id;
    const [row] = await sql(`SELECT contenu, usage FROM ceres_piece WHERE id = $1 AND ressource = 'demandes-equivalence' AND document_id = $2`, [pieceId, demande]);
    expect(Buffer.compare(row.contenu, pdf)).toBe(0);
    expect(row.usage).toBe('pieces');
    // the bridge removes the multipart temporary files once the call is over (success or failure)
    expect(tempFilesContaining(MARQUEUR)).toEqual([]);
    expect(filesContaining(path.join(ROOT, 'strapi', 'public'), MARQUEUR)).toEqual([]);
    expect(filesContaining(path.join(ROOT, 'admin-ui', 'dist'), MARQUEUR)).toEqual([]);
    // Strapi's media library holds nothing of it either
    expect(await sql(`SELECT id FROM files WHERE name = 'attestation.pdf' AND created_at > now() - interval '10 minutes'`)).toEqual([]);
  });

  test('read through the bridge by whoever reaches the owning request, 404 for anyone else', async () => {
    const read = await rhone.get(`/api/ra/pieces/${pieceId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: String(pieceId), nom: 'attestation.pdf', type: 'application/pdf', usage: 'pieces' });
    expect(Buffer.from(read.body.contenu, 'base64').equals(pdf)).toBe(true);
    expect((await lecture.get(`/api/ra/pieces/${pieceId}`)).status).toBe(200);
    const outside = await paris.get(`/api/ra/pieces/${pieceId}`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain(MARQUEUR);
    expect((await rhone.get(`/api/ra/pieces/999999999`)).status).toBe(404);
    expect((await rhone.get(`/api/ra/pieces/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await api().get(`/api/ra/pieces/${pieceId}`)).status).toBe(401);
  });

  test('backup then restore into a fresh database brings the document back, byte for byte', async () => {
    const source = runState().databaseUrl;
    const file = path.join(workDir, 'pieces.dump');
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: source },
        timeout: 150_000,
      });
    const dump = run('backup.ts', ['--output', file]);
    expect(`${dump.stdout}${dump.stderr}`).toContain('sauvegarde écrite');
    expect(dump.status).toBe(0);
    await sql(`DROP DATABASE IF EXISTS ${RESTORED} WITH (FORCE)`);
    const restore = run('restore.ts', [file, '--new-database', RESTORED]);
    expect(`${restore.stdout}${restore.stderr}`).toContain('restauration terminée');
    expect(restore.status).toBe(0);
    const target = new URL(source);
    target.pathname = `/${RESTORED}`;
    const restored = new Client({ connectionString: target.toString() });
    await restored.connect();
    try {
      const { rows } = await restored.query(`SELECT p.contenu, p.nom, d.pieces FROM ceres_piece p JOIN demandes_equivalence d ON d.document_id = p.document_id WHERE p.id = $1`, [pieceId]);
      expect(rows).toHaveLength(1);
      expect(Buffer.compare(rows[0].contenu, pdf)).toBe(0);
      expect(rows[0].nom).toBe('attestation.pdf');
      expect(rows[0].pieces).toEqual([expect.objectContaining({ id: pieceId })]);
    } finally {
      await restored.end();
    }
  });
});
