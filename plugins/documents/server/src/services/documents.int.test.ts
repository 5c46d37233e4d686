/**
 * The documents service on the real test database (PostgreSQL of the integration run) and real
 * LibreOffice: parchemin numbers unique under concurrency, issue / reissue keep number and date,
 * every edition recorded, a refused or failed issue takes no number. Only Strapi's shell is stood in
 * for (db.connection and db.transaction, both backed by the same knex on the same database).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import knexFactory, { type Knex } from 'knex';
import { runState } from '../../../../../tests/support/run-state';
import { DocumentDataError, DocumentRuleError } from '../domain/errors';
import { todayIso } from '../domain/format';
import { createDocumentsService } from './documents';
import { LibreOfficePool } from './libreoffice';
import { ensureSchema, nextSequence } from './store';
import * as F from '../testing/fixtures';

jest.setTimeout(120_000);

let knex: Knex;
let service: ReturnType<typeof createDocumentsService>;
const pool = new LibreOfficePool({ factories: 2 });
const work = mkdtempSync(path.join(os.tmpdir(), 'ceres-documents-db-'));
const run = `t${Date.now().toString(36)}`;
const actor = { userId: null, label: 'test documents' };
const annee = Number(todayIso().slice(0, 4));
const validated = { resultatsValides: true, decision: 'TITRE_OBTENU' as const };

const pdfText = (buffer: Buffer) => {
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buffer);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]),
    text: execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString(),
  };
};

const counter = async (emetteur: string, serie = 'TP') =>
  Number((await knex('documents_compteurs').where({ emetteur, annee, serie }).first('dernier'))?.dernier ?? 0);

beforeAll(async () => {
  knex = knexFactory({ client: 'pg', connection: runState().databaseUrl, pool: { min: 0, max: 12 } });
  await ensureSchema(knex);
  const strapi = {
    db: { connection: knex, transaction: (work: (context: { trx: Knex.Transaction }) => Promise<unknown>) => knex.transaction((trx) => work({ trx })) },
  } as unknown as Core.Strapi;
  service = createDocumentsService(strapi, pool);
  await pool.start();
});

afterAll(async () => {
  await pool.stop();
  await knex.raw(`DELETE FROM documents_editions WHERE objet LIKE ?`, [`${run}%`]);
  await knex.raw(`DELETE FROM documents_delivrances WHERE objet LIKE ?`, [`${run}%`]);
  await knex.destroy();
  rmSync(work, { recursive: true, force: true });
});

test('40 concurrent issuers of one région and year get 40 distinct, consecutive numbers', async () => {
  const start = await counter('93');
  const taken = await Promise.all(Array.from({ length: 40 }, () => knex.transaction((trx) => nextSequence(trx, '93', annee, 'TP'))));
  expect(new Set(taken).size).toBe(40);
  expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => start + i + 1));
  // another région, another counter
  const after = await counter('93');
  await knex.transaction((trx) => nextSequence(trx, '94', annee, 'TP'));
  expect(await counter('93')).toBe(after);
});

test('issue: numbers allocated per issuer and year, one PDF, one edition recorded per parchemin', async () => {
  const before = await counter('84');
  const items = [F.IDENTITES.hayRoses, F.IDENTITES.urss, F.IDENTITES.coteIvoire].map((p, i) => ({ objet: `${run}:inscription:${i}`, input: F.parchemin(p, ''), facts: validated }));
  const issued = await service.issue('parchemin', items, { actor });
  const numbers = issued.items.map((item) => item.numero);
  expect(numbers).toEqual([1, 2, 3].map((k) => `84-${annee}-TP-${String(before + k).padStart(6, '0')}`));
  expect(issued.items.every((item) => !item.reedition && item.dateDelivrance === todayIso())).toBe(true);
  const doc = pdfText(issued.buffer);
  expect(doc.pages).toBe(3);
  for (const numero of numbers) expect(doc.text).toContain(`N° ${numero}`);
  expect(doc.text).toContain("CÔTE D'IVOIRE");
  const editions = await knex('documents_editions').where('objet', 'like', `${run}:inscription:%`).orderBy('id');
  expect(editions).toHaveLength(3);
  expect(editions.map((e) => e.numero)).toEqual(numbers);
  expect(editions.every((e) => e.user_label === 'test documents' && /^[0-9a-f]{64}$/.test(e.content_hash) && e.reedition === false)).toBe(true);
});

test('issuing the same result again prints the same number and original date, recorded as a reissue', async () => {
  const objet = `${run}:inscription:0`;
  const first = await knex('documents_delivrances').where({ objet }).first();
  const again = await service.issue('parchemin', [{ objet, input: F.parchemin(F.IDENTITES.hayRoses, ''), facts: validated }], { actor, motif: 'Duplicata' });
  expect(again.items[0]).toMatchObject({ numero: first.numero, reedition: true });
  const doc = pdfText(again.buffer);
  expect(doc.text).toContain(`N° ${first.numero}`);
  expect(doc.text).toMatch(/Réédition du \d{2}\/\d{2}\/\d{4}/);
  const row = await knex('documents_delivrances').where({ objet }).first();
  expect(row.reeditions).toBe(1);
  const last = await knex('documents_editions').where({ objet }).orderBy('id', 'desc').first();
  expect(last).toMatchObject({ reedition: true, motif: 'Duplicata', numero: first.numero });
});

test('reissue after a change of civil status: new name, original number, date and place', async () => {
  const objet = `${run}:inscription:1`;
  const original = await knex('documents_delivrances').where({ objet }).first();
  const changed = { ...F.IDENTITES.urss, nomNaissance: 'Ivanova', nomUsage: 'Durand-Ivanova' };
  const reissued = await service.reissue(original.numero, 'parchemin', { ...F.parchemin(changed, ''), lieuDelivrance: 'Ailleurs', emetteur: '11' }, { actor, motif: 'Changement de nom (état civil)' });
  expect(reissued.items[0]).toMatchObject({ numero: original.numero, reedition: true });
  const doc = pdfText(reissued.buffer);
  expect(doc.text.replace(/\s+/g, ' ')).toContain('nom d’usage Durand-Ivanova');
  expect(doc.text).toContain(`N° ${original.numero}`);
  expect(doc.text).toContain('Fait à Lyon, le'); // original place kept, not "Ailleurs"
  expect(doc.text).toContain('Auvergne-Rhône-Alpes'); // original issuer kept
  const history = await service.editions({ numero: original.numero });
  expect(history[0]).toMatchObject({ reedition: true, motif: 'Changement de nom (état civil)' });
  await expect(service.reissue('84-1999-TP-000001', 'parchemin', F.parchemin(changed), { actor, motif: 'x' })).rejects.toBeInstanceOf(DocumentRuleError);
  await expect(service.reissue(original.numero, 'parchemin', F.parchemin(changed), { actor, motif: ' ' })).rejects.toMatchObject({ field: 'motif' });
});

test('a refused or failed issue takes no number and records nothing', async () => {
  const before = await counter('84');
  const editionsBefore = Number((await knex('documents_editions').count('* as n').first())!.n);
  await expect(
    service.issue('parchemin', [{ objet: `${run}:refus`, input: F.parchemin(F.IDENTITES.hayRoses, ''), facts: { resultatsValides: false, decision: 'TITRE_OBTENU' } }], { actor }),
  ).rejects.toMatchObject({ status: 409 });
  // the second parchemin's data cannot be printed: the first one's number is rolled back with it
  await expect(
    service.issue(
      'parchemin',
      [
        { objet: `${run}:ok`, input: F.parchemin(F.IDENTITES.hayRoses, ''), facts: validated },
        { objet: `${run}:bad`, input: F.parchemin({ ...F.IDENTITES.urss, lieuNaissance: {} }, ''), facts: validated },
      ],
      { actor },
    ),
  ).rejects.toBeInstanceOf(DocumentDataError);
  expect(await counter('84')).toBe(before);
  expect(await knex('documents_delivrances').where('objet', 'like', `${run}:ok`).first()).toBeUndefined();
  expect(Number((await knex('documents_editions').count('* as n').first())!.n)).toBe(editionsBefore);
});

test('convocations: only with registered candidates, each edition recorded', async () => {
  const input = F.convocationCandidat(F.IDENTITES.rouvray);
  await expect(service.edit('convocation-candidat', [{ objet: `${run}:conv`, input, facts: { nombreInscrits: 0 } }], { actor })).rejects.toMatchObject({ status: 409 });
  const rendered = await service.edit('convocation-candidat', [{ objet: `${run}:conv`, input, facts: { nombreInscrits: 5, inscrit: true } }], { actor });
  expect(pdfText(rendered.buffer).text).toContain('S-2026-084-00042');
  expect(await service.editions({ objet: `${run}:conv` })).toEqual([expect.objectContaining({ templateId: 'convocation-candidat', numero: null, contentHash: rendered.hashes[0] })]);
  // a certification never goes through edit (it would escape numbering and the rules of issue)
  await expect(service.edit('parchemin' as never, [], { actor })).rejects.toMatchObject({ field: 'templateId' });
});

test('numbered at validation, printed later: the first print keeps that number and date and is not a reissue', async () => {
  const items = [0, 1].map((i) => ({ objet: `${run}:validation:${i}`, emetteur: '988', lieuDelivrance: 'Nouméa', facts: validated }));
  await expect(service.numeroter('parchemin', [{ ...items[0], facts: { resultatsValides: false } }])).rejects.toMatchObject({ status: 409 });
  const numbered = await service.numeroter('parchemin', items);
  expect(numbered.map((n) => n.numero)).toEqual([expect.stringMatching(/^NC-\d{4}-TP-\d{6}$/), expect.stringMatching(/^NC-\d{4}-TP-\d{6}$/)]);
  expect(numbered.every((n) => n.nouveau)).toBe(true);
  expect(await service.numeroter('parchemin', items)).toEqual(numbered.map((n) => ({ ...n, nouveau: false })));
  const issued = await service.issue('parchemin', items.map((item, i) => ({ objet: item.objet, facts: validated, input: F.parchemin([F.IDENTITES.urss, F.IDENTITES.rouvray][i], '', { emetteur: '988', lieuDelivrance: 'Nouméa' }) })), { actor });
  expect(issued.items.map((i) => [i.numero, i.reedition])).toEqual(numbered.map((n) => [n.numero, false]));
  const text = pdfText(issued.buffer).text;
  expect(text).toContain(`N° ${numbered[0].numero}`);
  expect(text).toContain('haut-commissaire de la République en Nouvelle-Calédonie');
  expect(text).not.toContain('Réédition');
});

test('the bridge answer for a file', async () => {
  const rendered = await service.render('liste-jurys', F.listeJurys());
  const answer = service.fileAnswer(rendered, 'liste-jurys-S-2026-084-00042.pdf');
  expect(answer).toMatchObject({ ceresFile: true, filename: 'liste-jurys-S-2026-084-00042.pdf', contentType: 'application/pdf', inline: true });
  expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
});
