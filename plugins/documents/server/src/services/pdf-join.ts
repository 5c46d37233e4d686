/**
 * Joins PDF files into one with poppler's pdfunite (Debian poppler-utils, already required by the tests
 * and the CI image: .ci/debian-packages.txt). Used when a batch is rendered in parts (several LibreOffice
 * processes at once, or a background batch written chunk by chunk).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LibreOfficeUnavailableError } from './libreoffice';

export const PDFUNITE_MISSING =
  'Assemblage des documents impossible : l’outil pdfunite est introuvable sur le serveur. Installez-le (Debian : apt-get install poppler-utils) puis redémarrez CERES.';

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new LibreOfficeUnavailableError(PDFUNITE_MISSING));
      else if (error) reject(error);
      else resolve(stdout);
    }),
  );
}

/** Joins files (in order) into `target`. One file is copied as is. */
export async function joinPdfFiles(files: string[], target: string): Promise<void> {
  if (!files.length) throw new Error('joinPdfFiles: aucun fichier');
  if (files.length === 1) {
    await writeFile(target, await readFile(files[0]));
    return;
  }
  await run('pdfunite', [...files, target]);
}

/** Joins PDF buffers (in order) into one buffer. */
export async function joinPdfBuffers(buffers: Buffer[]): Promise<Buffer> {
  if (buffers.length === 1) return buffers[0];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ceres-pdf-'));
  try {
    const files = buffers.map((_, index) => path.join(dir, `${String(index).padStart(4, '0')}.pdf`));
    await Promise.all(buffers.map((buffer, index) => writeFile(files[index], buffer)));
    const target = path.join(dir, 'joint.pdf');
    await run('pdfunite', [...files, target]);
    return await readFile(target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page count of a PDF file (pdfinfo, same package). */
export async function pdfPages(file: string): Promise<number> {
  const match = /^Pages:\s+(\d+)/m.exec(await run('pdfinfo', [file]));
  return match ? Number(match[1]) : 0;
}
