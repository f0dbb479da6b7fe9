/**
 * One jest run for everything: unit tests and integration tests against a real Neo4j that the
 * global setup starts (a throwaway instance on a free port) unless NEO4J_URI names one.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking is `npm run typecheck`'s job; here we only transpile (with decorator metadata).
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Integration tests wait on a real database; a cold JVM can take a while on 2 cores.
  testTimeout: 60_000,
  maxWorkers: 2,
};
