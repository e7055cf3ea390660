import type { ForeignObjects } from './foreignSubtree.ts';

/**
 * What a caller from another subtree gets from a route:
 * - 404: the object is out of scope, answered exactly like a missing one;
 * - 403: the caller's roles may not do this anywhere;
 * - 'field': 400 with a field error `*_NOT_FOUND` (a form naming an org or member out of scope);
 * - 'filtered': 200, the caller's own data, with none of the other subtree's objects in it;
 * - 'self' / 'global': the route is not about any org's data (the caller's own account, the code
 *   tables, the org names a sender may address); `why` says so, and the case is not called.
 */
export type ScopeExpectation = 404 | 403 | 'field' | 'filtered' | 'self' | 'global';

export interface ScopeCase {
  expect: ScopeExpectation;
  /** The request, built from the other subtree's objects; a body must pass validation. */
  call?: (o: ForeignObjects) => { url: string; body?: unknown };
  /** Required for 'self' and 'global'. */
  why?: string;
}

/** Routes anyone may call without a session. */
export const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  // The 404 fallback for unknown /api paths (every method).
  'ALL /api/*',
  // The OpenAPI document and its pages.
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/json',
  'GET /api/docs/yaml',
  'GET /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'GET /api/docs/static/*',
] as const;

const v1 = '/api/v1';
const MONTH = '2026-11';
const DAY = '2026-11-20';

/**
 * Every authenticated route, with what a township-A org_admin gets when it reaches for township B's
 * objects (see foreignSubtree.ts for the objects). A route missing here fails routeScope.int.test.ts:
 * add `'METHOD /api/v1/path/:param': { expect, call: (o) => ({ url, body }) }` (or a list of cases).
 */
