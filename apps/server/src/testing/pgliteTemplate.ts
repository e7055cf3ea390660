/**
 * A migrated PGlite data directory as a tarball (`dumpDataDir`), so each test database starts with
 * `PGlite.create({ loadDataDir })` (≈ 0.5 s) instead of initdb + migrations (≈ 4 s).
 *
 * The tarball is cached on disk under the OS temp dir, keyed by a hash of the migrations,
 * createDatabase.ts and the PGlite version, so repeated runs skip building it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createDatabase } from '../db/createDatabase.ts';
import { fastTempRoot } from './postgresServer.ts';

const dbFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../db');
const cacheFolder = join(tmpdir(), 'zhibu-test-cache');
const prefix = 'pglite-template-';

/** Builds a migrated PGlite with the application's own createDatabase and returns its data dir dump. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const dir = await mkdtemp(join(fastTempRoot(), 'zhibu-pglite-template-'));
  try {
    const database = await createDatabase({ dataDir: dir, migrate: true });
    await database.close();
    const client = await PGlite.create(dir);
    try {
      return await client.dumpDataDir('none');
    } finally {
      await client.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Path of a file holding the template dump: from the cache when current, otherwise built now. */
export async function pgliteTemplateFile(): Promise<string> {
  const file = join(cacheFolder, `${prefix}${await templateKey()}.tar`);
  if (existsSync(file)) return file;
  const dump = await buildPgliteTemplate();
  await mkdir(cacheFolder, { recursive: true });
  // Write then rename, so a concurrent run never reads half a file; drop stale versions.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  await pruneStaleTemplates(cacheFolder, file);
  return file;
}

/** Templates of other migration sets stay this long: another checkout may be testing with one now. */
const STALE_AFTER_MS = 24 * 3_600_000;

/** Removes cached templates other than `keep` that nobody has written for a day. */
export async function pruneStaleTemplates(folder: string, keep: string, now = Date.now()): Promise<void> {
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (!name.startsWith(prefix) || !name.endsWith('.tar') || path === keep) continue;
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - modified > STALE_AFTER_MS) await rm(path, { force: true });
  }
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  const pglitePackage = join(
    dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
    '..',
    'package.json',
  );
  const { version } = JSON.parse(await readFile(pglitePackage, 'utf8')) as { version: string };
  hash.update(`pglite ${version}\n`);
  const files = [join(dbFolder, 'createDatabase.ts')];
  for (const folder of [join(dbFolder, 'migrations'), join(dbFolder, 'migrations', 'meta')]) {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.isFile()) files.push(join(folder, entry.name));
    }
  }
  for (const file of files) {
    hash.update(`${file.slice(dbFolder.length)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}
