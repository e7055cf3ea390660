import { configDefaults, defineConfig } from 'vitest/config';

const integrationTests = ['apps/server/src/**/*.int.test.ts'];
const integration = {
  include: integrationTests,
  testTimeout: 30_000,
  hookTimeout: 30_000,
  teardownTimeout: 30_000,
};

export default defineConfig({
  test: {
    pool: 'forks',
    // 2 cores: one test file per core; every integration file holds its own database engine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Property tests run thousands of cases; a loaded 2-core CI machine needs headroom.
          testTimeout: 20_000,
          include: ['packages/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'int-pglite',
          // `*.postgres.int.test.ts` concern the server engine only (connections, pools).
          exclude: [...configDefaults.exclude, '**/*.postgres.int.test.ts'],
          env: { ZHIBU_TEST_ENGINE: 'pglite' },
          globalSetup: ['apps/server/src/testing/globalSetup.pglite.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'int-postgres',
          env: { ZHIBU_TEST_ENGINE: 'postgres' },
          globalSetup: ['apps/server/src/testing/globalSetup.postgres.ts'],
        },
      },
    ],
  },
});
