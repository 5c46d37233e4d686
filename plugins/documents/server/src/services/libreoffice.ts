/**
 * The LibreOffice pool behind carbone: one process per core, started once (at boot), kept warm,
 * restarted by carbone when it dies — and the job that died with it retried here (carbone's
 * `attempts` is not used in 3.8.2). Stopped cleanly so no soffice.bin outlives the server.
 * No Strapi import: the tests and the benchmark use it as is.
 *
 * carbone looks for soffice.bin and a python3 able to `import uno` ONCE, when the module is loaded:
 * PATH is set for that moment only (Debian's LibreOffice first, /usr/bin/python3 before any pyenv shim).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LIBREOFFICE_MISSING =
  'Production des documents impossible : LibreOffice est introuvable sur le serveur. ' +
  'Installez-le (Debian : apt-get install libreoffice-writer-nogui python3-uno fonts-dejavu fonts-liberation2) puis redémarrez CERES.';
export const PYTHON_UNO_MISSING =
  'Production des documents impossible : le module Python « uno » de LibreOffice est introuvable. ' +
  'Installez-le (Debian : apt-get install python3-uno) puis redémarrez CERES.';
export const LIBREOFFICE_FAILED = 'Production des documents impossible : LibreOffice n’a pas pu convertir le document après plusieurs essais. Réessayez dans un instant.';

/** The server cannot produce documents: the answer says why, in French (503 on the bridge). */
export class LibreOfficeUnavailableError extends Error {
  readonly ceresBridgeError = true;
  readonly status = 503;
  constructor(message: string) {
    super(message);
    this.name = 'LibreOfficeUnavailableError';
  }
}

export interface Diagnosis {
  ok: boolean;
  soffice?: string;
  python?: string;
  message?: string;
}

const STANDARD_PROGRAM_DIRS = ['/usr/lib/libreoffice/program'];

function optLibreOfficeDirs(): string[] {
  try {
    return readdirSync('/opt')
      .filter((name) => /^libreoffice\d+\.\d+$/.test(name))
      .map((name) => path.join('/opt', name, 'program'));
  } catch {
    return [];
  }
}

/**
 * Where soffice.bin and a python3 with `uno` are, or a French message saying what is missing.
 * Inputs are injectable so the "missing" message is testable on a machine where LibreOffice exists.
 */
