import { addDays, addYears, todayInShanghai } from '@zhibu/shared';
import type {
  DevelopmentBoard,
  GetDevelopmentPersonResponse,
  ListDevelopmentPeopleResponse,
  ListMemberEventsResponse,
  ListWarningsResponse,
  Member,
  Problem,
  RecordStepRequest,
} from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, SAME_ORIGIN, type TestApp } from '../../testing/testApp.ts';

type Person = GetDevelopmentPersonResponse;
type MemberEvents = z.infer<typeof ListMemberEventsResponse>;

let t: TestApp;
let f: CountyFixture;
let sponsors: Member[];
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  sponsors = [
    await createMember(t, f.cookies.admin, f.branchA1, {
      name: '周介绍',
      idNumber: citizenId('1970-02-03', 71),
    }),
    await createMember(t, f.cookies.admin, f.branchA1, {
      name: '吴介绍',
      idNumber: citizenId('1972-04-05', 73),
    }),
  ];
  // The county (admin) gives township A the authority to approve admissions (D7).
  const grant = await t.call('POST', `/api/v1/development/authorities/${f.townA.id}`, {
    cookie: f.cookies.admin,
    body: { grantedOn: '2020-01-01', basis: '县委组织部文件' },
  });
  expect(grant.status, JSON.stringify(grant.body)).toBe(200);
});
afterAll(async () => t.close());

async function apply(cookie: string, overrides: Record<string, unknown> = {}) {
  const res = await t.call<Person>('POST', '/api/v1/development/people', {
    cookie,
    body: {
      orgId: f.branchA1.id,
      name: '陈申请',
      idNumber: citizenId('1995-06-15', 81),
      ethnicity: '汉族',
      education: '大学本科',
      phone: '13900139000',
      workUnit: '甲一村',
      appliedOn: '2023-03-01',
      ...overrides,
    },
  });
  return res;
}

async function step(
  cookie: string,
  person: Person,
  body: Partial<RecordStepRequest> & { step: number; occurredOn: string },
) {
  return t.call<Person & Pick<Problem, 'code' | 'detail'>>(
    'POST',
    `/api/v1/development/people/${person.id}/steps`,
    {
      cookie,
      body: { version: person.version, ...body },
    },
  );
}

