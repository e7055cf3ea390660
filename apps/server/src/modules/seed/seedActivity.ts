import { addDays, addMonths, addYears, computeCheckChar, todayInShanghai } from '@zhibu/shared';
import type { GetDevelopmentPersonResponse, RecordStepRequest } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { encodeId } from '../../lib/publicId.ts';
import { rowsOf, type ServiceContext } from '../../lib/serviceContext.ts';
import {
  createApplicant,
  grantAdmissionAuthority,
  recordStep,
  withdrawApplicant,
} from '../development/development.service.ts';
import {
  addFlowingContact,
  createInflow,
  createOutflow,
  markLostContact,
  returnFlowing,
} from '../flowing/flowing.service.ts';
import {
  acceptTransfer,
  cancelTransfer,
  createOutgoingLetter,
  createTransfer,
  recordReceipt,
  registerIncomingLetter,
  returnTransfer,
} from '../transfers/transfers.service.ts';
import { generatePersonName } from './personNames.ts';
import { SeededRandom } from './seededRandom.ts';

/**
 * The demo's day-to-day work on top of the seeded register, so every module has something to show:
 * applicants at every stage of the 25 steps (one refused at approval, one with an extended
 * probation, one withdrawn), transfers in every state, flowing members with contact logs. Written
 * through each module's own service — the same rules, register effects and audit entries as a
 * user's clicks — with dates relative to today (the services refuse future dates), so the result is
 * deterministic for a seed and a day.
 */
export interface ActivitySummary {
  developmentPeople: number;
  developmentSteps: number;
  transfers: number;
  flowingRecords: number;
  flowingContacts: number;
}

interface BranchRow {
  id: number;
  path: string;
  name: string;
  division_code: string | null;
  committee_id: number | null;
  committee_name: string | null;
}

interface MemberRow {
  id: number;
  name: string;
  org_id: number;
}

/** Days after the application on which each step is taken (a timeline that passes every rule). */
const STEP_DAY: Readonly<Record<number, number>> = {
  1: 0,
  2: 19,
  3: 40,
  4: 45,
  5: 50,
  6: 223,
  7: 406,
  8: 411,
  9: 416,
  10: 436,
  11: 446,
  12: 458,
  13: 467,
  14: 472,
  15: 477,
  16: 488,
  17: 519,
  18: 528,
  19: 533,
  20: 540,
  21: 700,
  22: 820,
};
/** Steps 23–25 follow the end of probation (a year after step 15), not a fixed day count. */
const AFTER_PROBATION: Readonly<Record<number, number>> = { 23: 0, 24: 20, 25: 42 };

/** How far one demo applicant gets; `refuse` ends with that step's negative decision. */
interface Plan {
  lastStep: number;
  outcome?: 'reject' | 'extend' | 'withdraw';
}

/** The sample branch shows every stage; other branches a few each. */
const SAMPLE_BRANCH_PLANS: readonly Plan[] = [
  { lastStep: 1 },
  { lastStep: 2 },
  { lastStep: 3 },
  { lastStep: 6 },
  { lastStep: 7 },
  { lastStep: 11 },
  { lastStep: 14 },
  { lastStep: 17, outcome: 'reject' },
  { lastStep: 17 },
  { lastStep: 20 },
  { lastStep: 22 },
  { lastStep: 23, outcome: 'extend' },
  { lastStep: 25 },
  { lastStep: 5, outcome: 'withdraw' },
];
const OTHER_BRANCH_STEPS = [1, 2, 4, 6, 9, 12, 16, 18, 21, 25] as const;

const VOTE = { expected: 18, present: 15, yes: 14, no: 1, abstain: 0, votingFullMembers: 16 };

