/**
 * Documents benchmark: `npx tsx bench/documents.ts` (writes bench/report-documents.md).
 * CERES path (prepare + sanitise + carbone + warm LibreOffice pool with retry) side by side, in the same
 * run and on the same template and pool, with a bare carbone.render → PDF baseline. Runs are
 * interleaved (CERES, baseline, CERES…) so a noisy neighbour hurts both alike.
 * Targets (issue #8): single warm PDF ≤ 100 ms; 200 parchemins as one PDF ≤ 1.5 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareParchemin } from '../plugins/documents/server/src/domain/models';
import { LibreOfficePool, loadCarbone } from '../plugins/documents/server/src/services/libreoffice';
import { renderDocuments, templateFile } from '../plugins/documents/server/src/services/renderer';
import * as F from '../plugins/documents/server/src/testing/fixtures';

const SINGLE_RUNS = Number(process.env.BENCH_SINGLE_RUNS ?? 40);
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 6);
const BATCH_SIZE = 200;

const identities = Object.values(F.IDENTITES);
const inputs = Array.from({ length: BATCH_SIZE }, (_, i) => F.parchemin(identities[i % identities.length], `84-2026-TP-${String(i + 1).padStart(6, '0')}`));

/** CPU time (ms) used so far by this process and its children (LibreOffice, carbone's python): load-independent cost. */
function cpuMs(): number {
  const tick = 10; // Linux USER_HZ = 100
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      /* gone */
    }
  }
  const own = process.cpuUsage();
  return total + (own.user + own.system) / 1000;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: samples.length, min: sorted[0], p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

const cpu: Record<string, number[]> = {};
async function time<T>(work: () => Promise<T>, cpuLabel?: string): Promise<[number, T]> {
  const cpuBefore = cpuLabel ? cpuMs() : 0;
  const started = process.hrtime.bigint();
  const result = await work();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (cpuLabel) (cpu[cpuLabel] ??= []).push(cpuMs() - cpuBefore);
  return [elapsed, result];
}

