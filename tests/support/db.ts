/** Direct SQL on the test database, to check what the server did (row counts, traces). */
import { Pool } from 'pg';
import { runState } from './run-state';

let pool: Pool | undefined;

export async function sql<T extends Record<string, any> = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (!pool) {
    pool = new Pool({ connectionString: runState().databaseUrl, max: 2 });
    pool.on('error', () => undefined); // an idle client cut by the server's shutdown is not a test failure
  }
  const result = await pool.query(text, params);
  return result.rows as T[];
}

export async function closeSql() {
  await pool?.end();
  pool = undefined;
}

afterAll(async () => {
  await closeSql();
});
