import type {
  DevelopmentPerson,
  DuesPayment,
  GetFlowingRecordResponse,
  ImportJob,
  Member,
  Org,
  Transfer,
  User,
} from '@zhibu/shared/api';
import { multipartFile, workbookBuffer } from '../modules/imports/testWorkbook.ts';
import { type CountyFixture, createMember } from '../testing/countyFixture.ts';
import { citizenId, SAME_ORIGIN, type TestApp, USER_PASSWORD, unique } from '../testing/testApp.ts';

/** Township B's objects of every kind a route reads or writes, for the route-scope registry test. */
export interface ForeignObjects {
  townB: Org;
  branchB1: Org;
  branchB2: Org;
  memberB: Member;
  memberB2: Member;
  probationerB: Member;
  leftMemberB: Member;
  applicantB: DevelopmentPerson;
  outflowB: GetFlowingRecordResponse;
  inflowB: GetFlowingRecordResponse;
  transferB: Transfer;
  letterOutB: Transfer;
  letterInB: Transfer;
  paymentB: DuesPayment;
  userB: User;
  jobB: ImportJob;
  /** A valid citizen ID number nobody holds, for forms that must pass validation. */
  spareIdNumber: string;
}

async function created<T>(t: TestApp, method: 'POST' | 'PATCH', url: string, cookie: string, body: unknown) {
  const res = await t.call<T>(method, url, { cookie, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Adds to the county fixture one object of each kind in township B, all created by the administrator. */
export async function buildForeignObjects(t: TestApp, f: CountyFixture): Promise<ForeignObjects> {
  const admin = f.cookies.admin;
  const v1 = '/api/v1';
  const post = <T>(url: string, body: unknown) => created<T>(t, 'POST', `${v1}${url}`, admin, body);
  const branchB2 = await post<Org>('/orgs', {
    parentId: f.townB.id,
    name: unique('乙二村党支部'),
    type: 'branch',
    category: 'rural',
  });
  const memberB = f.membersB1[0] as Member;
  const memberB2 = await createMember(t, admin, f.branchB1, {
    name: '钱乙二',
    idNumber: citizenId('1971-02-03', 71),
  });
  const probationerB = await createMember(t, admin, f.branchB1, {
    name: '钱乙三',
    idNumber: citizenId('1995-02-03', 73),
    status: 'probationary',
    joinedOn: '2026-03-01',
    confirmedOn: null,
  });
  const toLeave = await createMember(t, admin, f.branchB1, {
    name: '钱乙四',
    idNumber: citizenId('1945-02-03', 75),
  });
  const leftMemberB = await post<Member>(`/members/${toLeave.id}/leave`, {
    leftOn: '2026-10-01',
    reason: 'death',
    version: toLeave.version,
  });
  const applicantB = await post<DevelopmentPerson>('/development/people', {
    orgId: f.branchB1.id,
    name: '钱乙五',
    idNumber: citizenId('2000-02-03', 77),
    appliedOn: '2026-10-01',
  });
  await post(`/development/authorities/${f.townB.id}`, { grantedOn: '2026-01-05' });
  const outflowB = await post<GetFlowingRecordResponse>('/flowing/out', {
    memberId: memberB.id,
    place: '上海市浦东新区',
    since: '2026-06-01',
  });
  const inflowB = await post<GetFlowingRecordResponse>('/flowing/in', {
    orgId: f.branchB1.id,
    name: '钱乙六',
    homeOrgName: '外省某村党支部',
    place: '乙一村',
    since: '2026-06-01',
  });
  const transferB = await post<Transfer>('/transfers', {
    memberId: memberB.id,
    toOrgId: branchB2.id,
    reason: 'work_change',
    issuedOn: '2026-11-01',
  });
  const letterOutB = await post<Transfer>('/transfers/out', {
    memberId: memberB2.id,
    destination: '外省某党委',
    letterNo: unique('乙介'),
    issuedOn: '2026-11-01',
    reason: 'work_change',
  });
  const letterInB = await post<Transfer>('/transfers/in', {
    toOrgId: f.branchB1.id,
    origin: '外省某党委',
    letterNo: unique('乙转'),
    issuedOn: '2026-11-01',
    reason: 'work_change',
    person: { name: '钱乙七', idNumber: citizenId('1982-02-03', 79), status: 'full', joinedOn: '2010-07-01' },
  });
  await post(`/dues/members/${memberB.id}/profiles`, {
    category: 'farmer',
    amountFen: 100,
    effectiveFrom: '2026-01-01',
  });
  const paymentB = await post<DuesPayment>('/dues/payments', {
    memberId: memberB.id,
    month: '2026-11',
    amountFen: 100,
    paidOn: '2026-11-20',
    note: '钱乙账',
  });
  const username = unique('officerb');
  const userB = await post<User>('/users', {
    username,
    displayName: '乙一村党务',
    password: USER_PASSWORD,
    role: 'officer',
    orgId: f.branchB1.id,
  });
  const jobB = await importAsAdmin(t, admin, f.branchB1.name);
  return {
    townB: f.townB,
    branchB1: f.branchB1,
    branchB2,
    memberB,
    memberB2,
    probationerB,
    leftMemberB,
    applicantB,
    outflowB,
    inflowB,
    transferB,
    letterOutB,
    letterInB,
    paymentB,
    userB,
    jobB,
    spareIdNumber: citizenId('1988-02-03', 81),
  };
}

/** An import job of the administrator's (jobs are their creator's). */
async function importAsAdmin(t: TestApp, cookie: string, orgName: string): Promise<ImportJob> {
  const data = await workbookBuffer([
    {
      rows: [
        ['姓名', '所在党组织', '公民身份号码', '党员类型', '入党日期'],
        ['钱乙八', orgName, citizenId('1983-02-03', 83), '正式党员', '2011-07-01'],
      ],
    },
  ]);
  const { payload, headers } = multipartFile('file', '名册.xlsx', data);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports/members?mode=dryRun',
    payload,
    headers: { ...headers, origin: SAME_ORIGIN, cookie },
  });
  if (res.statusCode !== 202) throw new Error(`import: ${res.statusCode} ${res.body}`);
  return res.json<ImportJob>();
}

/**
 * Text that must not appear in anything a township-A caller receives. Names, not public ids: an id
 * encodes a per-table number, so a township-A row of another table can share it.
 */
export function foreignMarkers(o: ForeignObjects): string[] {
  return [
    o.townB.name,
    o.branchB1.name,
    o.branchB2.name,
    o.memberB.name, // 孙七
    '钱乙', // every other member, applicant, flowing member and dues note of township B
    o.outflowB.place,
    o.letterOutB.letterNo ?? '',
    o.letterInB.letterNo ?? '',
    o.userB.username,
    o.userB.displayName,
  ].filter((m) => m.length > 0);
}
