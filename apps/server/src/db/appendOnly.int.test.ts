import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../testing/testApp.ts';

// The ledgers (DESIGN.md "Ledgers are append-only") refuse every statement that would rewrite or
// remove history, on both engines, whatever the statement's author: the app's own role included.
const LEDGERS = ['audit_log', 'member_events', 'dues_payments', 'dues_profiles', 'dues_batches'] as const;
// A plain column of each (an identity id cannot be assigned at all, which would prove nothing).
const COLUMN: Record<(typeof LEDGERS)[number], string> = {
  audit_log: 'action',
  member_events: 'kind',
  dues_payments: 'created_at',
  dues_profiles: 'created_at',
  dues_batches: 'created_at',
};

let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  const member = f.membersA1[0];
  if (!member) throw new Error('fixture has no member');
  const profile = await t.call('POST', `/api/v1/dues/members/${member.id}/profiles`, {
    cookie: f.cookies.admin,
    body: { category: 'farmer', amountFen: 20, effectiveFrom: '2025-01-01' },
  });
  expect(profile.status).toBe(201);
  const collected = await t.call('POST', '/api/v1/dues/collections', {
    cookie: f.cookies.admin,
    body: {
      orgId: f.branchA1.id,
      month: '2025-03',
      paidOn: '2025-03-05',
      items: [{ memberId: member.id, amountFen: 20 }],
    },
  });
  expect(collected.status).toBe(201);
}, 120_000);
afterAll(async () => t.close());

async function count(table: string): Promise<number> {
  const res = (await t.database.db.execute(
    sql.raw(`SELECT count(*)::int AS n FROM ${table}`),
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]?.n ?? 0;
}

async function failure(statement: string): Promise<string> {
  try {
    await t.database.db.execute(sql.raw(statement));
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  return 'succeeded';
}

describe.each(LEDGERS)('%s is append-only', (table) => {
  it('holds rows written by the app', async () => {
    expect(await count(table)).toBeGreaterThan(0);
  });

  it('refuses TRUNCATE (even with CASCADE) and keeps its rows', async () => {
    const before = await count(table);
    expect(await failure(`TRUNCATE ${table} CASCADE`)).toMatch(/append-only/);
    expect(await count(table)).toBe(before);
  });

  it('refuses UPDATE and DELETE', async () => {
    const before = await count(table);
    expect(await failure(`UPDATE ${table} SET ${COLUMN[table]} = ${COLUMN[table]}`)).toMatch(/append-only/);
    expect(await failure(`DELETE FROM ${table}`)).toMatch(/append-only/);
    expect(await count(table)).toBe(before);
  });
});