async function main() {
  const loadStart = os.loadavg()[0];
  const work = mkdtempSync(path.join(os.tmpdir(), 'ceres-bench-documents-'));
  const pool = new LibreOfficePool({ log: (m) => console.warn(m) });
  const [coldStart] = await time(() => pool.start());
  if (pool.state !== 'ready') throw new Error(pool.message);
  const { carbone } = loadCarbone();
  const file = templateFile('parchemin');
  // the baseline gets data already shaped for the template (what a bare integration would hand carbone)
  const single = inputs[0];
  const singlePages = { pages: [prepareParchemin(single)] };
  const batchPages = { pages: inputs.map(prepareParchemin) };
  const bare = (data: unknown) =>
    new Promise<Buffer>((resolve, reject) => carbone.render(file, data, { convertTo: 'pdf', lang: 'fr' }, (error, result) => (error ? reject(error) : resolve(result))));

  const [firstPdf] = await time(() => renderDocuments(pool, 'parchemin', [single]));
  for (let i = 0; i < 5; i++) {
    await renderDocuments(pool, 'parchemin', [single]);
    await bare(singlePages);
  }

  const ceresSingle: number[] = [];
  const bareSingle: number[] = [];
  for (let i = 0; i < SINGLE_RUNS; i++) {
    ceresSingle.push((await time(() => renderDocuments(pool, 'parchemin', [single]), 'ceresSingle'))[0]);
    bareSingle.push((await time(() => bare(singlePages), 'bareSingle'))[0]);
  }

  const ceresBatch: number[] = [];
  const wholeBatch: number[] = [];
  const bareBatch: number[] = [];
  // CERES cuts a big batch into one part per LibreOffice process, joined by pdfunite; "whole" = one conversion
  const whole = async () => {
    process.env.CERES_DOCUMENTS_DECOUPAGE_MIN = '1000000';
    try {
      return await renderDocuments(pool, 'parchemin', inputs);
    } finally {
      delete process.env.CERES_DOCUMENTS_DECOUPAGE_MIN;
    }
  };
  let pages = 0;
  for (let i = 0; i < BATCH_RUNS; i++) {
    const [t, rendered] = await time(() => renderDocuments(pool, 'parchemin', inputs), 'ceresBatch');
    ceresBatch.push(t);
    bareBatch.push((await time(() => bare(batchPages), 'bareBatch'))[0]);
    wholeBatch.push((await time(whole, 'wholeBatch'))[0]);
    if (i === 0) {
      const out = path.join(work, 'batch.pdf');
      writeFileSync(out, rendered.buffer);
      pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out]).toString())![1]);
    }
  }
  // throughput of single documents with every LibreOffice process busy (a session's convocations one by one)
  const concurrent = pool.factories * 2;
  const [burst] = await time(() => Promise.all(Array.from({ length: 20 }, (_, i) => renderDocuments(pool, 'parchemin', [inputs[i]]))));
  await pool.stop();
  rmSync(work, { recursive: true, force: true });

  const s1 = stats(ceresSingle);
  const b1 = stats(bareSingle);
  const s2 = stats(ceresBatch);
  const b2 = stats(bareBatch);
  const cpuModel = os.cpus()[0]?.model ?? 'inconnu';
  const libreoffice = execFileSync('/usr/lib/libreoffice/program/soffice.bin', ['--version']).toString().trim();
  const verdict = (value: number, target: number) => (value <= target ? `**atteint** (≤ ${target} ms)` : `**non atteint** (cible ${target} ms)`);
  const row = (label: string, s: ReturnType<typeof stats>) => `| ${label} | ${s.n} | ${ms(s.min)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${ms(s.mean)} |`;

  const report = `# Benchmark — documents (carbone + LibreOffice)

Run: ${new Date().toISOString()} — \`npx tsx bench/documents.ts\` — ${os.cpus().length} cœurs (${cpuModel}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.versions.node}, carbone 3.8.2, ${libreoffice}; pool de ${pool.factories} processus LibreOffice.
Charge de la machine pendant la mesure (load average 1 min au début / à la fin) : ${loadStart.toFixed(1)} / ${os.loadavg()[0].toFixed(1)}.
Template: \`templates/parchemin.fodt\` (A4 paysage). CERES = préparation des données (contrôles, formats, nettoyage)
+ carbone + pool LibreOffice avec reprise ; référence = \`carbone.render(template, données déjà prêtes, { convertTo: 'pdf' })\`
nu, même template, même pool, mêmes processus, exécutions alternées.

Démarrage du pool (à froid) : ${ms(coldStart)} ; premier PDF après démarrage : ${ms(firstPdf)}.

## Un parchemin, PDF, LibreOffice chaud (${SINGLE_RUNS} exécutions alternées)

| chemin | n | min | p50 | p95 | max | moyenne |
|---|---|---|---|---|---|---|
${row('CERES (renderDocuments)', s1)}
${row('référence carbone nu', b1)}

Cible ≤ 100 ms à chaud : p50 CERES ${ms(s1.p50)} → ${verdict(s1.p50, 100)} ; surcoût CERES (p50) ${ms(s1.p50 - b1.p50)}.

## 200 parchemins en un seul PDF (${BATCH_RUNS} exécutions alternées)

| chemin | n | min | p50 | p95 | max | moyenne |
|---|---|---|---|---|---|---|
${row(`CERES (renderDocuments, 200 entrées, ${pool.factories} parties jointes par pdfunite)`, s2)}
${row('CERES sans découpage (une conversion)', stats(wholeBatch))}
${row('référence carbone nu (200 pages)', b2)}

PDF produit : ${pages} pages. Cible ≤ 1 500 ms : p50 CERES ${ms(s2.p50)} → ${verdict(s2.p50, 1500)} ; surcoût CERES (p50) ${ms(s2.p50 - b2.p50)}.

## Temps CPU consommé (indépendant de la charge de la machine)

Somme du temps CPU de Node et des processus fils (LibreOffice, python de carbone) pendant chaque exécution, médiane :
une conversion est séquentielle dans un processus LibreOffice, ce temps est donc ce que durerait l'exécution sur un
cœur libre.

| mesure | CERES | référence carbone nu |
|---|---|---|
| un parchemin | ${ms(stats(cpu.ceresSingle).p50)} | ${ms(stats(cpu.bareSingle).p50)} |
| 200 parchemins, un PDF | ${ms(stats(cpu.ceresBatch).p50)} (sans découpage : ${ms(stats(cpu.wholeBatch).p50)}) | ${ms(stats(cpu.bareBatch).p50)} |

Cibles sur ce temps CPU : un parchemin ${verdict(stats(cpu.ceresSingle).p50, 100)} ; 200 parchemins ${verdict(stats(cpu.ceresBatch).p50, 1500)}.

## Débit en documents séparés

20 parchemins demandés en même temps (un PDF chacun, ${pool.factories} processus, ${concurrent} en vol) : ${ms(burst)} au total, soit ${(burst / 20).toFixed(0)} ms par document.
Pour un lot, un PDF unique de n pages reste bien plus rapide que n PDF.

Notes : chiffres d'une seule machine partagée (d'autres serveurs de test tournaient) ; les ordres de grandeur comptent plus
que les unités. Le surcoût CERES = préparation et nettoyage des données, calcul des empreintes (SHA-256) et contrôle du PDF.
`;
  writeFileSync(path.join(__dirname, 'report-documents.md'), report);
  console.log(report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
