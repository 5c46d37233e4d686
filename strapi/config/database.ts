import type { Core } from '@strapi/strapi';

// CERES runs on PostgreSQL only: the launcher (scripts/) always provides DATABASE_URL,
// pointing at the embedded server or at the one the operator chose.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => ({
  connection: {
    client: 'postgres',
    connection: {
      connectionString: env('DATABASE_URL'),
      schema: env('DATABASE_SCHEMA', 'public'),
    } as Core.Config.Database<'postgres'>['connection']['connection'],
    pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    // fail fast (503) when PostgreSQL is gone instead of queueing requests for a minute
    acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 5000),
  },
});

export default config;
