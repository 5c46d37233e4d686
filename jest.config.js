// jest: `unit` runs pure code without a server; `integration` shares ONE booted Strapi on a throwaway PostgreSQL.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }] };
const ignore = ['/node_modules/', '/dist/', '/.data/'];

/** @type {import('jest').Config} */
module.exports = {
  // integration suites share one server and one database: one file at a time
  maxWorkers: 1,
  // project-level testTimeout is ignored by jest 30: browser and server tests need more than 5 s
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.unit.test.ts', '<rootDir>/**/*.unit.test.tsx'],
      testPathIgnorePatterns: ignore,
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      // *.int.test.ts: real external parts without the app server (e.g. documents rendered by LibreOffice)
      testMatch: ['<rootDir>/tests/http/**/*.test.ts', '<rootDir>/tests/e2e/**/*.test.ts', '<rootDir>/plugins/*/server/src/**/*.int.test.ts'],
      testPathIgnorePatterns: ignore,
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(ra-data-simple-rest|ra-core)/)'],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
