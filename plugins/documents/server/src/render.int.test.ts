/**
 * Real rendering: carbone + LibreOffice produce the PDFs, poppler reads them back (pdftotext, pdfinfo).
 * No Strapi needed. Hard identities (accents, Œ, apostrophes and hyphens, former countries, very long
 * names), every template, a 200-page batch, LibreOffice killed in the middle of a batch, clean shutdown.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareParchemin } from './domain/models';
import { TEMPLATE_IDS, type InputOf, type TemplateId } from './domain/templates';
import { diagnoseLibreOffice, LibreOfficePool, LibreOfficeUnavailableError, LIBREOFFICE_MISSING, PYTHON_UNO_MISSING } from './services/libreoffice';
import { renderDocuments, renderPages, templateFile } from './services/renderer';
import * as F from './testing/fixtures';

jest.setTimeout(120_000);

const work = mkdtempSync(path.join(os.tmpdir(), 'ceres-documents-'));
let files = 0;
const pool = new LibreOfficePool({ factories: 2 });

function pdf(buffer: Buffer) {
  const file = path.join(work, `doc-${++files}.pdf`);
  writeFileSync(file, buffer);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]),
    // -raw: content-stream order, and no "de-hyphenation" (by default pdftotext drops a hyphen that ends a line)
    text: (page?: number) => execFileSync('pdftotext', ['-raw', ...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']).toString(),
  };
}

// LibreOffice may wrap a long line anywhere, even after a hyphen: compare without white space
const squash = (text: string) => text.replace(/\s+/g, '');
const expectPrinted = (text: string, expected: string) => expect(squash(text)).toContain(squash(expected));

beforeAll(async () => {
  await pool.start();
  expect(pool.state).toBe('ready');
});

afterAll(async () => {
  await pool.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('hard identities on a parchemin, read back from the PDF', () => {
  const identities = Object.entries(F.IDENTITES);
  let doc: ReturnType<typeof pdf>;

  beforeAll(async () => {
    doc = pdf((await renderDocuments(pool, 'parchemin', identities.map(([, p]) => F.parchemin(p)))).buffer);
  });

  test('one page per parchemin, in order', () => {
    expect(doc.pages).toBe(identities.length);
  });

  test.each(identities.map(([name, p], index) => [name, p, index + 1] as const))('%s: name and place of birth exactly as recorded', (_name, person, page) => {
    const expected = prepareParchemin(F.parchemin(person));
    const text = doc.text(page);
    expectPrinted(text, expected.nomComplet as string);
    expectPrinted(text, expected.naissance as string);
  });

  test('accents, Œ ligature, apostrophes and hyphens in names and communes', () => {
    const all = doc.text();
    for (const exact of ["N'Guessan-Lefèvre", 'Marie-Hélène', "L'Haÿ-les-Roses (Val-de-Marne)", 'Œuvray-Dupont', 'Jean-Noël', "D'Aubigné", 'Saint-Étienne-du-Rouvray (Seine-Maritime)', 'Dušan Petrović']) {
      expect(all).toContain(exact);
    }
  });

  test('born abroad: country in upper case, former countries, accents kept', () => {
    expect(doc.text(3)).toContain('née le 08/03/1979 à U.R.S.S.');
    expect(doc.text(4)).toContain('né le 15/06/1972 à YOUGOSLAVIE');
    expect(doc.text(5)).toContain("né le 28/02/2001 à Abidjan (CÔTE D'IVOIRE)");
  });

  test('very long names and communes are printed whole', () => {
    const text = doc.text(6);
    expectPrinted(text, 'Marie-Antoinette, Ève-Angélique, Éléonore, Clémence-Héloïse de La Rochefoucauld-Montmorency-Laval-Saint-Simon-Beauharnais');
    expectPrinted(text, 'Wolfeschlegelsteinhausenbergerdorff-Von-Hohenzollern');
    expectPrinted(text, 'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson (Marne)');
  });

  test('quotes, XML-special characters, marker syntax and control characters do not break the document', () => {
    const text = doc.text(7);
    expect(text).toContain('O"Brien <b>&amp; {d.secret}');
    expect(text).toContain('LineBreak Here');
    expect(text).toContain('né le 29/02/2000 à Aix-en-Provence (Bouches-du-Rhône)');
  });

  test('mandatory mentions of the title', () => {
    const text = squash(doc.text(1));
    for (const mention of [
      'RÉPUBLIQUE',
      'MINISTÈRE CHARGÉ DE L’EMPLOI',
      'TITRE PROFESSIONNEL',
      'Développeur web et web mobile',
      'Niveau 5 du cadre national des certifications professionnelles (niveau 5 du cadre européen des certifications)',
      'Code du titre : TP-01280',
      'RNCP37674',
      'Code(s) NSF : 326t',
      'Vu la délibération du jury du 14/03/2026',
      'Fait à Lyon, le 20 mars 2026',
      'Pour le préfet de la région Auvergne-Rhône-Alpes, et par délégation,',
      "le directeur régional de l'économie, de l'emploi, du travail et des solidarités",
      'N° 84-2026-TP-000123',
    ]) {
      expect(text).toContain(squash(mention));
    }
  });
});

describe('every template renders', () => {
  const samples: { [K in TemplateId]: { input: InputOf[K]; expect: string[] } } = {
    parchemin: { input: F.parchemin(F.IDENTITES.urss), expect: ['U.R.S.S.'] },
    livret: {
      input: F.livret(F.IDENTITES.hayRoses),
      expect: ['LIVRET DE CERTIFICATION', 'Développer la partie front-end', '20/06/2025', 'Équivalence', 'ne vaut pas délivrance du titre professionnel', "région d'Île-de-France"],
    },
    'certificat-ccs': {
      input: F.certificatCcs(F.IDENTITES.yougoslavie),
      expect: ['CERTIFICAT COMPLÉMENTAIRE DE SPÉCIALISATION', 'Accompagner la personne en situation de handicap', 'NC-2026-CCS-000007', 'haut-commissaire de la République en Nouvelle-Calédonie', 'Niveau 3 du cadre national'],
    },
    'convocation-candidat': {
      input: F.convocationCandidat(F.IDENTITES.rouvray),
      expect: ['S-2026-084-00042', 'Monsieur Jean-Noël Œuvray-Dupont', 'le 12/03/2026 à 08 h 00', '3, allée des Œillets, 76800 Saint-Étienne-du-Rouvray', 'Mise en situation professionnelle', 'pièce d’identité'],
    },
    'convocation-jure': {
      input: F.convocationJure(F.JURES[0]),
      expect: ['Madame Anne-Sophie D\'Artagnan-Œillet', 'Nombre de candidats : 8', 'Jürgen Müller', 'tout lien professionnel, pédagogique ou personnel'],
    },
    'liste-jurys': {
      input: F.listeJurys(),
      expect: ['LISTE DES MEMBRES DU JURY', '06 98 76 54 32', '+33 6 11 22 33 44', '5, impasse des Tilleuls, 69003 Lyon', 'Le Clos-Fleuri, 2, chemin du Puits, 38000 Grenoble', '31/12/2028'],
    },
    'liste-jures-habilites': {
      input: F.listeJuresHabilites(),
      expect: ['LISTE DES JURÉS HABILITÉS', 'habilitation active du 01/03/2026 au 30/06/2026', '06 98 76 54 32', '5, impasse des Tilleuls, 69003 Lyon', 'du 01/01/2025 au 31/12/2028 (69)', '2 habilitations'],
    },
    emargement: { input: F.emargement(), expect: ['FEUILLE D’ÉMARGEMENT', 'Journée du 12/03/2026', 'Ivanova', '08/03/1979', "D'Artagnan-Œillet"] },
    'proces-verbal': {
      input: F.procesVerbal(),
      expect: ['PROCÈS-VERBAL DE SESSION', 'Réussite partielle', 'Absent (justifié)', 'CCP1 : acquis ; CCP2 : non acquis', 'Fait à Saint-Étienne-du-Rouvray, le 14 mars 2026'],
    },
  };

  test.each(TEMPLATE_IDS)('%s', async (id) => {
    const sample = samples[id];
    const doc = pdf((await renderDocuments(pool, id, [sample.input as never])).buffer);
    expect(doc.pages).toBeGreaterThanOrEqual(1);
    const text = doc.text();
    for (const expected of sample.expect) expectPrinted(text, expected);
  });

  test('a batch of two documents of a session kind gives each its own pages', async () => {
    const one = pdf((await renderDocuments(pool, 'convocation-candidat', [F.convocationCandidat(F.IDENTITES.rouvray)])).buffer).pages;
    const two = pdf((await renderDocuments(pool, 'convocation-candidat', [F.convocationCandidat(F.IDENTITES.rouvray), F.convocationCandidat(F.IDENTITES.urss)])).buffer);
    expect(two.pages).toBe(2 * one);
    expect(two.text(one + 1)).toContain('Ludmila Ivanova');
  });

  test('ODT on request', async () => {
    const rendered = await renderDocuments(pool, 'parchemin', [F.parchemin(F.IDENTITES.hayRoses)], 'odt');
    expect(rendered.contentType).toBe('application/vnd.oasis.opendocument.text');
    expect(rendered.buffer.subarray(0, 2).toString()).toBe('PK');
    expect(rendered.buffer.toString('latin1')).toContain('application/vnd.oasis.opendocument.text');
  });

  test('content hash: same data, same hash; other data, other hash', async () => {
    const a = await renderDocuments(pool, 'parchemin', [F.parchemin(F.IDENTITES.hayRoses), F.parchemin(F.IDENTITES.hayRoses), F.parchemin(F.IDENTITES.urss)]);
    expect(a.hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hashes[0]).toBe(a.hashes[1]);
    expect(a.hashes[2]).not.toBe(a.hashes[0]);
  });
});

describe('batches', () => {
  const batch = (n: number) => Array.from({ length: n }, (_, i) => F.parchemin({ ...F.IDENTITES.hayRoses, nomNaissance: `Lefèvre-${i + 1}` }, `84-2026-TP-${String(i + 1).padStart(6, '0')}`));

  test('200 parchemins as one PDF of 200 pages, in order', async () => {
    const doc = pdf((await renderDocuments(pool, 'parchemin', batch(200))).buffer);
    expect(doc.pages).toBe(200);
    expect(doc.text(1)).toContain('Lefèvre-1\n');
    expect(doc.text(1)).toContain('84-2026-TP-000001');
    expect(doc.text(137)).toContain('Lefèvre-137');
    expect(doc.text(200)).toContain('84-2026-TP-000200');
  });

  test('LibreOffice killed in the middle of a batch: the batch is retried and completes', async () => {
    const renderDir = path.join(os.tmpdir(), 'carbone_render');
    const before = LibreOfficePool.childSofficePids();
    expect(before.length).toBeGreaterThan(0);
    const retriedBefore = pool.retried;
    const job = renderDocuments(pool, 'parchemin', batch(300));
    // wait until carbone hands the filled document to LibreOffice (its intermediate file appears), then kill
    const started = Date.now();
    while (!(existsSync(renderDir) && readdirSync(renderDir).some((f) => f.endsWith('_tmp.fodt'))) && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (const pid of before) process.kill(pid, 'SIGKILL');
    const doc = pdf((await job).buffer);
    expect(doc.pages).toBe(300);
    expect(doc.text(300)).toContain('84-2026-TP-000300');
    expect(pool.retried).toBeGreaterThan(retriedBefore);
    // carbone restarted new processes; the killed ones are gone
    const after = LibreOfficePool.childSofficePids();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
  });

  test('with no retry left, a killed LibreOffice fails cleanly with a French message', async () => {
    const once = new LibreOfficePool({ factories: 2, attempts: 1 });
    await once.start();
    const pids = LibreOfficePool.childSofficePids();
    const renderDir = path.join(os.tmpdir(), 'carbone_render');
    const job = renderDocuments(once, 'parchemin', batch(300));
    const started = Date.now();
    while (!(existsSync(renderDir) && readdirSync(renderDir).some((f) => f.endsWith('_tmp.fodt'))) && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await expect(job).rejects.toThrow(LibreOfficeUnavailableError);
    await expect(job).rejects.toThrow(/Production des documents impossible/);
    // and the pool serves the next document once LibreOffice is back
    const next = pdf((await renderDocuments(pool, 'parchemin', [F.parchemin(F.IDENTITES.urss)])).buffer);
    expect(next.pages).toBe(1);
  });
});

describe('robustness', () => {
  test('a template is only ever a file of the registry', () => {
    expect(() => templateFile('../../etc/passwd' as TemplateId)).toThrow(/inconnu/);
  });

  test('missing data are refused before LibreOffice is asked', async () => {
    await expect(renderDocuments(pool, 'parchemin', [F.parchemin({ ...F.IDENTITES.hayRoses, lieuNaissance: {} })])).rejects.toMatchObject({ field: 'titulaire.lieuNaissance', status: 422 });
    await expect(renderDocuments(pool, 'parchemin', [F.parchemin(F.IDENTITES.hayRoses), F.parchemin({ ...F.IDENTITES.urss, dateNaissance: 'hier' })])).rejects.toMatchObject({
      field: 'items[1].titulaire.dateNaissance',
    });
    await expect(renderPages(pool, 'parchemin', [])).rejects.toMatchObject({ field: 'items' });
  });

  test('a clear French message when LibreOffice or its Python bridge is missing', () => {
    expect(diagnoseLibreOffice({ programDirs: ['/nonexistent'], pathEnv: '/nonexistent' })).toEqual({ ok: false, message: LIBREOFFICE_MISSING });
    expect(LIBREOFFICE_MISSING).toMatch(/LibreOffice est introuvable.*apt-get install libreoffice-writer-nogui python3-uno/);
    const noUno = diagnoseLibreOffice({ pythonCandidates: ['/bin/false'] });
    expect(noUno).toMatchObject({ ok: false, message: PYTHON_UNO_MISSING });
    expect(diagnoseLibreOffice()).toMatchObject({ ok: true, python: '/usr/bin/python3' });
  });

  test('stop leaves no LibreOffice process behind, and the pool starts again on demand', async () => {
    const spare = new LibreOfficePool({ factories: 2 });
    await spare.start();
    expect(LibreOfficePool.childSofficePids().length).toBeGreaterThan(0);
    await spare.stop();
    expect(LibreOfficePool.childSofficePids()).toEqual([]);
    // the shared pool restarts LibreOffice for the next document (first start is slower, then warm)
    const doc = pdf((await renderDocuments(pool, 'parchemin', [F.parchemin(F.IDENTITES.coteIvoire)])).buffer);
    expect(doc.text()).toContain("CÔTE D'IVOIRE");
  });
});
