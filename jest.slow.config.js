/**
 * The long suites, kept out of `npm test`: `npm run test:load` (test/load/*.load.ts) and
 * `npm run test:faults` (test/faults/*.fault.ts). Each file starts the Neo4j it needs (the fault
 * runs kill theirs), so there is no global setup; files run one at a time so figures are not skewed.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.load.ts', '**/*.fault.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 600_000,
  maxWorkers: 1,
};
