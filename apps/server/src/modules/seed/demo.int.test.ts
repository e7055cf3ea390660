import type {
  DevelopmentBoard,
  GetDevelopmentPersonResponse,
  ListDevelopmentPeopleResponse,
  ListFlowingResponse,
  ListTransfersResponse,
  ListWarningsResponse,
} from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.service.ts';

// The demo as `zhibu start --demo` makes it, read back through the API the web pages use.
let t: TestApp;
let admin: string;
let seedMs = 0;
beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  await seedDemo(t.database, t.config);
  seedMs = performance.now() - started;
  admin = await t.adminCookie();
}, 600_000);
afterAll(async () => t?.close());

describe('the demo shows every module in use', () => {
  it('is flagged as demo data while the seeded tree exists', async () => {
    expect((await t.call('GET', '/api/health')).body).toMatchObject({ isDemo: true });
    console.log(`seedDemo took ${(seedMs / 1000).toFixed(1)} s`);
  });

  it('has applicants at every stage of the pipeline, one refused at approval, one extended, one withdrawn', async () => {
    const board = (await t.call<DevelopmentBoard>('GET', '/api/v1/development/board', { cookie: admin }))
      .body;
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary'] as const) {
      expect(board.stages.find((s) => s.stage === stage)?.count, stage).toBeGreaterThan(0);
    }
    const list = async (query: string) =>
      (
        await t.call<ListDevelopmentPeopleResponse>(
          'GET',
          `/api/v1/development/people?pageSize=100&${query}`,
          {
            cookie: admin,
          },
        )
      ).body;
    expect((await list('status=completed')).total).toBeGreaterThan(0);
    expect((await list('status=withdrawn')).total).toBeGreaterThan(0);
    const decisions = new Set<string>();
    const later = [...(await list('status=active')).items, ...(await list('status=completed')).items];
    for (const p of later.filter((i) => i.lastStep >= 14)) {
      const person = (
        await t.call<GetDevelopmentPersonResponse>('GET', `/api/v1/development/people/${p.id}`, {
          cookie: admin,
        })
      ).body;
      for (const item of person.checklist)
        for (const r of item.records) if (r.decision) decisions.add(r.decision);
    }
    expect(decisions).toEqual(new Set(['approve', 'reject', 'convert', 'extend']));
  });

  it('has transfers in every state, sent and received', async () => {
    const statuses = new Set<string>();
    for (const box of ['outgoing', 'incoming']) {
      const page = (
        await t.call<ListTransfersResponse>('GET', `/api/v1/transfers?box=${box}&state=all&pageSize=100`, {
          cookie: admin,
        })
      ).body;
      for (const i of page.items) statuses.add(`${i.kind}:${i.status}${i.isExpired ? ':expired' : ''}`);
    }
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([
        'in:accepted',
        'in:initiated',
        'out:issued',
        'out:issued:expired',
        'out:receipt_returned',
        'within:accepted',
        'within:cancelled',
        'within:initiated',
        'within:returned',
      ]),
    );
  });

  it('has flowing members out (with contact logs, one lost, one returned) and in', async () => {
    const flowing = async (query: string) =>
      (await t.call<ListFlowingResponse>('GET', `/api/v1/flowing?pageSize=100&${query}`, { cookie: admin }))
        .body;
    const out = await flowing('direction=out');
    expect(out.total).toBeGreaterThanOrEqual(5);
    expect(out.items.some((i) => i.lastContactOn !== null)).toBe(true);
    expect(out.items.some((i) => i.lostContactSince !== null)).toBe(true);
    expect((await flowing('direction=out&status=returned')).total).toBeGreaterThan(0);
    expect((await flowing('direction=in')).total).toBeGreaterThan(0);
  });

  it('raises warnings of every family: development, branches, dues, transfers and flowing', async () => {
    for (const family of ['D', 'B', 'P', 'T']) {
      const page = (
        await t.call<ListWarningsResponse>('GET', `/api/v1/warnings?rule=${family}&pageSize=1`, {
          cookie: admin,
        })
      ).body;
      expect(page.total, family).toBeGreaterThan(0);
    }
  });

  it('lets the branch demo account see its own branch at work', async () => {
    const officer = await t.login('zhibu', DEMO_PASSWORD);
    const board = (await t.call<DevelopmentBoard>('GET', '/api/v1/development/board', { cookie: officer }))
      .body;
    expect(board.stages.every((s) => s.count > 0)).toBe(true);
    for (const direction of ['in', 'out']) {
      const flowing = (
        await t.call<ListFlowingResponse>('GET', `/api/v1/flowing?direction=${direction}`, {
          cookie: officer,
        })
      ).body;
      expect(flowing.total, direction).toBeGreaterThan(0);
    }
    for (const box of ['incoming', 'outgoing']) {
      const transfers = (
        await t.call<ListTransfersResponse>('GET', `/api/v1/transfers?box=${box}`, { cookie: officer })
      ).body;
      expect(transfers.total, box).toBeGreaterThan(0);
    }
  });
});