/** Records a step that must pass; returns the new state of the person. */
async function ok(
  cookie: string,
  person: Person,
  body: Partial<RecordStepRequest> & { step: number; occurredOn: string },
) {
  const res = await step(cookie, person, body);
  expect(res.status, `step ${body.step}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as Person;
}

const goodVote = { expected: 20, present: 15, yes: 14, no: 1, abstain: 0, votingFullMembers: 20 };

describe('development pipeline: a person through all 25 steps', () => {
  it('runs from application to 正式党员 and archive, with the register and timeline following', async () => {
    const officer = f.cookies.officerA1;
    const town = f.cookies.orgAdminA;
    const created = await apply(officer);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let p = created.body;
    expect(p.stage).toBe('applicant');
    expect(p.nextSteps).toEqual([2]);
    expect(p.idNumberMasked).not.toContain('1995061');
    expect(p.deadlines[0]).toMatchObject({
      rule: 'D2.talk-within-month',
      dueOn: '2023-04-01',
      isOverdue: true,
    });

    p = await ok(officer, p, { step: 2, occurredOn: '2023-03-20', responsible: '李四' });
    p = await ok(officer, p, { step: 3, occurredOn: '2023-04-10' });
    expect(p.stage).toBe('activist');
    p = await ok(officer, p, { step: 4, occurredOn: '2023-04-15', actingOrgName: '甲镇党委' });
    const mentor = f.membersA1[0] as Member;
    p = await ok(officer, p, { step: 5, occurredOn: '2023-04-20', mentorIds: [mentor.id] });
    p = await ok(officer, p, { step: 6, occurredOn: '2023-10-10', note: '第一次考察' });
    p = await ok(officer, p, { step: 6, occurredOn: '2024-04-01', note: '第二次考察' });
    expect(p.nextSteps).toEqual([6, 7]);

    // D4 第十三条: one day short of a year as activist is refused, with the article cited.
    const early = await step(officer, p, { step: 7, occurredOn: '2024-04-09' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RULE_VIOLATION');
    expect(early.body.detail).toMatch(/（《中国共产党发展党员工作细则》第十三条）$/);
    p = await ok(officer, p, { step: 7, occurredOn: '2024-04-10' });
    expect(p.stage).toBe('candidate');
    p = await ok(officer, p, { step: 8, occurredOn: '2024-04-15' });

    // D4 第十四条: a probationary member cannot sponsor.
    const probationary = f.membersA1[1] as Member;
    const badSponsor = await step(officer, p, {
      step: 9,
      occurredOn: '2024-04-20',
      sponsorIds: [(sponsors[0] as Member).id, probationary.id],
    });
    expect(badSponsor.status).toBe(422);
    expect(badSponsor.body.detail).toMatch(/预备党员.*第十四条）$/);
    p = await ok(officer, p, {
      step: 9,
      occurredOn: '2024-04-20',
      sponsorIds: sponsors.map((s) => s.id),
    });

    const noConclusion = await step(officer, p, { step: 10, occurredOn: '2024-05-10' });
    expect(noConclusion.status).toBe(422);
    expect(noConclusion.body.detail).toMatch(/第十六条）$/);
    p = await ok(officer, p, {
      step: 10,
      occurredOn: '2024-05-10',
      conclusion: '政治审查合格',
      documentNo: '政审2024-3',
    });

    const shortTraining = await step(officer, p, {
      step: 11,
      occurredOn: '2024-05-20',
      trainingDays: 2,
      classHours: 23,
    });
    expect(shortTraining.status).toBe(422);
    expect(shortTraining.body.detail).toMatch(/第十七条）$/);
    p = await ok(officer, p, { step: 11, occurredOn: '2024-05-20', classHours: 24 });
    p = await ok(officer, p, { step: 12, occurredOn: '2024-06-01' });

    // Step 13 is the committee's: the branch officer cannot act for 甲镇党委.
    expect(p.canRecordCommitteeSteps).toBe(false);
    const byBranch = await step(officer, p, { step: 13, occurredOn: '2024-06-10', actingOrgId: f.townA.id });
    expect(byBranch.status).toBe(400);
    const asTown = (await t.call<Person>('GET', `/api/v1/development/people/${p.id}`, { cookie: town })).body;
    expect(asTown.committees).toEqual([{ id: f.townA.id, name: f.townA.name, canApprove: true }]);
    p = await ok(town, asTown, { step: 13, occurredOn: '2024-06-10', actingOrgId: f.townA.id });
    p = await ok(officer, p, { step: 14, occurredOn: '2024-06-15', documentNo: '志愿书0001' });

    // D6: exactly half present is no quorum; exactly half of yes-votes does not pass.
    const noQuorum = await step(officer, p, {
      step: 15,
      occurredOn: '2024-06-20',
      vote: { ...goodVote, present: 10, yes: 10, no: 0 },
    });
    expect(noQuorum.status).toBe(422);
    expect(noQuorum.body.detail).toMatch(/未超过应到会有表决权党员 20 人的半数.*第二十、二十一条）$/);
    const half = await step(officer, p, {
      step: 15,
      occurredOn: '2024-06-20',
      vote: { ...goodVote, yes: 10, no: 5 },
    });
    expect(half.status).toBe(422);
    expect(half.body.detail).toContain('赞成票 10 票');
    p = await ok(officer, p, { step: 15, occurredOn: '2024-06-20', vote: { ...goodVote, yes: 11, no: 4 } });
    p = await ok(officer, p, { step: 16, occurredOn: '2024-07-01', responsible: '甲镇党委组织委员' });
    expect(p.deadlines[0]).toMatchObject({ rule: 'D7.approval-within', step: 17, dueOn: '2024-09-20' });

    p = await ok(town, p, {
      step: 17,
      occurredOn: '2024-08-01',
      actingOrgId: f.townA.id,
      decision: 'approve',
    });
    expect(p.stage).toBe('probationary');
    expect(p.memberId).not.toBeNull();
    expect(p.probationEndsOn).toBe('2025-06-20');
    const member = await t.call<Member>('GET', `/api/v1/members/${p.memberId}`, { cookie: officer });
    expect(member.body).toMatchObject({
      status: 'probationary',
      joinedOn: '2024-06-20',
      orgId: f.branchA1.id,
    });

    p = await ok(officer, p, { step: 18, occurredOn: '2024-08-10', actingOrgName: '县委组织部' });
    p = await ok(officer, p, { step: 19, occurredOn: '2024-08-15' });
    p = await ok(officer, p, { step: 20, occurredOn: '2024-09-01' });
    p = await ok(officer, p, { step: 21, occurredOn: '2025-01-10' });
    p = await ok(officer, p, { step: 22, occurredOn: '2025-06-01' });

    // D8: the conversion is discussed once probation has ended, not the day before.
    const tooEarly = await step(officer, p, {
      step: 23,
      occurredOn: '2025-06-19',
      vote: goodVote,
      decision: 'convert',
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.detail).toMatch(/第三十二、三十三条）$/);
    p = await ok(officer, p, { step: 23, occurredOn: '2025-06-20', vote: goodVote, decision: 'convert' });
    p = await ok(town, p, {
      step: 24,
      occurredOn: '2025-07-10',
      actingOrgId: f.townA.id,
      decision: 'approve',
    });
    expect(p.stage).toBe('full');
    expect(p.confirmedOn).toBe('2025-06-20');
    expect(p.partyAgeYears).toBeGreaterThanOrEqual(1);
    p = await ok(officer, p, { step: 25, occurredOn: '2025-08-01', documentNo: '档案2025-1' });
    expect(p.status).toBe('completed');
    expect(p.nextSteps).toEqual([]);
    expect(p.checklist.every((c) => c.status === 'done')).toBe(true);

    const converted = await t.call<Member>('GET', `/api/v1/members/${p.memberId}`, { cookie: officer });
    expect(converted.body).toMatchObject({
      status: 'full',
      joinedOn: '2024-06-20',
      confirmedOn: '2025-06-20',
    });
    const events = await t.call<MemberEvents>('GET', `/api/v1/members/${p.memberId}/events`, {
      cookie: officer,
    });
    expect(events.body.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['joined', 'admission_approved', 'oath', 'confirmed']),
    );
    const done = await step(officer, p, { step: 25, occurredOn: '2025-08-02' });
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('DEVELOPMENT_CLOSED');

    const audit = await t.call<{ items: { action: string }[] }>(
      'GET',
      '/api/v1/audit?action=development&pageSize=100',
      {
        cookie: f.cookies.admin,
      },
    );
    expect(audit.body.items.filter((e) => e.action === 'development.step')).toHaveLength(24 + 1); // steps 2–25, and a second review (6)
  });
});

describe('development pipeline: refusals and the 2026 revision', () => {
  it('refuses an applicant under 18 on the application day, citing 第五条', async () => {
    const res = await apply(f.cookies.officerA1, {
      idNumber: citizenId('2005-03-02', 83),
      appliedOn: '2023-03-01',
    });
    expect(res.status).toBe(422);
    expect((res.body as unknown as Problem).detail).toMatch(
      /未满18周岁.*（《中国共产党发展党员工作细则》第五条）$/,
    );
    const on18 = await apply(f.cookies.officerA1, {
      idNumber: citizenId('2005-03-01', 85),
      appliedOn: '2023-03-01',
    });
    expect(on18.status, JSON.stringify(on18.body)).toBe(201);
  });

  it('refuses a late talk (day 31 after an application of 04-01) and a step out of order', async () => {
    const res = await apply(f.cookies.officerA1, {
      idNumber: citizenId('1990-01-01', 87),
      appliedOn: '2024-04-01',
    });
    const p = res.body;
    const outOfOrder = await step(f.cookies.officerA1, p, { step: 3, occurredOn: '2024-04-10' });
    expect(outOfOrder.status).toBe(422);
    expect(outOfOrder.body.detail).toContain('应先办理第2步');
    const late = await step(f.cookies.officerA1, p, {
      step: 2,
      occurredOn: '2024-05-02',
      responsible: '李四',
    });
    expect(late.status).toBe(422);
    expect(late.body.detail).toMatch(/2024-05-01 前派人谈话.*第七条）$/);
    await ok(f.cookies.officerA1, p, { step: 2, occurredOn: '2024-05-01', responsible: '李四' });
  });

  it('a candidate determined after 2026-05-01 needs a 公示 of 5 working days, citing the revision', async () => {
    const officer = f.cookies.officerA1;
    let p = (await apply(officer, { idNumber: citizenId('1996-07-07', 89), appliedOn: '2025-04-01' })).body;
    p = await ok(officer, p, { step: 2, occurredOn: '2025-04-20', responsible: '李四' });
    p = await ok(officer, p, { step: 3, occurredOn: '2025-05-20' });
    p = await ok(officer, p, { step: 4, occurredOn: '2025-05-25' });
    p = await ok(officer, p, {
      step: 5,
      occurredOn: '2025-05-26',
      mentorIds: [(f.membersA1[0] as Member).id],
    });
    p = await ok(officer, p, { step: 6, occurredOn: '2025-11-01' });
    const missing = await step(officer, p, { step: 7, occurredOn: '2026-06-10' });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toMatch(/公示.*（《中国共产党发展党员工作细则（2026年修订）》）$/);
    // Mon 06-01 … Thu 06-04 2026 is 4 working days; to Fri 06-05 is 5.
    const four = await step(officer, p, {
      step: 7,
      occurredOn: '2026-06-10',
      publicityFrom: '2026-06-01',
      publicityTo: '2026-06-04',
    });
    expect(four.status).toBe(422);
    expect(four.body.detail).toContain('只有 4 个工作日');
    p = await ok(officer, p, {
      step: 7,
      occurredOn: '2026-06-10',
      publicityFrom: '2026-06-01',
      publicityTo: '2026-06-05',
    });
    const seven = p.checklist.find((c) => c.step === 7)?.records[0];
    expect(seven?.publicityWorkingDays).toBe(5);
  });

  it('approval needs a 党委 granted the authority; a 党总支 cannot be granted it', async () => {
    const general = await t.call<{ id: string }>('POST', '/api/v1/orgs', {
      cookie: f.cookies.admin,
      body: { parentId: f.townB.id, name: '乙镇机关党总支', type: 'general_branch', category: 'government' },
    });
    const refused = await t.call<Problem>('POST', `/api/v1/development/authorities/${general.body.id}`, {
      cookie: f.cookies.admin,
      body: { grantedOn: '2020-01-01' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('不是基层党委');
    // An org_admin cannot grant the authority to the root of its own scope.
    const self = await t.call('POST', `/api/v1/development/authorities/${f.townA.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { grantedOn: '2020-01-01' },
    });
    expect(self.status).toBe(403);
    const list = await t.call<{ items: { orgId: string }[] }>('GET', '/api/v1/development/authorities', {
      cookie: f.cookies.officerA1,
    });
    expect(list.body.items.map((i) => i.orgId)).toEqual([f.townA.id]);
  });

  it('the board counts people per stage in scope; another township sees none of them', async () => {
    const board = await t.call<DevelopmentBoard>('GET', `/api/v1/development/board?orgId=${f.branchA1.id}`, {
      cookie: f.cookies.officerA1,
    });
    expect(board.status).toBe(200);
    const count = (stage: string) => board.body.stages.find((s) => s.stage === stage)?.count;
    expect(count('applicant')).toBeGreaterThanOrEqual(1);
    expect(count('candidate')).toBeGreaterThanOrEqual(1);
    const overdue = await t.call<ListDevelopmentPeopleResponse>(
      'GET',
      '/api/v1/development/people?isOverdue=true',
      {
        cookie: f.cookies.officerA1,
      },
    );
    expect(overdue.body.items.every((i) => i.isOverdue)).toBe(true);
    const outsider = await t.call('GET', `/api/v1/development/board?orgId=${f.branchA1.id}`, {
      cookie: await otherTownOfficer(),
    });
    expect(outsider.status).toBe(404);
  });
});

