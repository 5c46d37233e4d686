/**
 * A document answered by the server, kept in a temporary file and read back with poppler (pdfinfo, pdftotext):
 * what the PDF says, not what the server meant to print.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DocumentAnswer {
  status: number;
  headers: Headers;
  json: () => any;
  /** page count (pdfinfo) */
  pages: () => number;
  /** the text (pdftotext -raw, UTF-8); '' when the answer is not a PDF */
  text: () => string;
}

/** a folder for one test file's documents: `save(response)` reads an answer, `clean()` removes them all */
export function pdfFolder(prefix: string) {
  const work = mkdtempSync(path.join(os.tmpdir(), `ceres-${prefix}-`));
  return {
    async save(response: Response, name = 'document'): Promise<DocumentAnswer> {
      const buffer = Buffer.from(await response.arrayBuffer());
      const file = path.join(work, `${name}-${randomBytes(4).toString('hex')}.pdf`);
      writeFileSync(file, buffer);
      const isPdf = buffer.subarray(0, 5).toString() === '%PDF-';
      return {
        status: response.status,
        headers: response.headers,
        json: () => JSON.parse(buffer.toString('utf8')),
        pages: () => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]),
        text: () => (isPdf ? execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString() : ''),
      };
    },
    clean: () => rmSync(work, { recursive: true, force: true }),
  };
}
