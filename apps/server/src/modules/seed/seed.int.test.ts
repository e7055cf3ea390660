import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/createDatabase.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { rowsOf } from '../../lib/serviceContext.ts';
import { createTestDatabase } from '../../testing/testDatabase.ts';
import '../../rules/index.ts';
import { evaluateWarnings } from '../../rules/ruleEngine.ts';
import { rebuildMemberStates } from '../dues/dues.queries.ts';
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

  it('gives every member a dues standard, so no P4.no-standard warning buries the real ones', async () => {
    const [row] = rowsOf<{ members: string | number; profiles: string | number; without: string | number }>(
      await first.database.db.execute(
        sql`select (select count(*) from members) as members, (select count(*) from dues_profiles) as profiles,
                   (select count(*) from members m where not exists
                      (select 1 from dues_profiles p where p.member_id = m.id)) as without`,
      ),
    );
    expect(Number(row?.profiles)).toBe(500);
    expect(Number(row?.without)).toBe(0);
    expect(first.result).toMatchObject({ duesProfiles: 500 });
    expect(first.result.duesPayments).toBeGreaterThan(500);
    const warnings = await evaluateWarnings({
      db: first.database.db,
      scope: { kind: 'all' },
      today: TODAY,
      ruleIds: ['P4.no-standard', 'P4.unpaid-months'],
    });
    expect(warnings.filter((w) => w.rule === 'P4.no-standard')).toEqual([]);
    const unpaid = warnings.filter((w) => w.rule === 'P4.unpaid-months');
    // A minority: some warned from 3 months, a few past 6 (自行脱党 to be checked), each cited.
    expect(unpaid.filter((w) => w.severity === 'warning').length).toBeGreaterThan(0);
    expect(unpaid.filter((w) => w.severity === 'violation').length).toBeGreaterThan(0);
    expect(unpaid.length).toBeLessThan(50);
    expect(unpaid.every((w) => w.citation.endsWith('第十三条'))).toBe(true);
  });

  it('writes the dues rollup exactly as a rebuild from the ledger would', async () => {
    const states = async () =>
      rowsOf<{ member_id: string | number; last_paid_month: string | null }>(
        await first.database.db.execute(
          sql`select member_id, last_paid_month from dues_member_state order by member_id`,
        ),
      ).map((r) => [Number(r.member_id), r.last_paid_month]);
    const seeded = await states();
    expect(seeded.length).toBeGreaterThan(400);
    await rebuildMemberStates(first.database.db);
    expect(await states()).toEqual(seeded);
  });

  it('gives the same members the same dues with the same seed', async () => {
    const dues = async (database: Database) =>
      rowsOf(
        await database.db.execute(
          sql`select m.id_number_hash, p.category, p.base_fen, p.standard_fen, p.effective_from::text,
                     (select string_agg(d.month || '@' || d.paid_on::text, ',' order by d.month)
                        from dues_payments d where d.member_id = m.id) as paid
              from members m join dues_profiles p on p.member_id = m.id order by m.id_number_hash`,
        ),
      );
    expect(await dues(second.database)).toEqual(await dues(first.database));
  });

  it('refuses to seed a database that has orgs', async () => {
    await expect(
      seedDatabase(first.database, config, { scale: 'village', seed: 3, today: TODAY }),
    ).rejects.toThrow(SeedRefusedError);
  });
});

describe('seedDatabase without dues', () => {
  it('writes no dues rows when asked not to', async () => {
    const database = await createTestDatabase();
    try {
      const result = await seedDatabase(database, config, {
        scale: 'village',
        seed: 4,
        members: 200,
        today: TODAY,
        withDues: false,
      });
      expect(result).toMatchObject({ members: 200, duesProfiles: 0, duesPayments: 0 });
      const [row] = rowsOf<{ n: string | number }>(
        await database.db.execute(sql`select count(*) as n from dues_profiles`),
      );
      expect(Number(row?.n)).toBe(0);
    } finally {
      await database.close();
    }
  }, 60_000);
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
      loginPerMinute: 10,
      secureCookies: false,
    });
    expect(accounts.map((a) => a.username)).toEqual(['xiangzhen', 'zhibu']);
    expect(accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    // 1,500 seeded, plus those the demo's pipeline admitted and its accepted letter brought in.
    expect(await count(database, 'members')).toBeGreaterThan(1500);
    expect(await count(database, 'members')).toBeLessThan(1520);
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
  }, 300_000);
});
