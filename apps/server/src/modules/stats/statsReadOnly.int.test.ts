import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

// The county fixture signs three new accounts in through their first password change: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

describe('member statistics', () => {
  it('GET /stats/members folds nothing: the pending changes stay for the background fold', async () => {
    const pending = async () => {
      const rows = await t.database.db.execute(sql`select count(*)::int as n from member_stat_deltas`);
      return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n;
    };
    const before = await pending();
    expect(before).toBeGreaterThan(0);
    const res = await t.call('GET', '/api/v1/stats/members', { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    expect(await pending()).toBe(before);
  });
});