export async function seedActivity(
  ctx: ServiceContext,
  options: { seed: string | number; sampleBranchId: number | null; today?: string },
): Promise<ActivitySummary> {
  const today = options.today ?? todayInShanghai();
  const rng = new SeededRandom(`${options.seed}/activity`);
  const summary: ActivitySummary = {
    developmentPeople: 0,
    developmentSteps: 0,
    transfers: 0,
    flowingRecords: 0,
    flowingContacts: 0,
  };
  const branches = await selectBranches(ctx);
  if (branches.length === 0) return summary;
  const sample = branches.find((b) => b.id === options.sampleBranchId) ?? (branches[0] as BranchRow);
  const others = rng.sample(
    branches.filter((b) => b.id !== sample.id && b.committee_id !== null),
    3,
  );

  // The township committees approve admissions (D7) by the county's authority.
  const committees = new Set(
    [sample, ...others].flatMap((b) => (b.committee_id === null ? [] : [b.committee_id])),
  );
  for (const id of committees) {
    await grantAdmissionAuthority(ctx, encodeId(id), {
      grantedOn: addYears(today, -5),
      basis: '县委组织部关于授权基层党委审批发展党员的通知',
    });
  }

  const taken = new Set<string>();
  const development = new DevelopmentSeeder(ctx, rng, today, taken, summary);
  for (const plan of SAMPLE_BRANCH_PLANS) await development.person(sample, plan);
  for (const [i, branch] of others.entries()) {
    const steps = rng.sample(OTHER_BRANCH_STEPS, 2 + (i % 2));
    for (const lastStep of steps) await development.person(branch, { lastStep });
  }

  // People who move: plain full members not used as mentors or sponsors above.
  const movers = await selectMovers(
    ctx,
    [sample, ...others].map((b) => b.id),
    20,
  );
  // Two of the sample branch's own, so its account sees its side of the work too: the last in the
  // register's name order, never a mentor or sponsor above (those are the first by id).
  const helpers = new Set((await selectFullMembers(ctx, sample.id, 4)).map((m) => m.id));
  const ownMovers = rowsOf<MemberRow>(
    await ctx.db.execute(sql`
      select id::int as id, name, org_id::int as org_id from members
      where org_id = ${sample.id} and status = 'full' and left_on is null
      order by name_pinyin desc, id desc limit 6`),
  ).filter((m) => !helpers.has(m.id));
  await seedTransfers(
    ctx,
    rng,
    today,
    [...movers.slice(0, 7), ...ownMovers.slice(0, 1)],
    branches,
    sample,
    summary,
    taken,
  );
  await seedFlowing(ctx, rng, today, [...ownMovers.slice(1, 2), ...movers.slice(7)], sample, summary);
  return summary;
}

async function selectBranches(ctx: ServiceContext): Promise<BranchRow[]> {
  // Branches with enough full members for mentors and sponsors, each with its nearest 党委 above.
  return rowsOf<BranchRow>(
    await ctx.db.execute(sql`
      select b.id::int as id, b.path, b.name, b.division_code,
        (select c.id::int from orgs c where c.type = 'party_committee' and b.path like c.path || '%'
           and c.id <> b.id order by c.depth desc limit 1) as committee_id,
        (select c.name from orgs c where c.type = 'party_committee' and b.path like c.path || '%'
           and c.id <> b.id order by c.depth desc limit 1) as committee_name
      from orgs b
      where b.type = 'branch' and b.dissolved_on is null
        and (select count(*) from members m where m.org_id = b.id and m.status = 'full' and m.left_on is null) >= 8
      order by b.path`),
  );
}

async function selectFullMembers(ctx: ServiceContext, branchId: number, limit: number): Promise<MemberRow[]> {
  return rowsOf<MemberRow>(
    await ctx.db.execute(sql`
      select id::int as id, name, org_id::int as org_id from members
      where org_id = ${branchId} and status = 'full' and left_on is null
        and confirmed_on < current_date - interval '3 years'
      order by id limit ${limit}`),
  );
}

