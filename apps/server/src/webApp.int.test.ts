import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './config/loadConfig.ts';
import type { Database } from './db/createDatabase.ts';
import { createTestDatabase } from './testing/testDatabase.ts';

let dist: string;
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'zhibu-web-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><script src="/assets/app-1.js"></script>');
  await writeFile(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  database = await createTestDatabase();
  const config = loadConfig({ dataDir: join(dist, 'data'), masterKey: randomBytes(32) });
  app = await buildApp({ database, config, logLevel: 'silent', webDist: dist });
});
afterAll(async () => {
  await app.close();
  await database.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('serves files written after start (a rebuild while the server runs)', async () => {
    expect((await app.inject({ url: '/assets/app-1.js' })).statusCode).toBe(200);
    await writeFile(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const rebuilt = await app.inject({ url: '/assets/app-2.js' });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toBe('console.log(2)');
    expect(rebuilt.headers['cache-control']).toContain('immutable');
  });

  it('answers app routes with index.html, never cached, and a missing asset with 404', async () => {
    const page = await app.inject({ url: '/stats/abc' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<!doctype html>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const root = await app.inject({ url: '/' });
    expect(root.statusCode, JSON.stringify(root.headers)).toBe(200);
    expect(root.headers['cache-control']).toBe('no-cache');
    // An old page asking for an asset that a rebuild removed must not get HTML back as JavaScript.
    const missing = await app.inject({ url: '/assets/app-0.js' });
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/nothing-here' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/../package.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/' })).statusCode).toBeLessThan(500);
  });
});
