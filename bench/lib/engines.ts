import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, type Database } from '../../apps/server/src/db/createDatabase.ts';
import {
  adminQuery,
  databaseUrl,
  type PostgresServer,
  quoteIdent,
  startPostgresServer,
} from '../../apps/server/src/testing/postgresServer.ts';

export type EngineName = 'pglite' | 'postgres';
export const ENGINES: readonly EngineName[] = ['pglite', 'postgres'];

/** Password of the bench's accounts (meets the password rules). */
export const BENCH_PASSWORD = 'Bench#2026zb';

/** One engine's database for one run, and how child processes reach it. */
export interface BenchEngine {
  name: EngineName;
  /** Master key shared by the CLI, the server and this process (ZHIBU_SECRET_KEY). */
  masterKey: Buffer;
  /** Environment of zhibu child processes. */
  env: NodeJS.ProcessEnv;
  /** `--data DIR` for the embedded engine; nothing for PostgreSQL (DATABASE_URL in env). */
  dataArgs: string[];
  /** Opens the database in this process. On PGlite no server or CLI may hold it meanwhile. */
  open(): Promise<Database>;
  /** Environment of the bare baseline server (bench/lib/bareServer.mjs). */
  bareEnv: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

function baseEnv(workDir: string, masterKey: Buffer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.ZHIBU_TEST_ENGINE;
  delete env.NODE_OPTIONS;
  delete env.VITEST;
  return {
    ...env,
    ZHIBU_SECRET_KEY: masterKey.toString('base64'),
    ZHIBU_ADMIN_PASSWORD: BENCH_PASSWORD,
    ZHIBU_DATA_DIR: join(workDir, 'zhibu-data'),
    LOG_LEVEL: 'warn',
  };
}

/** PGlite in `<workDir>/pglite-data` (zhibu keeps the engine's files in its `pglite/` folder). */
export function pgliteEngine(workDir: string): BenchEngine {
  const dataDir = join(workDir, 'pglite-data');
  mkdirSync(dataDir, { recursive: true });
  const masterKey = randomBytes(32);
  const env = baseEnv(workDir, masterKey);
  return {
    name: 'pglite',
    masterKey,
    env,
    dataArgs: ['--data', dataDir],
    open: () => createDatabase({ dataDir: join(dataDir, 'pglite'), migrate: false }),
    bareEnv: { ...env, BENCH_BARE_PGLITE: join(dataDir, 'pglite') },
    dispose: async () => {},
  };
}

/**
 * A PostgreSQL 15 server started for the run (the test suite's throwaway server: tmpfs when there
 * is room, fsync off), or the one in ZHIBU_BENCH_DATABASE_URL (a superuser URL; a database
 * `zhibu_bench_<scale>` is created on it and dropped at the end).
 */
export async function postgresEngine(workDir: string, databaseName: string): Promise<BenchEngine> {
  const server: PostgresServer = await startPostgresServer({
    externalUrl: process.env.ZHIBU_BENCH_DATABASE_URL || null,
  });
  try {
    await adminQuery(server.url, [
      `DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`,
      `CREATE DATABASE ${quoteIdent(databaseName)}`,
    ]);
  } catch (e) {
    await server.stop();
    throw e;
  }
  const url = databaseUrl(server.url, databaseName);
  const masterKey = randomBytes(32);
  const env = { ...baseEnv(workDir, masterKey), DATABASE_URL: url };
  return {
    name: 'postgres',
    masterKey,
    env,
    dataArgs: [],
    open: () => createDatabase({ url, migrate: false }),
    bareEnv: { ...env, BENCH_BARE_DATABASE_URL: url },
    dispose: async () => {
      try {
        if (!server.owned)
          await adminQuery(server.url, [`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`]);
      } finally {
        await server.stop();
      }
    },
  };
}
