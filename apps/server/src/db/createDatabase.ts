import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { backfillNameSearch } from './backfillNameSearch.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Bulk load CSV text into a table (COPY … FROM STDIN); both engines. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent the embedded engine is used. */
  url?: string;
  /** Data directory of the embedded engine; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /**
   * postgres://… of the role that owns the tables (ZHIBU_OWNER_DATABASE_URL). When given, migrations run
   * as that role and the role of `url` is granted only what the application needs, so it cannot
   * truncate, alter or drop the append-only ledgers. Without it, `url`'s role owns what it migrates.
   */
  ownerUrl?: string;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migrates as the owner role, then grants the application's role (the one `appPool` logs in as) its share. */
async function migrateAsOwner(ownerUrl: string, appPool: pg.Pool): Promise<void> {
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await migrateNodePg(drizzleNodePg(owner), { migrationsFolder });
    const app = await appPool.query<{ role: string }>('SELECT current_user AS role');
    const own = await owner.query<{ role: string }>('SELECT current_user AS role');
    const appRole = app.rows[0]?.role;
    if (appRole && appRole !== own.rows[0]?.role) await owner.query('SELECT zhibu_grant_app($1)', [appRole]);
  } finally {
    await owner.end();
  }
}

/** Opens the database named by the options and brings its schema up to date. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client dropped by the server (restart, admin shutdown) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => console.error(`数据库连接中断（${err.message}），将在下次请求时重连`));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    if (shouldMigrate) {
      if (options.ownerUrl) await migrateAsOwner(options.ownerUrl, pool);
      else await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
      await backfillNameSearch(db);
    }
    return {
      db,
      engine: 'postgres',
      async copyCsv(table, columns, csv) {
        const { from } = await import('pg-copy-streams');
        const client = await pool.connect();
        try {
          const stream = client.query(
            from(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
          );
          await new Promise<void>((done, fail) => {
            stream.on('finish', () => done());
            stream.on('error', fail);
            stream.end(csv);
          });
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (shouldMigrate) {
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    await backfillNameSearch(db);
  }
  return {
    db,
    engine: 'pglite',
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: () => client.close(),
  };
}
