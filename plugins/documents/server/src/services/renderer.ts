/**
 * From domain input to a file: prepare (check, format, sanitise) each item, fill the template's
 * repeated page section with all of them, convert once. One item = one document; n items = one PDF
 * of n pages (or more: a page section may overflow). No Strapi import (tests, benchmark).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DocumentDataError } from '../domain/errors';
import { templateOf, type InputOf, type TemplateId } from '../domain/templates';
import type { LibreOfficePool } from './libreoffice';
import { joinPdfBuffers } from './pdf-join';

export type OutputFormat = 'pdf' | 'odt';
export const CONTENT_TYPES: Record<OutputFormat, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** templates/ at the repository root, found from here (src or dist: both five levels down); CERES_TEMPLATES_DIR overrides. */
export function templatesDir(): string {
  if (process.env.CERES_TEMPLATES_DIR) return process.env.CERES_TEMPLATES_DIR;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'parchemin.fodt'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Dossier templates/ introuvable (définir CERES_TEMPLATES_DIR).');
}

export function templateFile(id: TemplateId): string {
  // the file name comes from the fixed registry, never from a request
  return path.join(templatesDir(), templateOf(id).file);
}

const templateHashes = new Map<string, { mtimeMs: number; hash: string }>();

/** sha256 of the template file: part of each edition's content hash (which version printed it). */
export function templateHash(id: TemplateId): string {
  const file = templateFile(id);
  const { mtimeMs } = statSync(file);
  const cached = templateHashes.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.hash;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  templateHashes.set(file, { mtimeMs, hash });
  return hash;
}

/** Stable JSON (sorted keys) so equal data always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Content hash of one printed item: template version + the exact data printed. PDF bytes carry a
 * creation time, so hashing them would differ at every print of the same content.
 */
export function contentHash(id: TemplateId, page: Record<string, unknown>): string {
  return createHash('sha256').update(`${id}\n${templateHash(id)}\n${canonicalJson(page)}`).digest('hex');
}

/** Prepares every item; an error names the item: "items[3].titulaire.dateNaissance". */
export function preparePages<K extends TemplateId>(id: K, inputs: InputOf[K][]): Record<string, unknown>[] {
  const template = templateOf(id);
  return inputs.map((input, index) => {
    try {
      return template.prepare(input);
    } catch (error) {
      if (error instanceof DocumentDataError && inputs.length > 1) throw new DocumentDataError(`items[${index}].${error.field}`, `Document n° ${index + 1} : ${error.message}`);
      throw error;
    }
  });
}

export interface Rendered {
  buffer: Buffer;
  contentType: string;
  format: OutputFormat;
  /** one per item, in order */
  hashes: string[];
}

/**
 * A PDF of at least this many pages is cut into parts converted at once by the pool's LibreOffice processes
 * (a conversion is single-threaded), then joined by pdfunite. Below it, one conversion costs less than the
 * split and the join. CERES_DOCUMENTS_DECOUPAGE_MIN overrides it (read at each call: the benchmark compares both).
 */
export const DECOUPAGE_MIN_PAGES = 60;
const decoupageMin = () => Number(process.env.CERES_DOCUMENTS_DECOUPAGE_MIN) || DECOUPAGE_MIN_PAGES;

/** How many parts a batch is cut into: one per LibreOffice process, each of at least half the threshold. */
export function nombreDeParts(pages: number, factories: number, minimum = decoupageMin()): number {
  if (pages < minimum) return 1;
  return Math.max(1, Math.min(factories, Math.floor(pages / Math.ceil(minimum / 2))));
}

/** Renders already prepared pages (the service prepares, numbers, then renders). */
export async function renderPages(pool: LibreOfficePool, id: TemplateId, pages: Record<string, unknown>[], format: OutputFormat = 'pdf'): Promise<Rendered> {
  if (!pages.length) throw new DocumentDataError('items', 'Aucun document à produire.');
  if (format !== 'pdf' && format !== 'odt') throw new DocumentDataError('format', `Format inconnu « ${String(format)} » : pdf ou odt.`);
  const parts = format === 'pdf' ? nombreDeParts(pages.length, pool.factories) : 1;
  let buffer: Buffer;
  if (parts > 1) {
    const size = Math.ceil(pages.length / parts);
    const slices = Array.from({ length: parts }, (_, k) => pages.slice(k * size, (k + 1) * size)).filter((slice) => slice.length);
    buffer = await joinPdfBuffers(await Promise.all(slices.map((slice) => pool.render(templateFile(id), { pages: slice }, 'pdf'))));
  } else {
    buffer = await pool.render(templateFile(id), { pages }, format);
  }
  return { buffer, contentType: CONTENT_TYPES[format], format, hashes: pages.map((page) => contentHash(id, page)) };
}

/** prepare + render: what previews, tests and the benchmark call. */
export async function renderDocuments<K extends TemplateId>(pool: LibreOfficePool, id: K, inputs: InputOf[K][], format: OutputFormat = 'pdf'): Promise<Rendered> {
  return renderPages(pool, id, preparePages(id, inputs), format);
}
