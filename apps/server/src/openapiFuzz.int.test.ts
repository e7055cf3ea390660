import { findUnsafeText } from '@zhibu/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from './testing/countyFixture.ts';
import { ADMIN_PASSWORD, citizenId, createTestApp, type TestApp } from './testing/testApp.ts';

// Sends hostile values in every string and number field of every route of the OpenAPI document
// (path, query and JSON body), as a logged-in administrator, and asserts that none answers 5xx.
// The CI run is bounded (fixed seed, capped cases); ZHIBU_FUZZ_FULL=1 runs every case plus
// random strings from fast-check.
const isFull = process.env.ZHIBU_FUZZ_FULL === '1';
const SEED = Number(process.env.ZHIBU_FUZZ_SEED ?? 20261204);
// Random strings (fast-check) across all string fields: a bounded run in CI, 2000 in the full run.
const RANDOM_RUNS = Number(process.env.ZHIBU_FUZZ_RANDOM_RUNS ?? (isFull ? 2000 : 200));
const MAX_CASES = isFull ? Number.POSITIVE_INFINITY : Number(process.env.ZHIBU_FUZZ_CASES ?? 500);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  description?: string;
};
type Parameter = { name: string; in: string; schema?: JsonSchema; required?: boolean };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Hostile strings: what PostgreSQL or date arithmetic refuses, and what no form should accept. */
const BAD_STRINGS = [
  'a\u0000b',
  'a\ud800b',
  '\udc00',
  '\u0007\u001b[0m',
  '9999-99-99',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  'x'.repeat(5000),
  '%',
  "'; --",
];
const BAD_NUMBERS = [2 ** 31, 2 ** 53, 1e308, -1, 0.5, -(2 ** 31) - 1];
const isUnstorable = (v: unknown) => typeof v === 'string' && findUnsafeText(v, true) !== null;
/** In a URL: a lone surrogate cannot be percent-encoded as UTF-8, so send the bytes it would have. */
const URL_FORMS: Record<string, string> = { 'a\ud800b': 'a%ED%A0%80b', '\udc00': '%ED%B0%80' };

interface Ids {
  orgId: string;
  otherOrgId: string;
  memberId: string;
  personId: string;
  flowingId: string;
  transferId: string;
  paymentId: string;
  userId: string;
}

const STRONG_PASSWORD = 'Fuzz#2026pass';
let serial = 0;
const nextSeq = () => {
  serial += 1;
  return serial;
};

function patternValue(pattern: string, candidates: string[]): string | undefined {
  const re = new RegExp(pattern);
  return candidates.find((c) => re.test(c));
}

/** A plausible valid value for a schema, so that a mutation in one field is what the route sees. */
function sample(schema: JsonSchema | undefined, name: string, ids: Ids, idKind: keyof Ids): unknown {
  if (schema === undefined) return 'x';
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const nonNull = options.find((o) => o.type !== 'null') ?? options[0];
    return sample(nonNull, name, ids, idKind);
  }
  if (schema.allOf?.[0]) return sample(schema.allOf[0], name, ids, idKind);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        out[key] = sample(prop, key, ids, idKind);
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => sample(schema.items, name.replace(/s$/, ''), ids, idKind));
    }
    case 'integer':
    case 'number': {
      if (name === 'year') return 2026;
      const min = schema.minimum ?? 1;
      return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    default:
      return sampleString(schema, name, ids, idKind);
  }
}

function sampleString(schema: JsonSchema, name: string, ids: Ids, idKind: keyof Ids): string {
  if (name === 'toOrgId') return ids.otherOrgId;
  if (/^(org|parent|actingOrg|groupOrg)Id$/.test(name)) return ids.orgId;
  if (/^(member|mentor|sponsor)(Id)?$/.test(name)) return ids.memberId;
  if (name === 'id') return ids[idKind];
  // Unique per request, so a create is not refused as a duplicate before the mutated field is read.
  if (name === 'idNumber')
    return citizenId('1990-01-02', nextSeq() % 1000, String(110101 + Math.floor(serial / 1000)));
  if (/phone/i.test(name)) return '13800138000';
  if (name === 'ethnicity') return '01';
  if (name === 'education') return '10';
  if (/password/i.test(name)) return STRONG_PASSWORD;
  if (name === 'username') return `fuzz${nextSeq()}`;
  if (name === 'month' || /YYYY-MM(?!-)/.test(schema.description ?? '')) return '2026-03';
  if (schema.pattern) {
    const fit = patternValue(schema.pattern, ['2026-03-02', '110105000000', '110105', 'abc123', '测试']);
    if (fit) return fit;
  }
  if (/(On|Date|From|To|Until|^from|^to|^date)$/.test(name)) return '2026-03-02';
  return '测试'.padEnd(Math.max(2, schema.minLength ?? 2), '测');
}