export function diagnoseLibreOffice(options: { programDirs?: string[]; pathEnv?: string; pythonCandidates?: string[] } = {}): Diagnosis {
  const pathDirs = (options.pathEnv ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const programDirs = options.programDirs ?? [...STANDARD_PROGRAM_DIRS, ...optLibreOfficeDirs()];
  const soffice = [...programDirs, ...pathDirs].map((dir) => path.join(dir, 'soffice.bin')).find((file) => existsSync(file));
  if (!soffice) return { ok: false, message: LIBREOFFICE_MISSING };
  // a pyenv shim comes first on developers' PATH and has no uno: the system python3 goes first
  const pythons = options.pythonCandidates ?? [path.join(path.dirname(soffice), 'python3'), '/usr/bin/python3', ...pathDirs.map((dir) => path.join(dir, 'python3'))];
  for (const python of pythons) {
    if (!existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', 'import uno'], { timeout: 15_000, stdio: 'ignore' });
    if (probe.status === 0) return { ok: true, soffice, python };
  }
  return { ok: false, soffice, message: PYTHON_UNO_MISSING };
}

// carbone is a process-wide singleton (one converter, one queue): so is its loading
type Callback = (error: unknown, result: Buffer) => void;
export interface Carbone {
  set(options: Record<string, unknown>): void;
  render(template: string, data: unknown, options: Record<string, unknown>, callback: Callback): void;
}
interface Converter {
  init(options: Record<string, unknown>, callback: () => void): void;
  exit(callback?: () => void): void;
}

let loaded: { carbone: Carbone; converter: Converter; diagnosis: Diagnosis } | undefined;
// carbone's converter calls back only when it starts factories itself: every pool shares one start
let converterStarting: Promise<boolean> | undefined;

function startConverter(converter: Converter, factories: number): Promise<boolean> {
  if (!converterStarting) {
    converterStarting = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 60_000);
      timer.unref();
      converter.init({ factories, startFactory: true }, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
  return converterStarting;
}

/** Loads carbone with the right PATH (once per process). Throws LibreOfficeUnavailableError when LibreOffice is missing. */
export function loadCarbone(): { carbone: Carbone; converter: Converter; diagnosis: Diagnosis } {
  if (loaded) {
    if (!loaded.diagnosis.ok) throw new LibreOfficeUnavailableError(loaded.diagnosis.message!);
    return loaded;
  }
  const diagnosis = diagnoseLibreOffice();
  const previous = process.env.PATH;
  if (diagnosis.ok) process.env.PATH = [path.dirname(diagnosis.soffice!), path.dirname(diagnosis.python!), previous].join(path.delimiter);
  // carbone runs a 2-second CPU benchmark at load when it sees a test runner (global `it`): not for our tests
  const globals = globalThis as { it?: unknown };
  const testIt = globals.it;
  globals.it = undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const carbone = require('carbone') as Carbone;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const converter = require('carbone/lib/converter') as Converter;
    loaded = { carbone, converter, diagnosis };
  } finally {
    process.env.PATH = previous;
    globals.it = testIt;
  }
  if (!diagnosis.ok) throw new LibreOfficeUnavailableError(diagnosis.message!);
  return loaded;
}

/** Failures that a LibreOffice restart cures: retry them. Anything else (bad template…) is not retried. */
export function isConversionFailure(error: unknown): boolean {
  const message = typeof error === 'string' ? error : ((error as Error)?.message ?? '');
  return /Could not (convert|open) (the )?document|conversion timeout|Cannot returned file buffer|not a PDF|ENOENT/i.test(message);
}

export interface PoolOptions {
  /** LibreOffice processes; default: the number of cores */
  factories?: number;
  /** tries per job (first one included) */
  attempts?: number;
  /** kill a conversion that hangs (ms) */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export type PoolState = 'stopped' | 'starting' | 'ready' | 'unavailable';

export class LibreOfficePool {
  state: PoolState = 'stopped';
  message?: string;
  readonly factories: number;
  readonly attempts: number;
  /** jobs that needed a second try (LibreOffice died under them) */
  retried = 0;
  private starting?: Promise<void>;

  constructor(private readonly options: PoolOptions = {}) {
    this.factories = Math.max(1, options.factories ?? os.availableParallelism?.() ?? os.cpus().length);
    this.attempts = Math.max(1, options.attempts ?? 4);
  }

  /** Starts the LibreOffice processes and resolves when they accept work (first start ≈ 2–3 s). */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    this.state = 'starting';
    this.starting = new Promise<void>((resolve) => {
      let modules: ReturnType<typeof loadCarbone>;
      try {
        modules = loadCarbone();
      } catch (error) {
        this.state = 'unavailable';
        this.message = (error as Error).message;
        this.options.log?.(this.message);
        return resolve();
      }
      modules.carbone.set({ lang: 'fr', timezone: 'Europe/Paris', converterFactoryTimeout: this.options.timeoutMs ?? 60_000 });
      void startConverter(modules.converter, this.factories).then((started) => {
        if (started) this.state = 'ready';
        else {
          this.state = 'unavailable';
          this.message = LIBREOFFICE_FAILED;
          this.options.log?.('LibreOffice ne démarre pas (60 s) : les documents PDF sont indisponibles.');
        }
        resolve();
      });
    });
    return this.starting;
  }

  /** Renders a template with carbone and converts it (pdf, odt); LibreOffice deaths are retried. */
  async render(templateFile: string, data: unknown, convertTo: string): Promise<Buffer> {
    // (re)start when stopped — also when another pool of this process stopped carbone's shared converter
    if (this.state === 'stopped' || (this.state === 'ready' && !converterStarting)) {
      this.starting = undefined;
      await this.start();
    } else if (this.starting) await this.starting;
    if (this.state === 'unavailable') throw new LibreOfficeUnavailableError(this.message ?? LIBREOFFICE_MISSING);
    const { carbone } = loadCarbone();
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const buffer = await new Promise<Buffer>((resolve, reject) =>
          carbone.render(templateFile, data, { convertTo, lang: 'fr', timezone: 'Europe/Paris' }, (error, result) => (error ? reject(error) : resolve(result))),
        );
        if (convertTo === 'pdf' && buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('LibreOffice answered something that is not a PDF');
        if (attempt > 1) this.retried++;
        return buffer;
      } catch (error) {
        lastError = error;
        if (!isConversionFailure(error) || attempt === this.attempts) break;
        this.options.log?.(`LibreOffice a échoué (${String((error as Error)?.message ?? error)}) : nouvel essai ${attempt + 1}/${this.attempts}.`);
        // carbone restarts a dead LibreOffice in 1–2 s; the job goes back to its queue meanwhile
        await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
      }
    }
    if (isConversionFailure(lastError)) throw new LibreOfficeUnavailableError(LIBREOFFICE_FAILED);
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  /** Kills every LibreOffice process of the pool (no orphan soffice.bin) and waits for them. */
  async stop(): Promise<void> {
    if (!loaded?.diagnosis.ok || this.state === 'stopped') return;
    const { converter } = loaded;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      converter.exit(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    converterStarting = undefined;
    this.state = 'stopped';
    this.starting = undefined;
  }

  /** PIDs of the LibreOffice processes this Node process started (tests, diagnostics). */
  static childSofficePids(parentPid = process.pid): number[] {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
        if (match && match[1] === 'soffice.bin' && Number(match[2]) === parentPid) pids.push(Number(entry));
      } catch {
        /* process gone */
      }
    }
    return pids;
  }
}

let shared: LibreOfficePool | undefined;

/** The process-wide pool (carbone has one converter per process). */
export function sharedPool(options?: PoolOptions): LibreOfficePool {
  if (!shared) shared = new LibreOfficePool(options);
  return shared;
}
