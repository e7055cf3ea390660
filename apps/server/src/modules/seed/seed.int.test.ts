import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/createDatabase.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { rowsOf } from '../../lib/serviceContext.ts';
import { createTestDatabase } from '../../testing/testDatabase.ts';
import { childPath } from '../orgs/orgPath.ts';
import { DEMO_PASSWORD, SeedRefusedError, type SeedResult, seedDatabase, seedDemo } from './seed.service.ts';

const TODAY = '2026-11-22';
const config = { masterKey: randomBytes(32) };

async function seedVillage(seed: number): Promise<{ database: Database; result: SeedResult }> {
  const database = await createTestDatabase();
  const result = await seedDatabase(database, config, { scale: 'village', seed, today: TODAY });
  return { database, result };
}

async function count(database: Database, table: 'orgs' | 'members' | 'member_events'): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(
    await database.db.execute(sql.raw(`select count(*) as n from ${table}`)),
  );
  return Number(row?.n);
}

async function memberKeys(database: Database) {
  return rowsOf<{ name: string; id_number_hash: string; birth_date: string; org_path: string }>(
    await database.db.execute(
      sql`select name, id_number_hash, birth_date::text, org_path from members order by org_path, id_number_hash`,
    ),
  );
}

describe('seedDatabase (village scale)', () => {
  let first: { database: Database; result: SeedResult };
  let second: { database: Database; result: SeedResult };
  let other: { database: Database; result: SeedResult };

  beforeAll(async () => {
    first = await seedVillage(1);
    second = await seedVillage(1);
    other = await seedVillage(2);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first, second, other].filter(Boolean).map((s) => s.database.close()));
  });

  it('writes the planned orgs, members and timeline', async () => {
    const { database, result } = first;
    expect(await count(database, 'orgs')).toBe(result.orgs);
    expect(await count(database, 'members')).toBe(500);
    expect(result.members).toBe(500);
    const [confirmed] = rowsOf<{ n: string | number }>(
      await database.db.execute(sql`select count(*) as n from members where confirmed_on is not null`),
    );
    expect(await count(database, 'member_events')).toBe(500 + Number(confirmed?.n));
    expect(result.events).toBe(500 + Number(confirmed?.n));
  });

  it('keeps every path consistent with parent_id, depth and id', async () => {
    const orgs = rowsOf<{
      id: string | number;
      parent_id: string | number | null;
      path: string;
      depth: number;
    }>(await first.database.db.execute(sql`select id, parent_id, path, depth from orgs`));
    const pathOf = new Map(orgs.map((o) => [Number(o.id), o.path]));
    const wrong = orgs.filter((o) => {
      const parentPath = o.parent_id === null ? null : (pathOf.get(Number(o.parent_id)) ?? 'missing');
      return o.path !== childPath(parentPath, Number(o.id)) || o.depth !== o.path.split('/').length - 3;
    });
    expect(wrong).toEqual([]);
    expect(orgs.filter((o) => o.parent_id === null)).toHaveLength(1);
  });

  it('copies each member’s org path from the org, and puts members only in branches', async () => {
    const [mismatch] = rowsOf<{ n: string | number }>(
      await first.database.db.execute(
        sql`select count(*) as n from members m join orgs o on o.id = m.org_id
            where m.org_path <> o.path or o.type not in ('branch', 'joint_branch')`,
      ),
    );
    expect(Number(mismatch?.n)).toBe(0);
  });

  it('stores identifiers encrypted, hashed and masked', async () => {
    const [row] = rowsOf<{
      id_number_enc: string;
      id_number_hash: string;
      id_number_masked: string;
      phone_enc: string | null;
    }>(await first.database.db.execute(sql`select * from members where phone_enc is not null limit 1`));
    if (!row) throw new Error('no member');
    const cipher = new PersonalDataCipher(config.masterKey);
    const idNumber = cipher.decrypt(row.id_number_enc);
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(cipher.hash('idNumber', idNumber)).toBe(row.id_number_hash);
    expect(row.id_number_masked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(cipher.decrypt(row.phone_enc ?? '')).toMatch(/^1[3-9]\d{9}$/);
  });

  it('is deterministic: the same seed gives the same people, another seed other people', async () => {
    const a = await memberKeys(first.database);
    const b = await memberKeys(second.database);
    expect(b).toEqual(a);
    const c = await memberKeys(other.database);
    expect(new Set(c.map((m) => m.id_number_hash)).size).toBe(c.length);
    expect(c.filter((m) => a.some((x) => x.id_number_hash === m.id_number_hash)).length).toBeLessThan(5);
    const names = (rows: { name: string }[]) => rows.map((r) => r.name).join();
    expect(names(c)).not.toBe(names(a));
  });

  it('refuses to seed a database that has orgs', async () => {
    await expect(
      seedDatabase(first.database, config, { scale: 'village', seed: 3, today: TODAY }),
    ).rejects.toThrow(SeedRefusedError);
  });
});

describe('seedDemo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seeds the trimmed county and creates the two demo accounts', async () => {
    const accounts = await seedDemo(database, {
      ...config,
      dataDir: '',
      host: '',
      port: 0,
      sessionTtlHours: 8,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      secureCookies: false,
    });
    expect(accounts.map((a) => a.username)).toEqual(['xiangzhen', 'zhibu']);
    expect(accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    expect(await count(database, 'members')).toBe(1500);
    const roles = rowsOf<{ username: string; role: string; type: string; org_path: string; path: string }>(
      await database.db.execute(
        sql`select u.username, r.role, o.type, r.org_path, o.path from users u
            join role_assignments r on r.user_id = u.id join orgs o on o.id = r.org_id order by u.username`,
      ),
    );
    expect(roles.map((r) => [r.username, r.role])).toEqual([
      ['xiangzhen', 'org_admin'],
      ['zhibu', 'officer'],
    ]);
    expect(roles.every((r) => r.org_path === r.path)).toBe(true);
    expect(roles[1]?.type).toBe('branch');
  }, 60_000);
});
