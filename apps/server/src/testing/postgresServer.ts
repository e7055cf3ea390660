/**
 * A throwaway PostgreSQL server for the integration tests (project `int-postgres`).
 *
 * It runs the Debian PostgreSQL 15 binaries from a temporary directory: trust auth, TCP on
 * 127.0.0.1 with a free port, the unix socket inside the temporary directory, durability off.
 * `initdb` refuses to run as root, so as root everything runs as the `postgres` OS user.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, rmSync, statfsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDatabase } from '../db/createDatabase.ts';

const run = promisify(execFile);

/** Name of the migrated database every test database is copied from. */
export const TEMPLATE_DATABASE = 'zhibu_template';

export interface PostgresServer {
  /** Superuser URL of the server's `postgres` database, e.g. `postgres://postgres@127.0.0.1:5433/postgres`. */
  url: string;
  /** True when the server was started here (and `stop` shuts it down), false for an external one. */
  owned: boolean;
  /** Stops the server (`pg_ctl -m fast -w stop`) and removes its directory; a no-op for an external server. */
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /**
   * Use this already running server instead of starting one (must allow CREATE DATABASE).
   * Default: `process.env.ZHIBU_TEST_DATABASE_URL`. Pass `null` to always start a server.
   */
  externalUrl?: string | null;
  /** Folder with initdb, pg_ctl; default `ZHIBU_PG_BIN` or /usr/lib/postgresql/15/bin. */
  binDir?: string;
}

/** Starts a throwaway server, or returns the one named by `ZHIBU_TEST_DATABASE_URL`. */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const externalUrl =
    options.externalUrl === undefined ? process.env.ZHIBU_TEST_DATABASE_URL : options.externalUrl;
  if (externalUrl) return { url: externalUrl, owned: false, stop: async () => {} };

  const binDir = options.binDir ?? process.env.ZHIBU_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(join(binDir, 'initdb'))) {
    throw new Error(
      `No PostgreSQL binaries in ${binDir} (apt-get install postgresql-15, set ZHIBU_PG_BIN, ` +
        'or point ZHIBU_TEST_DATABASE_URL at a server)',
    );
  }
  const asUser = osUserRunner();
  const dir = await mkdtemp(join(fastTempRoot(), 'zhibu-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  let started = false;
  const exec = (tool: string, args: string[]) =>
    run(...asUser(join(binDir, tool), args), { cwd: dir, encoding: 'utf8' });
  const stopSync = () => {
    // Last resort when the process exits without calling stop().
    try {
      execFileSync(...asUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']), {
        cwd: dir,
        stdio: 'ignore',
      });
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asUser.ids) await chown(dir, asUser.ids.uid, asUser.ids.gid);
    await exec('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      // Appending keeps the file's owner (postgres); later lines override earlier ones.
      await appendFile(
        join(dataDir, 'postgresql.conf'),
        [
          '',
          '# zhibu test server',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          'max_connections = 200',
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          'wal_level = minimal',
          'max_wal_senders = 0',
          '',
        ].join('\n'),
      );
      try {
        await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
        started = true;
        process.once('exit', stopSync);
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        return {
          url,
          owned: true,
          async stop() {
            if (!started) return;
            started = false;
            process.removeListener('exit', stopSync);
            try {
              await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          },
        };
      } catch (error) {
        lastError = error;
      }
    }
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${log.slice(-2000)}`);
  } catch (error) {
    if (started) stopSync();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Where throwaway databases go: /dev/shm (tmpfs) when it is writable and has room — on this VM's
 * disk CREATE DATABASE takes 0.2–0.3 s even with fsync off, on tmpfs ≈ 20–40 ms — else the OS temp dir.
 */
export function fastTempRoot(): string {
  const shm = '/dev/shm';
  try {
    accessSync(shm, constants.W_OK | constants.X_OK);
    const { bavail, bsize } = statfsSync(shm);
    if (bavail * bsize >= 1024 ** 3) return shm;
  } catch {}
  return tmpdir();
}

/**
 * (Re)creates the template database on the server at `adminUrl` and applies the migrations to it
 * with the application's own migrator. Returns the template's URL.
 */
export async function createTemplateDatabase(adminUrl: string, name = TEMPLATE_DATABASE): Promise<string> {
  await adminQuery(adminUrl, [
    `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`,
    `CREATE DATABASE ${quoteIdent(name)}`,
  ]);
  const url = databaseUrl(adminUrl, name);
  const database = await createDatabase({ url, migrate: true });
  await database.close();
  return url;
}

/** `server_version_num` of the server, e.g. 150018. */
export async function serverVersionNum(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Number(rows[0]?.server_version_num);
  } finally {
    await client.end();
  }
}

/** Drops a database (closing its connections); no error if it does not exist. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, [`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`]);
}

/** `adminUrl` with its database name replaced by `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs statements one by one on a short-lived connection (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function adminQuery(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

type Runner = ((file: string, args: string[]) => [string, string[]]) & { ids?: { uid: number; gid: number } };

/** As root, commands run as the `postgres` OS user (initdb refuses root); otherwise as ourselves. */
function osUserRunner(): Runner {
  if (process.getuid?.() !== 0) return (file, args) => [file, args];
  let ids: { uid: number; gid: number };
  try {
    ids = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    throw new Error('Running as root but there is no `postgres` OS user to run initdb as');
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
  const runner: Runner = runuser
    ? (file, args) => [runuser, ['-u', 'postgres', '--', file, ...args]]
    : (file, args) => ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]];
  runner.ids = ids;
  return runner;
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** A TCP port that was free a moment ago (the caller retries if it is taken meanwhile). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