type Location = 'path' | 'query' | 'body';
interface Case {
  method: string;
  route: string;
  location: Location;
  field: string;
  value: unknown;
}

interface Leaf {
  path: (string | number)[];
  kind: 'string' | 'number';
}

function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [{ path, kind: 'string' }];
  if (typeof value === 'number') return [{ path, kind: 'number' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [];
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(base)) return base.map((v, i) => (i === head ? withValue(v, rest, value) : v));
  const obj = base as Record<string, unknown>;
  return { ...obj, [String(head)]: withValue(obj[String(head)], rest, value) };
}

// Routes that would end the session or replace the admin's password mid-run.
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);

// Which seeded record a route's `{id}` names, so that a case gets past the look-up to the write.
const ID_KINDS: [RegExp, keyof Ids][] = [
  [/\/orgs\//, 'orgId'],
  [/\/development\/people\//, 'personId'],
  [/\/flowing\//, 'flowingId'],
  [/\/transfers\//, 'transferId'],
  [/\/dues\/payments\//, 'paymentId'],
  [/\/users\//, 'userId'],
];
function idKindOf(route: string): keyof Ids {
  return ID_KINDS.find(([re]) => re.test(route))?.[1] ?? 'memberId';
}

function buildCases(doc: OpenApi, ids: Ids): Case[] {
  const cases: Case[] = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const verb = method.toUpperCase();
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(verb) || SKIPPED.has(`${verb} ${route}`))
        continue;
      const idKind = idKindOf(route);
      for (const p of op.parameters ?? []) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        const isNumber = p.schema?.type === 'integer' || p.schema?.type === 'number';
        const values: unknown[] = isNumber ? [...BAD_NUMBERS.map(String), ...BAD_STRINGS] : BAD_STRINGS;
        for (const value of values) {
          cases.push({ method: verb, route, location: p.in as Location, field: p.name, value });
        }
      }
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      if (bodySchema) {
        const base = sample(bodySchema, '', ids, idKind);
        for (const leaf of leaves(base)) {
          const values = leaf.kind === 'number' ? BAD_NUMBERS : BAD_STRINGS;
          for (const value of values) {
            cases.push({ method: verb, route, location: 'body', field: leaf.path.join('.'), value });
          }
        }
      }
    }
  }
  return cases;
}

function encodeForUrl(value: unknown): string {
  const s = String(value);
  return URL_FORMS[s] ?? encodeURIComponent(s);
}

function requestOf(doc: OpenApi, c: Case, ids: Ids): { url: string; body?: unknown } {
  const op = doc.paths[c.route]?.[c.method.toLowerCase()] ?? {};
  const idKind = idKindOf(c.route);
  let url = c.route;
  const query: string[] = [];
  for (const p of op.parameters ?? []) {
    const isTarget = p.in === c.location && p.name === c.field;
    const valid = sample(p.schema, p.name, ids, idKind);
    const encoded = isTarget ? encodeForUrl(c.value) : encodeURIComponent(String(valid));
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encoded);
    else if (p.in === 'query' && (p.required || isTarget)) query.push(`${p.name}=${encoded}`);
  }
  if (query.length > 0) url += `?${query.join('&')}`;
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  if (!bodySchema) return { url };
  let body = sample(bodySchema, '', ids, idKind);
  if (c.location === 'body')
    body = withValue(
      body,
      c.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      c.value,
    );
  return { url, body };
}

/** Fixed-seed shuffle, so the bounded run samples every route and varies only with the seed. */
function sampleCases(cases: Case[]): Case[] {
  if (cases.length <= MAX_CASES) return cases;
  const order = fc.sample(fc.shuffledSubarray(cases, { minLength: MAX_CASES, maxLength: MAX_CASES }), {
    seed: SEED,
    numRuns: 1,
  })[0];
  return order ?? cases.slice(0, MAX_CASES);
}

let t: TestApp;
let f: CountyFixture;
let doc: OpenApi;
let ids: Ids;
beforeAll(async () => {
  t = await createTestApp({ loginPerMinute: 1_000_000 });
  f = await buildCountyFixture(t);
  doc = t.app.swagger() as unknown as OpenApi;
  const member = f.membersA1[0];
  const mover = f.membersA2[0];
  if (!member || !mover) throw new Error('fixture has no member');
  ids = {
    orgId: f.branchA1.id,
    otherOrgId: f.branchB1.id,
    memberId: member.id,
    personId: member.id,
    flowingId: member.id,
    transferId: member.id,
    paymentId: member.id,
    userId: member.id,
  };
  // One record of each kind, created from the document's own samples (valid values).
  const create = async (route: string, overrides: Partial<Ids> = {}) => {
    const op = doc.paths[route]?.post;
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    const body = sample(schema, '', { ...ids, ...overrides }, 'memberId');
    const res = await t.call<{ id?: string }>('POST', route, { cookie: f.cookies.admin, body });
    if (res.status >= 300 || !res.body.id)
      throw new Error(`seed ${route}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  ids.personId = await create('/api/v1/development/people');
  ids.flowingId = await create('/api/v1/flowing/out');
  ids.transferId = await create('/api/v1/transfers', { memberId: mover.id });
  ids.userId = await create('/api/v1/users');
  await t.call('POST', `/api/v1/dues/members/${member.id}/profiles`, {
    cookie: f.cookies.admin,
    body: { category: 'farmer', amountFen: 20, effectiveFrom: '2020-01-01' },
  });
  ids.paymentId = await create('/api/v1/dues/payments');
}, 120_000);
afterAll(async () => t.close());

/** The record's current version, so an optimistic-concurrency check does not stop the case early. */
async function currentVersion(url: string, cookie: string): Promise<number | undefined> {
  const base = url.split('?')[0]?.match(/^\/api\/v1\/(?:development\/people|[a-z]+)\/[^/]+/)?.[0];
  if (!base) return undefined;
  const res = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
  if (res.statusCode !== 200) return undefined;
  const version = (res.json() as { version?: unknown }).version;
  return typeof version === 'number' ? version : undefined;
}

async function send(c: Case, cookie: string) {
  const request = requestOf(doc, c, ids);
  const { url } = request;
  let { body } = request;
  if (body !== null && typeof body === 'object' && 'version' in body && c.field !== 'version') {
    const version = await currentVersion(url, cookie);
    if (version !== undefined) body = { ...body, version };
  }
  const res = await t.app.inject({
    method: c.method as 'GET',
    url,
    headers: { cookie },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return res;
}

it(
  'answers no 5xx to hostile values in any field of any route (OpenAPI-driven)',
  async () => {
    const all = buildCases(doc, ids);
    expect(all.length).toBeGreaterThan(500);
    const cases = sampleCases(all);
    const failures: string[] = [];
    let cookie = await t.adminCookie();
    for (const c of cases) {
      let res = await send(c, cookie);
      if (res.statusCode === 401 && !c.route.endsWith('/auth/login')) {
        // A case may have ended the session (a user disabled, roles changed): log in again.
        cookie = await t.login('admin', ADMIN_PASSWORD);
        res = await send(c, cookie);
      }
      // Control characters and lone surrogates must be refused by the request schema, never stored.
      // (In a URL a lone surrogate can only be sent as invalid UTF-8, which arrives as U+FFFD.)
      const arrivesIntact = c.location === 'body' || findUnsafeText(String(c.value)) !== 'LONE_SURROGATE';
      // An id is looked up, never stored as sent: a bad one finds nothing (or is ignored by a step that takes none).
      const isId = /(^id|Id|Ids\.\d+)$/.test(c.field);
      if (isUnstorable(c.value) && arrivesIntact && !isId && res.statusCode < 400) {
        failures.push(
          `${c.method} ${c.route} ${c.location}.${c.field}=${JSON.stringify(c.value)} accepted (${res.statusCode})`,
        );
      }
      if (
        res.statusCode >= 400 &&
        !String(res.headers['content-type']).startsWith('application/problem+json')
      ) {
        failures.push(
          `${c.method} ${c.route} ${c.location}.${c.field}: ${res.statusCode} is not problem+json`,
        );
      }
      if (res.statusCode >= 500) {
        failures.push(
          `${c.method} ${c.route} ${c.location}.${c.field}=${JSON.stringify(c.value).slice(0, 30)} → ${res.statusCode}`,
        );
      }
    }
    expect(failures).toEqual([]);
  },
  isFull ? 3_600_000 : 180_000,
);

it('answers no 5xx to random strings in every string field (fast-check, fixed seed)', async () => {
  const cookie = await t.adminCookie();
  const stringCases = buildCases(doc, ids).filter(
    (c) => typeof c.value === 'string' && c.value === 'a\u0000b',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...stringCases),
      fc.string({ unit: 'binary', maxLength: 40 }),
      async (c, value) => {
        const res = await send({ ...c, value }, cookie);
        expect(res.statusCode, `${c.method} ${c.route} ${c.field}`).toBeLessThan(500);
      },
    ),
    { seed: SEED, numRuns: RANDOM_RUNS },
  );
}, 3_600_000);
