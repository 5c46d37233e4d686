import path from 'node:path';
import { readFileSync } from 'node:fs';

/** Written by the global setup, read by every integration test (they run in other processes). */
export const RUN_STATE_FILE = path.resolve(__dirname, '..', '..', '.data', 'test-run.json');

export interface RunState {
  baseUrl: string;
  databaseUrl: string;
  serverPid: number;
}

export const runState = (): RunState => JSON.parse(readFileSync(RUN_STATE_FILE, 'utf8')) as RunState;
