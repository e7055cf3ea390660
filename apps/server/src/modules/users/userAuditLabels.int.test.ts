import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

it('names roles in Chinese in the audit log, not by their codes', async () => {
  const res = await t.call<{ items: { action: string; summary: string | null }[] }>(
    'GET',
    '/api/v1/audit?action=user.create&pageSize=100',
    { cookie: f.cookies.admin },
  );
  const summaries = res.body.items.map((e) => e.summary ?? '');
  expect(summaries.some((s) => s.includes('角色“党务工作者”'))).toBe(true);
  expect(summaries.some((s) => s.includes('角色“组织管理员”'))).toBe(true);
  // (Usernames in the fixture contain role words; the role itself must not be a code.)
  expect(summaries.filter((s) => /角色[“\s]*(admin|org_admin|officer|member)/.test(s))).toEqual([]);
});
