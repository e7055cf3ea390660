import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCheckChar } from '@zhibu/shared';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config/loadConfig.ts';
import type { Database } from '../db/createDatabase.ts';
import { users } from '../db/schema.ts';
import { ensureAdminUser } from '../modules/users/users.service.ts';
import { createTestDatabase } from './testDatabase.ts';

export const ADMIN_PASSWORD = 'Admin#2026zb';
export const USER_PASSWORD = 'Officer#2026';
/**
 * The Origin a browser on the app's own page sends (app.inject's Host is `localhost:80`). Every
 * request of the helper carries it, since the server refuses writes without a same-origin Origin.
 */
export const SAME_ORIGIN = 'http://localhost';

export interface Response<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A fresh app on a fresh database of the run's engine, with an `admin` account. */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Every route the app registered, in order (HEAD twins of GET routes included). */
  routes: RouteOptions[];
  call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response<T>>;
  /**
   * Logs in through the API and returns the session cookie. An account that must still change its
   * initial password is marked as changed, so the session works and `password` stays valid.
   */
  login(username: string, password?: string): Promise<string>;
  adminCookie(): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  logging: { level: string; stream: DestinationStream } | null = null,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ dataDir: join(tmpdir(), 'zhibu-test-unused'), masterKey: randomBytes(32) }),
    ...overrides,
  };
  const routes: RouteOptions[] = [];
  const app = await buildApp({
    database,
    config,
    logLevel: logging?.level ?? 'silent',
    ...(logging ? { logStream: logging.stream } : {}),
    webDist: join(tmpdir(), 'zhibu-no-web'),
    statsFoldIntervalMs: 0,
    onRoute: (route) => routes.push(route),
  });
  await ensureAdminUser(database.db, ADMIN_PASSWORD);
  let adminCookie: string | undefined;

  const call: TestApp['call'] = async (method, url, options = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        origin: SAME_ORIGIN,
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return {
      status: res.statusCode,
      body: isJson ? res.json() : (res.rawPayload as never),
      headers: res.headers,
    };
  };

  const login = async (username: string, password = USER_PASSWORD) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: SAME_ORIGIN },
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const sessionCookie = res.cookies.find((c) => c.name === 'zhibu_session');
    if (!sessionCookie) throw new Error('no session cookie');
    const cookie = `zhibu_session=${sessionCookie.value}`;
    if ((res.json() as { mustChangePassword?: boolean }).mustChangePassword) {
      // Setup, not the subject: as if the owner had already changed the initial password (the
      // change itself is tested in auth.int.test.ts). Two argon2 changes per account would slow
      // every fixture on a busy machine.
      await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, username));
    }
    return cookie;
  };

  return {
    app,
    database,
    config,
    routes,
    call,
    login,
    async adminCookie() {
      adminCookie ??= await login('admin', ADMIN_PASSWORD);
      return adminCookie;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A valid 18-digit citizen ID for a birth date; odd `seq` → male, even → female. */
export function citizenId(birthDate: string, seq: number, area = '110105'): string {
  const body = `${area}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return `${body}${computeCheckChar(body)}`;
}

let uniqueCounter = 0;
/** A value no other test in the run uses. */
export function unique(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}${process.pid}${uniqueCounter}`;
}
