/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // The convergence sweep (test/sweep, issue 15 point 3) runs in its own CI step, `npm run sweep`:
  // it replays every action thousands of times. Its engine's own test stays in npm test.
  testPathIgnorePatterns: ['/node_modules/', '/test/sweep/(?!harness\\.test\\.ts$)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
};