export const ROUTE_SCOPE: Record<string, ScopeCase | ScopeCase[]> = {
  // auth
  'GET /api/v1/auth/me': { expect: 'self', why: "the caller's own account" },
  'POST /api/v1/auth/password': { expect: 'self', why: "changes the caller's own password" },

  // orgs
  'GET /api/v1/orgs': [
    { expect: 'filtered', call: () => ({ url: `${v1}/orgs?q=${encodeURIComponent('乙')}` }) },
    { expect: 'filtered', call: (o) => ({ url: `${v1}/orgs?parentId=${o.townB.id}` }) },
  ],
  'GET /api/v1/orgs/:id': { expect: 404, call: (o) => ({ url: `${v1}/orgs/${o.branchB1.id}` }) },
  'GET /api/v1/orgs/export': { expect: 'filtered', call: () => ({ url: `${v1}/orgs/export` }) },
  'POST /api/v1/orgs': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/orgs`,
      body: { parentId: o.townB.id, name: '越权新建党支部', type: 'branch', category: 'rural' },
    }),
  },
  'PATCH /api/v1/orgs/:id': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/orgs/${o.branchB1.id}`,
      body: { address: '越权', version: o.branchB1.version },
    }),
  },
  'POST /api/v1/orgs/:id/move': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/orgs/${o.branchB2.id}/move`,
      body: { parentId: o.townB.id, version: o.branchB2.version },
    }),
  },
  'POST /api/v1/orgs/:id/dissolve': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/orgs/${o.branchB2.id}/dissolve`,
      body: { dissolvedOn: DAY, reason: '越权', version: o.branchB2.version },
    }),
  },

  // members
  'GET /api/v1/members': [
    { expect: 'filtered', call: () => ({ url: `${v1}/members?pageSize=100&includeLeft=true` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/members?orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/members/export': [
    { expect: 'filtered', call: () => ({ url: `${v1}/members/export?includeLeft=true` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/members/export?orgId=${o.branchB1.id}` }) },
  ],
  'POST /api/v1/members/search': [
    {
      expect: 'filtered',
      call: () => ({ url: `${v1}/members/search`, body: { pageSize: 100, includeLeft: true } }),
    },
    { expect: 404, call: (o) => ({ url: `${v1}/members/search`, body: { orgId: o.branchB1.id } }) },
  ],
  'POST /api/v1/members/export': [
    { expect: 'filtered', call: () => ({ url: `${v1}/members/export`, body: { includeLeft: true } }) },
    { expect: 404, call: (o) => ({ url: `${v1}/members/export`, body: { orgId: o.branchB1.id } }) },
  ],
  'GET /api/v1/members/:id': { expect: 404, call: (o) => ({ url: `${v1}/members/${o.memberB.id}` }) },
  'GET /api/v1/members/:id/events': {
    expect: 404,
    call: (o) => ({ url: `${v1}/members/${o.memberB.id}/events` }),
  },
  'POST /api/v1/members': {
    expect: 'field',
    call: (o) => ({
      url: `${v1}/members`,
      body: {
        orgId: o.branchB1.id,
        name: '越权',
        idNumber: o.spareIdNumber,
        status: 'full',
        joinedOn: '2010-07-01',
      },
    }),
  },
  'PATCH /api/v1/members/:id': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/members/${o.memberB.id}`,
      body: { remark: '越权', version: o.memberB.version },
    }),
  },
  'POST /api/v1/members/:id/leave': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/members/${o.memberB.id}/leave`,
      body: { leftOn: DAY, reason: 'death', version: o.memberB.version },
    }),
  },
  'POST /api/v1/members/:id/restore': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/members/${o.leftMemberB.id}/restore`,
      body: { restoredOn: DAY, reason: '越权', version: o.leftMemberB.version },
    }),
  },
  'POST /api/v1/members/:id/reveal': {
    expect: 404,
    call: (o) => ({ url: `${v1}/members/${o.memberB.id}/reveal`, body: { field: 'idNumber' } }),
  },

  // users and audit
  'GET /api/v1/users': { expect: 'filtered', call: () => ({ url: `${v1}/users?pageSize=100` }) },
  'POST /api/v1/users': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/users`,
      body: {
        username: 'yuequan',
        displayName: '越权',
        password: 'Yuequan#2026',
        role: 'officer',
        orgId: o.branchB1.id,
      },
    }),
  },
  'PATCH /api/v1/users/:id': {
    expect: 404,
    call: (o) => ({ url: `${v1}/users/${o.userB.id}`, body: { isDisabled: true, version: o.userB.version } }),
  },
  'POST /api/v1/users/:id/password': {
    expect: 404,
    call: (o) => ({ url: `${v1}/users/${o.userB.id}/password`, body: { password: 'Yuequan#2026' } }),
  },
  'POST /api/v1/users/:id/unlock': {
    expect: 404,
    call: (o) => ({ url: `${v1}/users/${o.userB.id}/unlock` }),
  },
  'POST /api/v1/users/:id/roles': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/users/${o.userB.id}/roles`,
      body: { role: 'officer', orgId: o.branchB2.id },
    }),
  },
  'DELETE /api/v1/users/:id/roles/:assignmentId': {
    expect: 404,
    call: (o) => ({ url: `${v1}/users/${o.userB.id}/roles/${o.userB.roles[0]?.id}` }),
  },
  'GET /api/v1/audit': { expect: 'filtered', call: () => ({ url: `${v1}/audit?pageSize=200` }) },

  // statistics and warnings
  'GET /api/v1/stats/members': {
    expect: 404,
    call: (o) => ({ url: `${v1}/stats/members?orgId=${o.branchB1.id}` }),
  },
  'GET /api/v1/warnings': [
    { expect: 'filtered', call: () => ({ url: `${v1}/warnings?pageSize=200` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/warnings?orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/warnings/summary': {
    expect: 404,
    call: (o) => ({ url: `${v1}/warnings/summary?parentId=${o.branchB1.id}` }),
  },
  'GET /api/v1/rules': {
    expect: 'global',
    why: 'the rule catalogue and its parameters, the same for everyone',
  },
  'PATCH /api/v1/rules/:id/params': {
    expect: 403,
    call: () => ({ url: `${v1}/rules/T1.transfer-overdue/params`, body: { params: {}, version: 1 } }),
  },

  // imports
  'GET /api/v1/imports/templates/:kind': { expect: 'global', why: 'an empty template workbook' },
  'POST /api/v1/imports/:kind': {
    expect: 'global',
    why: 'a file, not an object: routeScope.int.test.ts uploads a roster naming township B and checks each row is refused',
  },
  'GET /api/v1/imports/jobs/:id': { expect: 404, call: (o) => ({ url: `${v1}/imports/jobs/${o.jobB.id}` }) },
  'GET /api/v1/imports/jobs/:id/report.xlsx': {
    expect: 404,
    call: (o) => ({ url: `${v1}/imports/jobs/${o.jobB.id}/report.xlsx` }),
  },

  // dues
  'GET /api/v1/dues/members/:id': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/members/${o.memberB.id}` }),
  },
  'POST /api/v1/dues/members/:id/profiles': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/dues/members/${o.memberB.id}/profiles`,
      body: { category: 'farmer', amountFen: 100, effectiveFrom: '2026-01-01' },
    }),
  },
  'POST /api/v1/dues/profiles/batch': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/dues/profiles/batch`,
      body: {
        category: 'farmer',
        amountFen: 100,
        effectiveFrom: '2026-01-01',
        orgId: o.branchB1.id,
        memberIds: [o.memberB.id],
      },
    }),
  },
  'GET /api/v1/dues/sheet': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/sheet?orgId=${o.branchB1.id}&month=${MONTH}` }),
  },
  'GET /api/v1/dues/sheet.xlsx': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/sheet.xlsx?orgId=${o.branchB1.id}&month=${MONTH}` }),
  },
  'POST /api/v1/dues/collections': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/dues/collections`,
      body: {
        orgId: o.branchB1.id,
        month: MONTH,
        paidOn: DAY,
        items: [{ memberId: o.memberB.id, amountFen: 100 }],
      },
    }),
  },
  'POST /api/v1/dues/payments': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/dues/payments`,
      body: { memberId: o.memberB.id, month: '2026-10', amountFen: 100, paidOn: DAY },
    }),
  },
  'POST /api/v1/dues/payments/:id/reverse': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/payments/${o.paymentB.id}/reverse`, body: { reason: '越权' } }),
  },
  'GET /api/v1/dues/payments': [
    { expect: 'filtered', call: () => ({ url: `${v1}/dues/payments?pageSize=100` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/dues/payments?orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/dues/arrears': [
    { expect: 'filtered', call: () => ({ url: `${v1}/dues/arrears?pageSize=100` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/dues/arrears?orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/dues/summary': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/summary?orgId=${o.townB.id}&year=2026` }),
  },
  'GET /api/v1/dues/summary.xlsx': {
    expect: 404,
    call: (o) => ({ url: `${v1}/dues/summary.xlsx?orgId=${o.townB.id}&year=2026` }),
  },

  // development
  'GET /api/v1/development/board': {
    expect: 404,
    call: (o) => ({ url: `${v1}/development/board?orgId=${o.branchB1.id}` }),
  },
  'GET /api/v1/development/people': [
    { expect: 'filtered', call: () => ({ url: `${v1}/development/people?pageSize=100` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/development/people?orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/development/people/:id': {
    expect: 404,
    call: (o) => ({ url: `${v1}/development/people/${o.applicantB.id}` }),
  },
  'POST /api/v1/development/people': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/development/people`,
      body: { orgId: o.branchB1.id, name: '越权', idNumber: o.spareIdNumber, appliedOn: '2026-10-01' },
    }),
  },
  'POST /api/v1/development/resume': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/development/resume`,
      body: { memberId: o.probationerB.id, resumeAfterStep: 20 },
    }),
  },
  'PATCH /api/v1/development/people/:id': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/development/people/${o.applicantB.id}`,
      body: { address: '越权', version: o.applicantB.version },
    }),
  },
  'POST /api/v1/development/people/:id/steps': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/development/people/${o.applicantB.id}/steps`,
      body: { step: 2, occurredOn: '2026-10-10', version: o.applicantB.version },
    }),
  },
  'POST /api/v1/development/people/:id/withdraw': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/development/people/${o.applicantB.id}/withdraw`,
      body: { withdrawnOn: DAY, reason: '越权', version: o.applicantB.version },
    }),
  },
  'GET /api/v1/development/authorities': {
    expect: 'filtered',
    call: () => ({ url: `${v1}/development/authorities` }),
  },
  'POST /api/v1/development/authorities/:orgId': {
    expect: 404,
    call: (o) => ({ url: `${v1}/development/authorities/${o.townB.id}`, body: { grantedOn: DAY } }),
  },
  'DELETE /api/v1/development/authorities/:orgId': {
    expect: 404,
    call: (o) => ({ url: `${v1}/development/authorities/${o.townB.id}` }),
  },
  'GET /api/v1/development/calendar/:year': {
    expect: 'global',
    why: 'the national working-day calendar, the same for everyone',
  },
  'PUT /api/v1/development/calendar/:year': {
    expect: 403,
    call: () => ({ url: `${v1}/development/calendar/2027`, body: { source: '越权', days: [] } }),
  },

  // transfers
  'GET /api/v1/transfers': [
    { expect: 'filtered', call: () => ({ url: `${v1}/transfers?box=incoming&pageSize=100` }) },
    { expect: 'filtered', call: () => ({ url: `${v1}/transfers?box=outgoing&pageSize=100` }) },
  ],
  'GET /api/v1/transfers/summary': { expect: 'filtered', call: () => ({ url: `${v1}/transfers/summary` }) },
  'GET /api/v1/transfers/destinations': {
    expect: 'global',
    why: 'org names only, so that a sender can name the receiving org (transfers/README.md)',
  },
  'GET /api/v1/transfers/:id': [
    { expect: 404, call: (o) => ({ url: `${v1}/transfers/${o.transferB.id}` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/transfers/${o.letterOutB.id}` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/transfers/${o.letterInB.id}` }) },
  ],
  'POST /api/v1/transfers': {
    expect: 'field',
    call: (o) => ({
      url: `${v1}/transfers`,
      body: { memberId: o.memberB2.id, toOrgId: o.branchB2.id, reason: 'work_change', issuedOn: DAY },
    }),
  },
  'POST /api/v1/transfers/out': {
    expect: 'field',
    call: (o) => ({
      url: `${v1}/transfers/out`,
      body: {
        memberId: o.memberB2.id,
        destination: '越权',
        letterNo: 'YQ-1',
        issuedOn: DAY,
        reason: 'work_change',
      },
    }),
  },
  'POST /api/v1/transfers/in': {
    expect: 'field',
    call: (o) => ({
      url: `${v1}/transfers/in`,
      body: {
        toOrgId: o.branchB1.id,
        origin: '越权',
        letterNo: 'YQ-2',
        issuedOn: DAY,
        reason: 'work_change',
        person: { name: '越权', idNumber: o.spareIdNumber, status: 'full', joinedOn: '2010-07-01' },
      },
    }),
  },
  'POST /api/v1/transfers/:id/accept': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/transfers/${o.transferB.id}/accept`,
      body: { acceptedOn: DAY, version: o.transferB.version },
    }),
  },
  'POST /api/v1/transfers/:id/return': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/transfers/${o.letterInB.id}/return`,
      body: { returnedOn: DAY, reason: '越权', version: o.letterInB.version },
    }),
  },
  'POST /api/v1/transfers/:id/receipt': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/transfers/${o.letterOutB.id}/receipt`,
      body: { receiptOn: DAY, version: o.letterOutB.version },
    }),
  },
  'POST /api/v1/transfers/:id/cancel': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/transfers/${o.transferB.id}/cancel`,
      body: { cancelledOn: DAY, reason: '越权', version: o.transferB.version },
    }),
  },

  // flowing members
  'GET /api/v1/flowing': [
    { expect: 'filtered', call: () => ({ url: `${v1}/flowing?direction=out&pageSize=100` }) },
    { expect: 'filtered', call: () => ({ url: `${v1}/flowing?direction=in&pageSize=100` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/flowing?direction=out&orgId=${o.branchB1.id}` }) },
  ],
  'GET /api/v1/flowing/:id': [
    { expect: 404, call: (o) => ({ url: `${v1}/flowing/${o.outflowB.id}` }) },
    { expect: 404, call: (o) => ({ url: `${v1}/flowing/${o.inflowB.id}` }) },
  ],
  'POST /api/v1/flowing/out': {
    expect: 'field',
    call: (o) => ({
      url: `${v1}/flowing/out`,
      body: { memberId: o.memberB2.id, place: '越权', since: '2026-06-01' },
    }),
  },
  'POST /api/v1/flowing/in': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/flowing/in`,
      body: { orgId: o.branchB1.id, name: '越权', homeOrgName: '越权', place: '越权', since: '2026-06-01' },
    }),
  },
  'PATCH /api/v1/flowing/:id': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/flowing/${o.outflowB.id}`,
      body: { place: '越权', version: o.outflowB.version },
    }),
  },
  'POST /api/v1/flowing/:id/contacts': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/flowing/${o.outflowB.id}/contacts`,
      body: { contactedOn: DAY, method: 'phone', isReached: true },
    }),
  },
  'POST /api/v1/flowing/:id/lost-contact': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/flowing/${o.outflowB.id}/lost-contact`,
      body: { since: '2026-07-01', version: o.outflowB.version },
    }),
  },
  'POST /api/v1/flowing/:id/suspend': {
    expect: 404,
    call: (o) => ({
      url: `${v1}/flowing/${o.outflowB.id}/suspend`,
      body: { suspendedOn: DAY, version: o.outflowB.version },
    }),
  },
  'POST /api/v1/flowing/:id/return': [
    {
      expect: 404,
      call: (o) => ({
        url: `${v1}/flowing/${o.outflowB.id}/return`,
        body: { returnedOn: DAY, version: o.outflowB.version },
      }),
    },
    {
      expect: 404,
      call: (o) => ({
        url: `${v1}/flowing/${o.inflowB.id}/return`,
        body: { returnedOn: DAY, version: o.inflowB.version },
      }),
    },
  ],
};
