/**
 * One jest run, three projects: unit tests beside the code, integration tests against the
 * real Postgres, Redis and processes of this machine, and browser tests in Chromium.
 * ESM mode (NODE_OPTIONS=--experimental-vm-modules), transformed by SWC; type-checking is
 * `tsc -b`'s job, run as its own step of `npm test`.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
  },
];

const WORKSPACES = ['drawing-engine', 'protocol', 'collab-server', 'referee', 'web', 'scripts'];

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@scrawl/(drawing-engine|protocol|collab-server|referee)$': '<rootDir>/$1/src/index.ts',
    '^@scrawl/collab-server/testing$': '<rootDir>/collab-server/src/testing/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  roots: WORKSPACES.map((ws) => `<rootDir>/${ws}`),
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/web/.tsbuild/'],
};

export default {
  // Integration and browser tests start real processes; unit tests finish in milliseconds.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/src/**/*.test.ts', '**/src/**/*.test.tsx'],
      testPathIgnorePatterns: [
        '\\.int\\.test\\.tsx?$',
        '\\.e2e\\.test\\.tsx?$',
        '/node_modules/',
        '/dist/',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.int.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
