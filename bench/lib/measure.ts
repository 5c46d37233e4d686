/** Latency measurement: HTTP with autocannon (every response time kept), raw SQL with pg — same shape of result. */
import autocannon from 'autocannon';
import { Pool } from 'pg';

export interface Measure {
  connections: number;
  requests: number;
  errors: number;
  throughput: number; // requests per second
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[], connections: number, seconds: number, errors: number): Measure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  return { connections, requests: sorted.length, errors, throughput: sorted.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function measureHttp(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<Measure> {
  const samples: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, headers, connections, duration: seconds, pipelining: 1 });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 400) errors++;
    else samples.push(responseTime);
  });
  const result = await instance;
  return percentiles(samples, connections, seconds, errors + result.errors + result.timeouts);
}

/** runs `query` (what the bridge runs for one call, e.g. count + page in parallel) in a loop on each connection */
export async function measureSql(pool: Pool, query: (pool: Pool) => Promise<unknown>, connections: number, seconds: number): Promise<Measure> {
  const samples: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        try {
          await query(pool);
          samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch {
          errors++;
        }
      }
    }),
  );
  return percentiles(samples, connections, seconds, errors);
}
