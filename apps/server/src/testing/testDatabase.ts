/**
 * Fresh, migrated, empty databases for integration tests, on the engine the vitest project names
 * (`ZHIBU_TEST_ENGINE=pglite|postgres`, set by the `int-pglite` / `int-postgres` projects).
 *
 * - postgres: `CREATE DATABASE "t_<random>" TEMPLATE zhibu_template` on the run's throwaway
 *   server (see globalSetup.postgres.ts); `close()` also drops the database.
 * - pglite: a new in-memory PGlite loaded from the dump of a migrated one (globalSetup.pglite.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { inject } from 'vitest';
import { createDatabase, type Database, type Db, type Engine } from '../db/createDatabase.ts';
import * as schema from '../db/schema.ts';
import { buildPgliteTemplate } from './pgliteTemplate.ts';
import { adminQuery, databaseUrl, dropDatabase, quoteIdent, TEMPLATE_DATABASE } from './postgresServer.ts';
import './context.ts';

export interface TestDatabaseOptions {
  /** Default: `process.env.ZHIBU_TEST_ENGINE`, else `pglite`. */
  engine?: Engine;
}

/** The engine this test run targets. */
export function testEngine(): Engine {
  const engine = process.env.ZHIBU_TEST_ENGINE ?? 'pglite';
  if (engine !== 'pglite' && engine !== 'postgres') {
    throw new Error(`ZHIBU_TEST_ENGINE must be pglite or postgres, not ${engine}`);
  }
  return engine;
}

/** A new empty database with all migrations applied. Always `close()` it (afterEach/afterAll). */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const engine = options.engine ?? testEngine();
  return engine === 'postgres' ? createPostgresTestDatabase() : createPgliteTestDatabase();
}

async function createPostgresTestDatabase(): Promise<Database> {
  const adminUrl = inject('zhibuPostgresAdminUrl') ?? process.env.ZHIBU_TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      'No PostgreSQL for tests: run in the int-postgres vitest project (its global setup starts one) ' +
        'or set ZHIBU_TEST_DATABASE_URL to a server whose zhibu_template database is migrated',
    );
  }
  const template = inject('zhibuPostgresTemplate') ?? TEMPLATE_DATABASE;
  const name = `t_${randomBytes(8).toString('hex')}`;
  // FILE_COPY (PostgreSQL 15+) copies the small template's files instead of WAL-logging every block.
  const strategy = inject('zhibuPostgresFileCopy') ? ' STRATEGY FILE_COPY' : '';
  await adminQuery(adminUrl, [
    `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}${strategy}`,
  ]);
  let database: Database;
  try {
    database = await createDatabase({ url: databaseUrl(adminUrl, name), migrate: false });
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  let closed = false;
  return {
    ...database,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await database.close();
      } finally {
        await dropDatabase(adminUrl, name);
      }
    },
  };
}

/** Per worker process (that is, per test file under pool 'forks' with isolation). */
let pgliteTemplate: Promise<Blob> | undefined;

function loadPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = inject('zhibuPgliteTemplateFile');
    // Outside the int-pglite project nobody built the dump: build it here, once per process.
    if (!file) return buildPgliteTemplate();
    return new Blob([await readFile(file)]);
  })();
  return pgliteTemplate;
}

async function createPgliteTestDatabase(): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: await loadPgliteTemplate() });
  const db = drizzle(client, { schema }) as unknown as Db;
  // Same behaviour as createDatabase's pglite branch (it cannot open a dump, so this mirrors it).
  return {
    db,
    engine: 'pglite',
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
