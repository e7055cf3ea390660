import type { ImportReport } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../lib/serviceContext.ts';
import { importThroughApi, readWorkbook, workbookBuffer } from '../modules/imports/testWorkbook.ts';
import { buildCountyFixture, type CountyFixture } from '../testing/countyFixture.ts';
import { createTestApp, SAME_ORIGIN, type TestApp } from '../testing/testApp.ts';
import { buildForeignObjects, type ForeignObjects, foreignMarkers } from './foreignSubtree.ts';
import { PUBLIC_ROUTES, ROUTE_SCOPE, type ScopeCase } from './routeScopeTable.ts';

// A case calls its route as two callers and snapshots every table around each write.
vi.setConfig({ testTimeout: 90_000 });

// One fixture for the whole table: every case is refused, so none changes what the next one sees.
let t: TestApp;
let f: CountyFixture;
let o: ForeignObjects;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  o = await buildForeignObjects(t, f);
}, 240_000);
afterAll(async () => t.close());

/** `METHOD /url` of every route the app registered under /api, with its declared access. */
function registeredRoutes(): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  for (const route of t.routes) {
    if (!route.url.startsWith('/api/')) continue;
    // Fastify adds a HEAD twin to every GET; `app.all` registers one route for every method.
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (methods.length === 0) continue;
    const method = methods.length === 1 ? methods[0] : 'ALL';
    // The OpenAPI pages register before the session plugin, so they declare no access: public.
    found.set(`${method} ${route.url}`, route.config?.access ?? 'public');
  }
  return found;
}

// Tables a refused request may still touch: its own session and audit of the attempt, rollup folds.
const VOLATILE_TABLES = ['audit_log', 'sessions', 'jobs', 'member_stat_deltas', 'member_rollups'];

/** Every row of every other table, as text, to prove a refused write changed nothing. */
async function snapshot(): Promise<Map<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await t.database.db.execute(sql`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  )
    .map((r) => r.name)
    .filter((n) => !VOLATILE_TABLES.includes(n) && !n.startsWith('__'));
  const state = new Map<string, string>();
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(
      await t.database.db.execute(
        sql`select (to_jsonb(x) - 'last_login_at' - 'last_seen_at')::text as row from ${sql.identifier(table)} x order by 1`,
      ),
    );
    state.set(table, rows.map((r) => r.row).join('\n'));
  }
  return state;
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k));
}

async function bodyText(res: { headers: Record<string, unknown>; body: unknown }): Promise<string> {
  if (String(res.headers['content-type'] ?? '').includes('spreadsheetml')) {
    const sheets = await readWorkbook(res.body as Buffer);
    return JSON.stringify([...sheets.values()]);
  }
  return typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
}

function casesOf(key: string): ScopeCase[] {
  const entry = ROUTE_SCOPE[key];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

describe('route-scope registry', () => {
  it('lists every /api route: public ones in PUBLIC_ROUTES, every other one in ROUTE_SCOPE', () => {
    const routes = registeredRoutes();
    const publicListed = new Set<string>(PUBLIC_ROUTES);
    const problems: string[] = [];
    for (const [key, access] of routes) {
      if (access === 'public') {
        if (!publicListed.has(key)) problems.push(`${key} is public but not in PUBLIC_ROUTES`);
      } else if (!ROUTE_SCOPE[key]) {
        problems.push(
          `${key} has no entry in ROUTE_SCOPE (apps/server/src/access/routeScopeTable.ts): add '${key}': { expect: 404, call: (o) => ({ url, body }) } with township B's object it reads or writes (foreignSubtree.ts)`,
        );
      }
    }
    for (const key of publicListed) {
      if (routes.has(key) && routes.get(key) !== 'public')
        problems.push(`${key} is listed public but is not`);
    }
    for (const key of Object.keys(ROUTE_SCOPE)) {
      if (!routes.has(key)) problems.push(`ROUTE_SCOPE lists ${key}, which the app does not register`);
      for (const c of casesOf(key)) {
        const isCalled = c.expect !== 'self' && c.expect !== 'global';
        if (isCalled !== (c.call !== undefined)) problems.push(`${key}: 'call' is for called cases only`);
        if (!isCalled && !c.why) problems.push(`${key}: say why it is '${c.expect}'`);
      }
    }
    expect(problems).toEqual([]);
  });

  const keys = Object.keys(ROUTE_SCOPE).filter((k) => casesOf(k).some((c) => c.call));
  // The township's org_admin, and a branch officer below it, whose narrower role may also get 403.
  const callers = [
    ['orgAdminA', false],
    ['officerA1', true],
  ] as const;
  it.each(keys)('%s: township A cannot reach township B', async (key) => {
    const method = key.slice(0, key.indexOf(' ')) as 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
    const markers = foreignMarkers(o);
    for (const [who, mayBeForbidden] of callers)
      for (const c of casesOf(key)) {
        if (!c.call) continue;
        const { url, body } = c.call(o);
        const before = method === 'GET' ? undefined : await snapshot();
        const res = await t.app.inject({
          method,
          url,
          headers: { origin: SAME_ORIGIN, cookie: f.cookies[who] },
          ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
        });
        const isJson = String(res.headers['content-type'] ?? '').includes('json');
        const answer = {
          status: res.statusCode,
          headers: res.headers as Record<string, unknown>,
          body: isJson ? res.json() : res.rawPayload,
        };
        const where = `${who}: ${key} → ${url}: ${res.statusCode} ${isJson ? res.body.slice(0, 300) : ''}`;
        if (mayBeForbidden && res.statusCode === 403) {
          // The role may not do this anywhere: refused before any data is looked at.
        } else if (c.expect === 'filtered') {
          expect(res.statusCode, where).toBe(200);
          const text = await bodyText(answer);
          for (const marker of markers)
            expect(text, `${where}\nshows township B's ${marker}`).not.toContain(marker);
        } else if (c.expect === 'field') {
          expect(res.statusCode, where).toBe(400);
          const codes = ((answer.body as { errors?: { code: string }[] }).errors ?? []).map((e) => e.code);
          expect(
            codes.some((code) => code.endsWith('_NOT_FOUND')),
            where,
          ).toBe(true);
        } else {
          expect(res.statusCode, where).toBe(c.expect);
        }
        if (before) expect(changedTables(before, await snapshot()), `${where}\nchanged`).toEqual([]);
      }
  });

  it("an import naming township B's org and members is refused row by row and writes nothing", async () => {
    const reveal = await t.call<{ value: string }>('POST', `/api/v1/members/${o.memberB.id}/reveal`, {
      cookie: f.cookies.admin,
      body: { field: 'idNumber' },
    });
    const data = await workbookBuffer([
      {
        rows: [
          ['姓名', '所在党组织', '公民身份号码', '党员类型', '入党日期'],
          ['越权', o.branchB1.name, o.spareIdNumber, '正式党员', '2010-07-01'],
          [o.memberB.name, f.branchA1.name, reveal.body.value, '正式党员', o.memberB.joinedOn],
        ],
      },
    ]);
    const before = await snapshot();
    const job = await importThroughApi(t, 'members', data, f.cookies.orgAdminA);
    const report = job.report as ImportReport;
    expect(report).toMatchObject({ total: 2, created: 0, updated: 0, unchanged: 0 });
    expect(report.errors.map((e) => e.code)).toEqual(['ORG_NOT_FOUND', 'ID_NUMBER_TAKEN']);
    expect(JSON.stringify(report)).not.toContain(f.townB.name);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });
});