async function otherTownOfficer(): Promise<string> {
  const username = `officerb${process.pid}`;
  await t.call('POST', '/api/v1/users', {
    cookie: f.cookies.admin,
    body: {
      username,
      displayName: '乙一书记',
      password: 'Officer#2026',
      role: 'officer',
      orgId: f.branchB1.id,
    },
  });
  return t.login(username);
}

/** Valid steps 2–22 on the dates of the full run above (admission 2024-06-20, probation to 2025-06-20). */
async function runToStep22(idNumber: string): Promise<Person> {
  const officer = f.cookies.officerA1;
  const town = f.cookies.orgAdminA;
  let p = (await apply(officer, { idNumber })).body;
  const plan: [string, Partial<RecordStepRequest> & { step: number; occurredOn: string }][] = [
    [officer, { step: 2, occurredOn: '2023-03-20', responsible: '李四' }],
    [officer, { step: 3, occurredOn: '2023-04-10' }],
    [officer, { step: 4, occurredOn: '2023-04-15' }],
    [officer, { step: 5, occurredOn: '2023-04-20', mentorIds: [(f.membersA1[0] as Member).id] }],
    [officer, { step: 6, occurredOn: '2023-10-10' }],
    [officer, { step: 7, occurredOn: '2024-04-10' }],
    [officer, { step: 8, occurredOn: '2024-04-15' }],
    [officer, { step: 9, occurredOn: '2024-04-20', sponsorIds: sponsors.map((s) => s.id) }],
    [officer, { step: 10, occurredOn: '2024-05-10', conclusion: '合格' }],
    [officer, { step: 11, occurredOn: '2024-05-20', trainingDays: 3 }],
    [officer, { step: 12, occurredOn: '2024-06-01' }],
    [town, { step: 13, occurredOn: '2024-06-10', actingOrgId: f.townA.id }],
    [officer, { step: 14, occurredOn: '2024-06-15' }],
    [officer, { step: 15, occurredOn: '2024-06-20', vote: goodVote }],
    [officer, { step: 16, occurredOn: '2024-07-01', responsible: '组织委员' }],
    [town, { step: 17, occurredOn: '2024-08-01', actingOrgId: f.townA.id, decision: 'approve' }],
    [officer, { step: 18, occurredOn: '2024-08-10' }],
    [officer, { step: 19, occurredOn: '2024-08-15' }],
    [officer, { step: 20, occurredOn: '2024-09-01' }],
    [officer, { step: 21, occurredOn: '2025-01-10' }],
    [officer, { step: 22, occurredOn: '2025-06-01' }],
  ];
  for (const [cookie, body] of plan) p = await ok(cookie, p, body);
  return p;
}