async function selectMovers(ctx: ServiceContext, branchIds: number[], limit: number): Promise<MemberRow[]> {
  // The last full members of branches the development demo does not use (it takes the first ones).
  const ids = sql.join(
    branchIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return rowsOf<MemberRow>(
    await ctx.db.execute(sql`
      select id::int as id, name, org_id::int as org_id from members
      where status = 'full' and left_on is null and org_id not in (${ids})
      order by id desc limit ${limit}`),
  );
}

class DevelopmentSeeder {
  private sequence = 0;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly rng: SeededRandom,
    private readonly today: string,
    private readonly taken: Set<string>,
    private readonly summary: ActivitySummary,
  ) {}

  /** Takes one applicant from the application to `plan.lastStep`, ending a few days to weeks ago. */
  async person(branch: BranchRow, plan: Plan) {
    const { rng, today } = this;
    const gap = plan.lastStep === 1 ? rng.int(3, 20) : rng.int(5, 40);
    const on = this.timeline(this.appliedOnFor(plan.lastStep, addDays(today, -gap)));
    const appliedDate = on(1);

    const gender = rng.chance(0.45) ? 'female' : 'male';
    const age = rng.int(20, 38);
    const birthDate = addDays(addYears(appliedDate, -age), -rng.int(0, 360));
    const name = generatePersonName(rng, { gender, birthYear: Number(birthDate.slice(0, 4)) });
    const idNumber = await this.idNumber(branch.division_code, birthDate, gender);
    let p: GetDevelopmentPersonResponse = await createApplicant(this.ctx, {
      orgId: encodeId(branch.id),
      name,
      idNumber,
      gender,
      ethnicity: '汉族',
      education: rng.pick(['大学本科', '大学专科', '普通高级中学', '中等职业教育', '研究生']),
      workUnit: branch.name.replace(/党(总)?支部.*$/, '') || null,
      phone: `1${rng.pick(['35', '37', '38', '39', '58', '87'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      appliedOn: appliedDate,
      documentNo: `申请${appliedDate.slice(0, 4)}-${++this.sequence}`,
    });
    this.summary.developmentPeople += 1;
    const helpers = await selectFullMembers(this.ctx, branch.id, 4);
    const committee = branch.committee_id === null ? null : encodeId(branch.committee_id);
    const record = async (body: Omit<RecordStepRequest, 'version'>) => {
      p = await recordStep(this.ctx, p.id, { ...body, version: p.version });
      this.summary.developmentSteps += 1;
    };

    for (let step = 2; step <= Math.min(plan.lastStep, 25); step++) {
      const occurredOn = on(step);
      const isLast = step === plan.lastStep;
      switch (step) {
        case 2:
          await record({ step, occurredOn, responsible: helpers[0]?.name ?? '支部书记' });
          break;
        case 5:
          await record({ step, occurredOn, mentorIds: helpers.slice(0, 2).map((m) => encodeId(m.id)) });
          break;
        case 6:
          await record({ step, occurredOn: addDays(occurredOn, -120), note: '第一次考察：表现良好' });
          if (!isLast) await record({ step, occurredOn, note: '第二次考察：表现良好' });
          break;
        case 7:
          await record({
            step,
            occurredOn,
            publicityFrom: addDays(occurredOn, -21),
            publicityTo: addDays(occurredOn, -2),
          });
          break;
        case 9:
          await record({ step, occurredOn, sponsorIds: helpers.slice(2, 4).map((m) => encodeId(m.id)) });
          break;
        case 10:
          await record({
            step,
            occurredOn,
            conclusion: '政治审查合格',
            documentNo: `政审${occurredOn.slice(0, 4)}-${this.sequence}`,
          });
          break;
        case 11:
          await record({ step, occurredOn, trainingDays: 3, classHours: 24 });
          break;
        case 13:
          await record({ step, occurredOn, actingOrgId: committee });
          break;
        case 15:
          await record({ step, occurredOn, vote: VOTE });
          break;
        case 16:
          await record({ step, occurredOn, responsible: `${branch.committee_name ?? '上级党委'}组织委员` });
          break;
        case 17:
          await record({
            step,
            occurredOn,
            actingOrgId: committee,
            decision: isLast && plan.outcome === 'reject' ? 'reject' : 'approve',
            note: isLast && plan.outcome === 'reject' ? '群众反映的问题尚未核实清楚，暂不批准' : null,
          });
          break;
        case 18:
          await record({ step, occurredOn, actingOrgName: '县委组织部' });
          break;
        case 23:
          await record({
            step,
            occurredOn,
            vote: VOTE,
            decision: isLast && plan.outcome === 'extend' ? 'extend' : 'convert',
            extensionMonths: isLast && plan.outcome === 'extend' ? 6 : null,
          });
          break;
        case 24:
          await record({ step, occurredOn, actingOrgId: committee, decision: 'approve' });
          break;
        case 25:
          await record({ step, occurredOn, documentNo: `档案${occurredOn.slice(0, 4)}-${this.sequence}` });
          break;
        default:
          await record({ step, occurredOn });
      }
    }
    if (plan.outcome === 'withdraw') {
      p = await withdrawApplicant(this.ctx, p.id, {
        withdrawnOn: addDays(today, -rng.int(1, 4)),
        reason: '本人外出务工，申请暂缓',
        version: p.version,
      });
    }
  }

  /** The application date from which step `lastStep` falls on `lastOn`. */
  private appliedOnFor(lastStep: number, lastOn: string): string {
    const fixed = STEP_DAY[lastStep];
    if (fixed !== undefined) return addDays(lastOn, -fixed);
    const probationEnds = addDays(lastOn, -(AFTER_PROBATION[lastStep] ?? 0));
    return addDays(addYears(probationEnds, -1), -(STEP_DAY[15] ?? 0));
  }

  private timeline(appliedOn: string): (step: number) => string {
    return (step) => {
      const fixed = STEP_DAY[step];
      if (fixed !== undefined) return addDays(appliedOn, fixed);
      const probationEnds = addYears(addDays(appliedOn, STEP_DAY[15] ?? 0), 1);
      return addDays(probationEnds, AFTER_PROBATION[step] ?? 0);
    };
  }

  /** A citizen ID of the branch's county not held by any member or earlier applicant. */
  private async idNumber(division: string | null, birthDate: string, gender: 'male' | 'female') {
    const area = (division ?? '110105').slice(0, 6).padEnd(6, '0');
    for (;;) {
      const sequence = this.rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const id = first17 + computeCheckChar(first17);
      if (this.taken.has(id)) continue;
      this.taken.add(id);
      const hash = this.ctx.cipher.hash('idNumber', id);
      const [held] = rowsOf<{ n: number }>(
        await this.ctx.db.execute(sql`select 1 as n from members where id_number_hash = ${hash} limit 1`),
      );
      if (!held) return id;
    }
  }
}

/** Transfers in every state: within the county, letters out of it, letters into it. */
async function seedTransfers(
  ctx: ServiceContext,
  rng: SeededRandom,
  today: string,
  movers: MemberRow[],
  branches: BranchRow[],
  sample: BranchRow,
  summary: ActivitySummary,
  taken: Set<string>,
) {
  const [m0, m1, m2, m3, m4, m5, m6, own] = movers;
  /** Another branch than the member's. */
  const target = (member: MemberRow) => {
    const elsewhere = branches.filter((b) => b.id !== member.org_id);
    return encodeId((elsewhere[rng.int(0, elsewhere.length - 1)] ?? sample).id);
  };
  const within = async (member: MemberRow | undefined, daysAgo: number, toOrgId?: string) => {
    if (!member) return null;
    summary.transfers += 1;
    return createTransfer(ctx, {
      memberId: encodeId(member.id),
      toOrgId: toOrgId ?? target(member),
      reason: rng.pick(['work_change', 'residence_change'] as const),
      issuedOn: addDays(today, -daysAgo),
      letterNo: `内转${today.slice(0, 4)}-${summary.transfers}`,
    });
  };
  // initiated (waiting for the receiver), accepted, returned, cancelled by the sender.
  // Waiting at the sample branch (incoming), and one of its own waiting elsewhere (outgoing).
  await within(m0, 3, m0 && m0.org_id !== sample.id ? encodeId(sample.id) : undefined);
  await within(own, 2);
  const accepted = await within(m1, 40);
  if (accepted)
    await acceptTransfer(ctx, accepted.id, { acceptedOn: addDays(today, -33), version: accepted.version });
  const returned = await within(m2, 25);
  if (returned) {
    await returnTransfer(ctx, returned.id, {
      returnedOn: addDays(today, -20),
      reason: '接收支部核实：该同志工作单位未变动，请核对后重新办理',
      version: returned.version,
    });
  }
  const cancelled = await within(m3, 15);
  if (cancelled) {
    await cancelTransfer(ctx, cancelled.id, {
      cancelledOn: addDays(today, -12),
      reason: '本人工作调动取消',
      version: cancelled.version,
    });
  }

  const letter = async (member: MemberRow | undefined, daysAgo: number, destination: string) => {
    if (!member) return null;
    summary.transfers += 1;
    return createOutgoingLetter(ctx, {
      memberId: encodeId(member.id),
      destination,
      letterNo: `介绍信${today.slice(0, 4)}-${summary.transfers}`,
      issuedOn: addDays(today, -daysAgo),
      reason: 'work_change',
    });
  };
  // issued (waiting for the receipt), issued long ago (expired), receipt returned.
  await letter(m4, 6, '中共杭州市西湖区委组织部');
  await letter(m5, 50, '中共深圳市南山区委组织部');
  const closed = await letter(m6, 70, '中共苏州工业园区工委组织部');
  if (closed) {
    await recordReceipt(ctx, closed.id, { receiptOn: addDays(today, -55), version: closed.version });
  }

  // Letters into the county: one waiting, one accepted (the member joins the register).
  const branch = sample;
  const incoming = async (daysAgo: number, index: number) => {
    const gender = index % 2 === 0 ? 'male' : 'female';
    const birthDate = addDays(addYears(today, -rng.int(28, 45)), -rng.int(0, 360));
    const area = (branch.division_code ?? '110105').slice(0, 6);
    let id = '';
    do {
      const first17 = `${area}${birthDate.replaceAll('-', '')}${String(rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0')}`;
      id = first17 + computeCheckChar(first17);
    } while (taken.has(id));
    taken.add(id);
    summary.transfers += 1;
    return registerIncomingLetter(ctx, {
      toOrgId: encodeId(branch.id),
      origin: index === 0 ? '中共宁波市鄞州区委组织部' : '中共合肥市蜀山区委组织部',
      letterNo: `外来${today.slice(0, 4)}-${summary.transfers}`,
      issuedOn: addDays(today, -daysAgo),
      reason: 'residence_change',
      person: {
        name: generatePersonName(rng, { gender, birthYear: Number(birthDate.slice(0, 4)) }),
        idNumber: id,
        gender,
        status: 'full',
        joinedOn: addYears(birthDate, 25),
        confirmedOn: addYears(birthDate, 26),
        workUnit: '返乡创业',
      },
    });
  };
  await incoming(5, 0);
  const joined = await incoming(30, 1);
  await acceptTransfer(ctx, joined.id, { acceptedOn: addDays(today, -26), version: joined.version });
}

/** Out-flowing members with contact logs (one overdue for contact, one lost), one returned; two flowing in. */
async function seedFlowing(
  ctx: ServiceContext,
  rng: SeededRandom,
  today: string,
  members: MemberRow[],
  sample: BranchRow,
  summary: ActivitySummary,
) {
  const places = [
    ['广东省深圳市宝安区', '富士康科技集团'],
    ['浙江省宁波市北仑区', '宁波港集团'],
    ['江苏省苏州市昆山市', '昆山电子厂'],
    ['上海市浦东新区', '建筑工地项目部'],
    ['福建省厦门市湖里区', '物流公司'],
    ['北京市朝阳区', '外卖配送站'],
  ] as const;
  for (const [i, member] of members.slice(0, 8).entries()) {
    const [place, unit] = places[i % places.length] ?? places[0];
    const months = [2, 4, 8, 10, 5, 14, 3, 7][i] ?? 3;
    const since = addDays(addMonths(today, -months), -rng.int(0, 20));
    let record = await createOutflow(ctx, {
      memberId: encodeId(member.id),
      place,
      since,
      workUnit: unit,
      phone: `1${rng.pick(['36', '50', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      mobilityCardNo: `流动证${today.slice(0, 4)}${String(i + 1).padStart(3, '0')}`,
      expectedReturnOn: addMonths(today, rng.int(1, 10)),
      isFixedPlace: i !== 3,
      isAbroad: false,
      isSettledAbroad: false,
    });
    summary.flowingRecords += 1;
    // Monthly-ish contact; record 2 has none for months (T2), record 5 was lost (T3).
    const lastContactMonthsAgo = i === 2 ? 5 : i === 5 ? 8 : 0;
    for (
      let at = addDays(since, 20);
      at < addMonths(today, -lastContactMonthsAgo);
      at = addDays(at, rng.int(28, 60))
    ) {
      record = await addFlowingContact(ctx, record.id, {
        contactedOn: at,
        method: rng.pick(['phone', 'message', 'phone', 'visit'] as const),
        isReached: true,
        note: rng.pick([
          '电话联系，工作稳定',
          '微信发送学习材料',
          '春节返乡时走访',
          '了解近况，参加流入地党组织活动',
        ]),
      });
      summary.flowingContacts += 1;
    }
    if (i === 5) {
      record = await addFlowingContact(ctx, record.id, {
        contactedOn: addDays(today, -20),
        method: 'phone',
        isReached: false,
        note: '电话停机，托亲属转告',
      });
      summary.flowingContacts += 1;
      record = await markLostContact(ctx, record.id, {
        since: addMonths(today, -8),
        note: '多次联系未果',
        version: record.version,
      });
    }
    if (i === 6) {
      await returnFlowing(ctx, record.id, {
        returnedOn: addDays(today, -7),
        note: '返乡',
        version: record.version,
      });
    }
  }
  for (const i of [0, 1]) {
    const gender = i === 0 ? 'male' : 'female';
    await createInflow(ctx, {
      orgId: encodeId(sample.id),
      name: generatePersonName(rng, { gender, birthYear: 1985 + i * 4 }),
      gender,
      homeOrgName: i === 0 ? '中共河南省信阳市光山县某村党支部' : '中共四川省南充市某社区党支部',
      homeOrgContact: '支部书记 电话联系',
      place: sample.name.replace(/党(总)?支部.*$/, ''),
      since: addMonths(today, -(3 + i * 5)),
      workUnit: i === 0 ? '县工业园区企业' : '个体经营',
      isFixedPlace: true,
      isAbroad: false,
      isSettledAbroad: false,
    });
    summary.flowingRecords += 1;
  }
}
