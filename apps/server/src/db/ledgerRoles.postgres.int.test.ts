import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { ensureAdminUser } from '../modules/users/users.service.ts';
import { ADMIN_PASSWORD, citizenId, SAME_ORIGIN } from '../testing/testApp.ts';
import { createDatabase, type Database } from './createDatabase.ts';

// The README's production set-up on the test server: an owner role that runs the migrations and owns
// the tables, and a plain login role for the application (ZHIBU_OWNER_DATABASE_URL + DATABASE_URL).
// The app works, and its role cannot rewrite, empty, unprotect or drop the ledgers.
const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const ownerRole = `zhibu_owner_${suffix}`;
const appRole = `zhibu_app_${suffix}`;
const dbName = `zhibu_roles_${suffix}`;

let admin: pg.Client;
let database: Database;

function urlFor(base: string, user: string, db: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = '';
  url.pathname = `/${db}`;
  return url.toString();
}

beforeAll(async () => {
  const adminUrl = inject('zhibuPostgresAdminUrl') ?? process.env.ZHIBU_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('no test PostgreSQL server');
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${ownerRole} LOGIN`);
  await admin.query(`CREATE ROLE ${appRole} LOGIN`);
  await admin.query(`CREATE DATABASE ${dbName} OWNER ${ownerRole}`);
  // PostgreSQL 15: public belongs to pg_database_owner, so the owner role may create in it.
  database = await createDatabase({
    url: urlFor(adminUrl, appRole, dbName),
    ownerUrl: urlFor(adminUrl, ownerRole, dbName),
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`DROP ROLE IF EXISTS ${appRole}`);
  await admin.query(`DROP ROLE IF EXISTS ${ownerRole}`);
  await admin.end();
});

async function failure(statement: string): Promise<string> {
  try {
    await database.db.execute(sql.raw(statement));
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  return 'succeeded';
}

describe('with a separate owner role', () => {
  it('runs as a role that is neither superuser nor owner of the tables', async () => {
    const res = (await database.db.execute(
      sql`SELECT current_user AS me, rolsuper, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS owner
          FROM pg_roles WHERE rolname = current_user`,
    )) as unknown as { rows: { me: string; rolsuper: boolean; owner: string }[] };
    expect(res.rows[0]).toEqual({ me: appRole, rolsuper: false, owner: ownerRole });
  });

  it('still serves the app: sign in, create an org and a member, record dues (audit rows appended)', async () => {
    const config = loadConfig({ dataDir: join(tmpdir(), 'zhibu-test-unused'), masterKey: randomBytes(32) });
    const app = await buildApp({
      database,
      config,
      logLevel: 'silent',
      webDist: join(tmpdir(), 'zhibu-no-web'),
    });
    try {
      await ensureAdminUser(database.db, ADMIN_PASSWORD);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: SAME_ORIGIN },
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const session = login.cookies.find((c) => c.name === 'zhibu_session');
      const headers = { cookie: `zhibu_session=${session?.value}`, origin: SAME_ORIGIN };
      const org = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers,
        payload: { parentId: null, name: '角色测试党委', type: 'party_committee', category: 'rural' },
      });
      expect(org.statusCode, org.body).toBe(201);
      const branch = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers,
        payload: { parentId: org.json().id, name: '角色测试党支部', type: 'branch', category: 'rural' },
      });
      expect(branch.statusCode, branch.body).toBe(201);
      const member = await app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers,
        payload: {
          orgId: branch.json().id,
          name: '张三',
          idNumber: citizenId('1980-01-01', 11),
          status: 'full',
          joinedOn: '2005-07-01',
          confirmedOn: '2006-07-01',
        },
      });
      expect(member.statusCode, member.body).toBe(201);
      const profile = await app.inject({
        method: 'POST',
        url: `/api/v1/dues/members/${member.json().id}/profiles`,
        headers,
        payload: { category: 'farmer', amountFen: 20, effectiveFrom: '2025-01-01' },
      });
      expect(profile.statusCode, profile.body).toBe(201);
      const paid = await app.inject({
        method: 'POST',
        url: '/api/v1/dues/payments',
        headers,
        payload: { memberId: member.json().id, month: '2025-03', amountFen: 20, paidOn: '2025-03-05' },
      });
      expect(paid.statusCode, paid.body).toBe(201);
    } finally {
      await app.close();
    }
    const audit = (await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as unknown as {
      rows: { n: number }[];
    };
    expect(audit.rows[0]?.n).toBeGreaterThan(3);
  });

  it.each([
    ['audit_log', 'action'],
    ['member_events', 'kind'],
    ['dues_payments', 'created_at'],
    ['dues_profiles', 'created_at'],
    ['dues_batches', 'created_at'],
  ])(
    '%s: the app role cannot update, delete, truncate, disable its triggers or drop it',
    async (table, column) => {
      expect(await failure(`UPDATE ${table} SET ${column} = ${column}`)).toMatch(/permission denied/);
      expect(await failure(`DELETE FROM ${table}`)).toMatch(/permission denied/);
      expect(await failure(`TRUNCATE ${table}`)).toMatch(/permission denied/);
      expect(await failure(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
      expect(await failure(`DROP TABLE ${table}`)).toMatch(/must be owner/);
      expect(await failure(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`)).toMatch(
        /must be owner/,
      );
    },
  );
});