describe('probation: extension, cancellation, resumed members', () => {
  it('extends once by 6–12 months, then converts at the end of the extended probation', async () => {
    const officer = f.cookies.officerA1;
    const town = f.cookies.orgAdminA;
    let p = await runToStep22(citizenId('1993-03-03', 51));
    const fiveMonths = await step(officer, p, {
      step: 23,
      occurredOn: '2025-06-20',
      vote: goodVote,
      decision: 'extend',
      extensionMonths: 5,
    });
    expect(fiveMonths.status).toBe(422);
    expect(fiveMonths.body.detail).toMatch(/6至12个月.*第三十二、三十三条）$/);
    p = await ok(officer, p, {
      step: 23,
      occurredOn: '2025-06-20',
      vote: goodVote,
      decision: 'extend',
      extensionMonths: 6,
    });
    p = await ok(town, p, {
      step: 24,
      occurredOn: '2025-07-01',
      actingOrgId: f.townA.id,
      decision: 'approve',
    });
    expect(p).toMatchObject({
      stage: 'probationary',
      probationEndsOn: '2025-12-20',
      extensionMonths: 6,
      nextSteps: [21],
    });
    p = await ok(officer, p, { step: 21, occurredOn: '2025-09-01' });
    p = await ok(officer, p, { step: 22, occurredOn: '2025-12-01' });
    const twice = await step(officer, p, {
      step: 23,
      occurredOn: '2025-12-20',
      vote: goodVote,
      decision: 'extend',
      extensionMonths: 6,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.detail).toContain('已经延长过一次');
    p = await ok(officer, p, { step: 23, occurredOn: '2025-12-20', vote: goodVote, decision: 'convert' });
    // D8: approval more than 3 months after the branch assembly is refused.
    const late = await step(town, p, { step: 24, occurredOn: '2026-03-21', actingOrgId: f.townA.id });
    expect(late.status).toBe(422);
    expect(late.body.detail).toContain('2026-03-20 前审批');
    p = await ok(town, p, {
      step: 24,
      occurredOn: '2026-03-20',
      actingOrgId: f.townA.id,
      decision: 'approve',
    });
    const member = await t.call<Member>('GET', `/api/v1/members/${p.memberId}`, { cookie: officer });
    expect(member.body).toMatchObject({ status: 'full', joinedOn: '2024-06-20', confirmedOn: '2025-12-20' });
    const events = await t.call<MemberEvents>('GET', `/api/v1/members/${p.memberId}/events`, {
      cookie: officer,
    });
    expect(events.body.items.map((e) => e.kind)).toContain('probation_extended');
  });

  it('cancellation takes the member off the register with reason probation_cancelled', async () => {
    let p = await runToStep22(citizenId('1994-04-04', 53));
    p = await ok(f.cookies.officerA1, p, {
      step: 23,
      occurredOn: '2025-07-01',
      vote: goodVote,
      decision: 'cancel',
    });
    p = await ok(f.cookies.orgAdminA, p, { step: 24, occurredOn: '2025-08-01', actingOrgId: f.townA.id });
    expect(p.status).toBe('cancelled');
    const member = await t.call<Member>('GET', `/api/v1/members/${p.memberId}`, {
      cookie: f.cookies.officerA1,
    });
    expect(member.body).toMatchObject({ leftOn: '2025-08-01', leftReason: 'probation_cancelled' });
  });

  it('a probationary member admitted before zhibu resumes at step 21 with probation one year from joining', async () => {
    const member = f.membersA1[1] as Member;
    const res = await t.call<Person>('POST', '/api/v1/development/resume', {
      cookie: f.cookies.officerA1,
      body: { memberId: member.id, resumeAfterStep: 20 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ stage: 'probationary', nextSteps: [21], probationEndsOn: '2027-03-01' });
    expect(res.body.checklist.filter((c) => c.status === 'external')).toHaveLength(20);
    expect(res.body.deadlines.find((d) => d.rule.startsWith('D8.conversion-due'))?.dueOn).toBe('2027-03-01');
    const twice = await t.call('POST', '/api/v1/development/resume', {
      cookie: f.cookies.officerA1,
      body: { memberId: member.id, resumeAfterStep: 20 },
    });
    expect(twice.status).toBe(409);
  });
});

describe('probation warnings', () => {
  it('warns 30 days before probation ends, and once it has ended without a conversion vote', async () => {
    const today = todayInShanghai();
    const soon = await createMember(t, f.cookies.admin, f.branchA2, {
      name: '卫将满',
      idNumber: citizenId('1992-02-02', 41),
      status: 'probationary',
      joinedOn: addYears(addDays(today, 10), -1),
      confirmedOn: null,
    });
    const ended = await createMember(t, f.cookies.admin, f.branchA2, {
      name: '蒋已满',
      idNumber: citizenId('1992-03-03', 43),
      status: 'probationary',
      joinedOn: addYears(addDays(today, -3), -1),
      confirmedOn: null,
    });
    const res = await t.call<ListWarningsResponse>(
      'GET',
      `/api/v1/warnings?rule=D8&orgId=${f.branchA2.id}&pageSize=200`,
      {
        cookie: f.cookies.orgAdminA,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const of = (id: string) => res.body.items.filter((w) => w.memberId === id).map((w) => w.rule);
    expect(of(soon.id)).toEqual(['D8.probation-ends-soon@2026']);
    expect(of(ended.id)).toEqual(['D8.conversion-due@2026']);
    const w = res.body.items.find((i) => i.memberId === ended.id);
    expect(w?.citation).toBe(
      '《中国共产党发展党员工作细则》第三十二、三十三条（2014年版条号，2026年修订后沿用）',
    );
    expect(w?.due).toBe(addDays(today, -3));
  });
});

/** PUT through the app directly (the test client speaks GET, POST, PATCH and DELETE). */
async function put(url: string, cookie: string, body: unknown) {
  const res = await t.app.inject({
    method: 'PUT',
    url,
    headers: { cookie, origin: SAME_ORIGIN },
    payload: body as Record<string, unknown>,
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

describe('working-day calendar', () => {
  it('serves the built-in notices, says when a year is missing, and lets only a system admin add one', async () => {
    const y2026 = await t.call<{ isOfficial: boolean; days: { date: string; kind: string }[] }>(
      'GET',
      '/api/v1/development/calendar/2026',
      { cookie: f.cookies.officerA1 },
    );
    expect(y2026.body.isOfficial).toBe(true);
    expect(y2026.body.days).toContainEqual(expect.objectContaining({ date: '2026-02-14', kind: 'make_up' }));
    const y2027 = await t.call<{ isOfficial: boolean }>('GET', '/api/v1/development/calendar/2027', {
      cookie: f.cookies.officerA1,
    });
    expect(y2027.body.isOfficial).toBe(false);
    const body = { source: '测试通知', days: [{ date: '2027-01-01', kind: 'day_off', name: '元旦' }] };
    expect((await put('/api/v1/development/calendar/2027', f.cookies.orgAdminA, body)).status).toBe(403);
    const wrongYear = await put('/api/v1/development/calendar/2027', f.cookies.admin, {
      ...body,
      days: [{ date: '2026-01-01', kind: 'day_off', name: '元旦' }],
    });
    expect(wrongYear.status).toBe(400);
    expect((await put('/api/v1/development/calendar/2027', f.cookies.admin, body)).status).toBe(200);
    const after = await t.call<{ isOfficial: boolean; source: string }>(
      'GET',
      '/api/v1/development/calendar/2027',
      {
        cookie: f.cookies.officerA1,
      },
    );
    expect(after.body).toMatchObject({ isOfficial: true, source: '测试通知' });
  });
});
