import path from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * Written by the global setup, read by every integration test (they run in other processes). One file per
 * jest run — the setup hands its path down in CERES_TEST_RUN_STATE — so that two runs on the same machine
 * (several engineers, one working tree) never talk to each other's server.
 */
export const RUN_STATE_FILE = process.env.CERES_TEST_RUN_STATE ?? path.resolve(__dirname, '..', '..', '.data', `test-run-${process.pid}.json`);

export interface RunState {
  baseUrl: string;
  databaseUrl: string;
  serverPid: number;
}

export const runState = (): RunState => JSON.parse(readFileSync(RUN_STATE_FILE, 'utf8')) as RunState;
