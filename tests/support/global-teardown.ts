import { rmSync } from 'node:fs';
import { RUN_STATE_FILE } from './run-state';

export default async function globalTeardown() {
  await globalThis.__CERES_TEARDOWN__?.();
  rmSync(RUN_STATE_FILE, { force: true }); // one file per run: do not leave them behind
}
