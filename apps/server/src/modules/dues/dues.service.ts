import {
  addMonthsToMonth,
  computeDuesStandard,
  type DuesStandard,
  duesCategoryName,
  firstDayOfMonth,
  formatFen,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetween,
  todayInShanghai,
} from '@zhibu/shared';
import type {
  CollectDuesRequest,
  CollectDuesResponse,
  DuesArrearsItem,
  DuesPayment,
  DuesProfile,
  DuesSheetResponse,
  DuesSheetRow,
  DuesSummaryResponse,
  ListDuesArrearsResponse,
  MemberDuesResponse,
  RecordDuesPaymentRequest,
  ReverseDuesPaymentRequest,
  SetDuesProfileRequest,
  SetDuesProfilesRequest,
} from '@zhibu/shared/api';
import { and, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { requireScope, type Scope, scopeCondition } from '../../access/scope.ts';
import { members, orgs } from '../../db/schema.ts';
import { AppError, type FieldError, validationError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import {
  type BackPaymentParams,
  backPaymentLimit,
  extraToCentre,
  fixedAmounts,
} from '../../rules/dues.rules.ts';
import { paramsOf } from '../../rules/ruleEngine.ts';
import { ruleViolation } from '../../rules/ruleViolation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';
import {
  type DuesMemberRow,
  type DuesPaymentListRow,
  type DuesProfileRow,
  duesBatches,
  duesPayments,
  duesProfiles,
  paymentTables,
  refreshMemberStates,
  selectDuesMembers,
  selectPaymentById,
  selectPaymentPage,
} from './dues.queries.ts';
import { type DuesStanding, loadDuesStandings, monthStateOf } from './duesStandings.ts';
import { buildCollectionWorkbook, buildYearWorkbook } from './duesWorkbooks.ts';

/** Largest collection sheet: one branch (generally ≤ 50) with room to spare, or a small 总支. */
const MAX_SHEET_MEMBERS = 1000;

function idFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

// ---------------------------------------------------------------------------------------------
// DTOs

export function toProfileDto(p: DuesProfileRow): DuesProfile {
  return {
    id: encodeId(p.id),
    category: p.category,
    baseFen: p.baseFen,
    amountFen: p.amountFen,
    rate: p.basisPoints === null ? null : p.basisPoints / 10_000,
    standardFen: p.standardFen,
    effectiveFrom: p.effectiveFrom,
    reviewedOn: p.reviewedOn,
    hardship:
      p.hardshipReason && p.hardshipDecidedOn && p.hardshipApprovedBy && p.hardshipApprovedOn
        ? {
            reason: p.hardshipReason,
            decidedOn: p.hardshipDecidedOn,
            approvedBy: p.hardshipApprovedBy,
            approvedOn: p.hardshipApprovedOn,
          }
        : null,
    note: p.note,
    recordedBy: p.recordedByName,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toPaymentDto(p: DuesPaymentListRow): DuesPayment {
  return {
    id: encodeId(p.id),
    memberId: encodeId(p.memberId),
    memberName: p.memberName,
    orgId: encodeId(p.orgId),
    orgName: p.orgName,
    kind: p.kind,
    month: p.month,
    amountFen: p.amountFen,
    standardFen: p.standardFen,
    centreFen: p.centreFen,
    paidOn: p.paidOn,
    batchId: p.batchId === null ? null : encodeId(p.batchId),
    reversesId: p.reversesId === null ? null : encodeId(p.reversesId),
    reversedById: p.reversedById === null ? null : encodeId(p.reversedById),
    note: p.note,
    recordedBy: p.recordedByName,
    createdAt: p.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Loading within scope

function memberInScope(id: number, scope: Scope): SQL {
  return and(eq(members.id, id), scopeCondition(members.orgPath, scope)) as SQL;
}

async function loadMember(ctx: ServiceContext, publicId: string, scope: Scope): Promise<DuesMemberRow> {
  const [row] = await selectDuesMembers(ctx.db, memberInScope(idFrom(publicId), scope));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function backPaymentParams(ctx: ServiceContext): Promise<BackPaymentParams> {
  return paramsOf(ctx.db, backPaymentLimit);
}

// ---------------------------------------------------------------------------------------------
// Profiles

function standardOrThrow(
  ctx: ServiceContext,
  input: SetDuesProfileRequest,
  farmerDefaultFen: number,
): DuesStandard {
  const result = computeDuesStandard({
    category: input.category,
    baseFen: input.baseFen,
    amountFen: input.category === 'farmer' ? (input.amountFen ?? farmerDefaultFen) : input.amountFen,
  });
  if (!result.ok) {
    const field = result.code.startsWith('BASE') ? 'baseFen' : 'amountFen';
    throw validationError([{ field, code: result.code, message: result.message }]);
  }
  void ctx;
  return result.value;
}

function checkHardship(input: SetDuesProfileRequest, today: string): FieldError[] {
  if (input.category !== 'hardship_reduced') return [];
  const h = input.hardship;
  if (!h) {
    return [
      {
        field: 'hardship',
        code: 'HARDSHIP_DECISION_REQUIRED',
        message: '少交或免交党费须经党支部研究决定并报上级党委批准，请填写决定和批准情况（第七条）',
      },
    ];
  }
  const errors: FieldError[] = [];
  if (h.approvedOn < h.decidedOn) {
    errors.push({
      field: 'hardship.approvedOn',
      code: 'DATE_ORDER',
      message: '上级批准日期不能早于支部决定日期',
    });
  }
  if (h.approvedOn > today) {
    errors.push({ field: 'hardship.approvedOn', code: 'DATE_IN_FUTURE', message: '批准日期不能晚于今天' });
  }
  return errors;
}

function profileValues(
  ctx: ServiceContext,
  memberId: number,
  input: SetDuesProfileRequest,
  standard: DuesStandard,
) {
  const h = input.category === 'hardship_reduced' ? input.hardship : null;
  return {
    memberId,
    category: input.category,
    baseFen: standard.baseFen,
    amountFen:
      input.category === 'farmer' || input.category === 'hardship_reduced' ? standard.monthlyFen : null,
    basisPoints: standard.basisPoints,
    standardFen: standard.monthlyFen,
    effectiveFrom: input.effectiveFrom,
    reviewedOn: input.reviewedOn ?? input.effectiveFrom,
    hardshipReason: h?.reason ?? null,
    hardshipDecidedOn: h?.decidedOn ?? null,
    hardshipApprovedBy: h?.approvedBy ?? null,
    hardshipApprovedOn: h?.approvedOn ?? null,
    note: input.note ?? null,
    recordedBy: ctx.actor.userId,
  };
}

/**
 * The row setDuesProfile writes, computed and validated the same way without touching the
 * database: for bulk loads (the seed) that write many profiles with COPY.
 */
export function duesProfileRow(
  ctx: ServiceContext,
  memberId: number,
  input: SetDuesProfileRequest,
  today: string,
  farmerDefaultFen: number,
) {
  const hardshipErrors = checkHardship(input, today);
  if (hardshipErrors.length > 0) throw validationError(hardshipErrors);
  return profileValues(ctx, memberId, input, standardOrThrow(ctx, input, farmerDefaultFen));
}

/** Records a member's dues category and base from a date on (a new row; history is kept). */
export async function setDuesProfile(
  ctx: ServiceContext,
  memberPublicId: string,
  input: SetDuesProfileRequest,
): Promise<DuesProfile> {
  const scope = requireScope(ctx.actor, 'dues.write');
  const today = todayInShanghai();
  const hardshipErrors = checkHardship(input, today);
  if (hardshipErrors.length > 0) throw validationError(hardshipErrors);
  const { farmerDefaultFen } = await paramsOf(ctx.db, fixedAmounts);
  const standard = standardOrThrow(ctx, input, farmerDefaultFen);
  return inTransaction(ctx, async (tx) => {
    const member = await loadMember(tx, memberPublicId, scope);
    if (member.leftOn) throw new AppError('MEMBER_LEFT');
    const [row] = await tx.db
      .insert(duesProfiles)
      .values(profileValues(tx, member.id, input, standard))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'dues.profile.set',
      entityType: 'member',
      entityId: member.id,
      orgPath: member.orgPath,
      summary: `核定党员“${member.name}”党费：${duesCategoryName(input.category)}，每月 ${formatFen(standard.monthlyFen)} 元，自 ${input.effectiveFrom} 起`,
      after: { ...row, createdAt: undefined },
    });
    return toProfileDto({ ...row, recordedByName: null });
  });
}

/** The same category (and base or amount) for many members of one org at once, e.g. all farmers of a village. */
export async function setDuesProfiles(ctx: ServiceContext, input: SetDuesProfilesRequest) {
  const scope = requireScope(ctx.actor, 'dues.write');
  if (input.category === 'hardship_reduced') {
    throw validationError([
      {
        field: 'category',
        code: 'HARDSHIP_ONE_BY_ONE',
        message: '生活困难减免须逐人办理（支部决定、上级批准）',
      },
    ]);
  }
  const { farmerDefaultFen } = await paramsOf(ctx.db, fixedAmounts);
  const standard = standardOrThrow(ctx, input, farmerDefaultFen);
  const ids = [...new Set(input.memberIds.map(idFrom))];
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrgInScope(tx, orgIdFrom(input.orgId), scope);
    const found = await selectDuesMembers(
      tx.db,
      and(
        inArray(members.id, ids),
        scopeCondition(members.orgPath, scope),
        like(members.orgPath, `${org.path}%`),
        isNull(members.leftOn),
      ) as SQL,
    );
    if (found.length !== ids.length) {
      const known = new Set(found.map((m) => m.id));
      throw validationError(
        input.memberIds
          .map((publicId, i) => ({ publicId, i }))
          .filter(({ publicId }) => !known.has(decodeId(publicId) ?? -1))
          .map(({ i }) => ({
            field: `memberIds.${i}`,
            code: 'MEMBER_NOT_IN_ORG',
            message: `第 ${i + 1} 名党员不在“${org.name}”的在册党员中`,
          })),
      );
    }
    await tx.db.insert(duesProfiles).values(found.map((m) => profileValues(tx, m.id, input, standard)));
    await recordAudit(tx.db, tx.actor, {
      action: 'dues.profile.batch',
      entityType: 'org',
      entityId: org.id,
      orgPath: org.path,
      summary: `为“${org.name}”${found.length} 名党员核定党费：${duesCategoryName(input.category)}，每月 ${formatFen(standard.monthlyFen)} 元，自 ${input.effectiveFrom} 起`,
      after: {
        category: input.category,
        standardFen: standard.monthlyFen,
        members: found.map((m) => ({ id: encodeId(m.id), name: m.name })),
      },
    });
    return { count: found.length, standardFen: standard.monthlyFen };
  });
}

// ---------------------------------------------------------------------------------------------
// Payments

/** 第十二条: back-payment at most `maxBackMonths` before the month of payment; advance at most `maxAdvanceMonths`. */
export function checkPaymentMonth(
  month: string,
  paidOn: string,
  today: string,
  params: BackPaymentParams,
  field = 'month',
): void {
  if (paidOn > today) {
    throw validationError([{ field: 'paidOn', code: 'DATE_IN_FUTURE', message: '收缴日期不能晚于今天' }]);
  }
  const paidMonth = monthOf(paidOn);
  const back = monthsBetween(month, paidMonth);
  if (back > params.maxBackMonths) {
    throw ruleViolation(
      backPaymentLimit,
      `${month} 的党费已超过补交期限：补交党费的时间一般不得超过 ${params.maxBackMonths} 个月（收缴月份 ${paidMonth}，最早可补交 ${addMonthsToMonth(paidMonth, -params.maxBackMonths)}）`,
      field,
    );
  }
  if (-back > params.maxAdvanceMonths) {
    throw ruleViolation(
      backPaymentLimit,
      `党费按月交纳，经同意可按季度交纳，最多提前 ${params.maxAdvanceMonths} 个月，不能预交 ${month}`,
      field,
    );
  }
}

/** Whether the member was on the register during `month` (admitted by its end, not left before its next month). */
function isOnRegisterIn(m: Pick<DuesMemberRow, 'joinedOn' | 'leftOn'>, month: string): boolean {
  return m.joinedOn <= lastDayOfMonth(month) && (m.leftOn === null || monthOf(m.leftOn) > month);
}

function centreShare(
  amountFen: number,
  standardFen: number | null,
  kind: 'monthly' | 'extra',
  thresholdFen: number,
) {
  const extra = kind === 'extra' ? amountFen : amountFen - (standardFen ?? amountFen);
  return extra >= thresholdFen ? extra : 0;
}

/** Locks the members' rows so that two collections for the same month cannot both pass the checks. */
async function lockMembers(ctx: ServiceContext, ids: number[]) {
  if (ids.length === 0) return;
  await ctx.db.select({ id: members.id }).from(members).where(inArray(members.id, ids)).for('update');
}

async function paymentDto(ctx: ServiceContext, id: number): Promise<DuesPayment> {
  const row = await selectPaymentById(ctx.db, id);
  if (!row) throw new AppError('INTERNAL');
  return toPaymentDto(row);
}

/** One payment: a month's dues (current, back-payment within the limit, or in advance) or a voluntary extra. */
export async function recordDuesPayment(
  ctx: ServiceContext,
  input: RecordDuesPaymentRequest,
): Promise<DuesPayment> {
  const scope = requireScope(ctx.actor, 'dues.write');
  const today = todayInShanghai();
  const limits = await backPaymentParams(ctx);
  const { thresholdFen } = await paramsOf(ctx.db, extraToCentre);
  if (input.kind === 'monthly' && input.month) checkPaymentMonth(input.month, input.paidOn, today, limits);
  if (input.paidOn > today) {
    throw validationError([{ field: 'paidOn', code: 'DATE_IN_FUTURE', message: '收缴日期不能晚于今天' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const member = await loadMember(tx, input.memberId, scope);
    await lockMembers(tx, [member.id]);
    let standardFen: number | null = null;
    const month = input.kind === 'monthly' ? (input.month ?? null) : null;
    if (month !== null) {
      if (!isOnRegisterIn(member, month)) {
        throw validationError([
          {
            field: 'month',
            code: 'MONTH_NOT_DUE',
            message: `“${member.name}”${month} 不在党员名册中，无需交纳`,
          },
        ]);
      }
      const [standing] = await loadDuesStandings(tx.db, memberInScope(member.id, scope), {
        today,
        backPaymentMonths: limits.maxBackMonths,
        fromMonth: month,
        members: [member],
      });
      if (!standing) throw new AppError('INTERNAL');
      const paid = standing.paidByMonth.get(month) ?? 0;
      const state = monthStateOf(standing, month);
      standardFen = state.standardFen;
      if (state.state === 'paid' || (state.state === 'no_standard' && paid > 0)) {
        throw new AppError(
          'DUES_ALREADY_PAID',
          `“${member.name}”${month} 的党费已交清（已交 ${formatFen(paid)} 元）`,
        );
      }
    } else if (input.kind === 'monthly') {
      throw validationError([{ field: 'month', code: 'REQUIRED', message: '请选择所交月份' }]);
    }
    const [row] = await tx.db
      .insert(duesPayments)
      .values({
        memberId: member.id,
        orgId: member.orgId,
        kind: input.kind,
        month,
        amountFen: input.amountFen,
        standardFen,
        centreFen: centreShare(input.amountFen, standardFen, input.kind, thresholdFen),
        paidOn: input.paidOn,
        note: input.note ?? null,
        recordedBy: tx.actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await refreshMemberStates(tx.db, [member.id]);
    await recordAudit(tx.db, tx.actor, {
      action: 'dues.payment',
      entityType: 'dues_payment',
      entityId: row.id,
      orgPath: member.orgPath,
      summary: `党员“${member.name}”交纳党费 ${formatFen(row.amountFen)} 元（${month ?? '自愿多交'}）${row.centreFen > 0 ? `，其中 ${formatFen(row.centreFen)} 元全额上缴中央` : ''}`,
      after: { ...row, createdAt: undefined },
    });
    return paymentDto(tx, row.id);
  });
}

/**
 * A branch's collection for one month in one go (the 确认收缴 of the collection screen): every item
 * is checked first (member in the org, on the register that month, not already paid in full, month
 * within the back-payment limit), then all are written with one batch row, or none is.
 */
export async function collectDues(
  ctx: ServiceContext,
  input: CollectDuesRequest,
): Promise<CollectDuesResponse> {
  const scope = requireScope(ctx.actor, 'dues.write');
  const today = todayInShanghai();
  const limits = await backPaymentParams(ctx);
  const { thresholdFen } = await paramsOf(ctx.db, extraToCentre);
  checkPaymentMonth(input.month, input.paidOn, today, limits);
  const ids = input.items.map((item) => idFrom(item.memberId));
  const duplicates = ids.flatMap((id, i) => (ids.indexOf(id) !== i ? [i] : []));
  if (duplicates.length > 0) {
    throw validationError(
      duplicates.map((i) => ({
        field: `items.${i}.memberId`,
        code: 'DUPLICATE',
        message: `第 ${i + 1} 行与前面的党员重复`,
      })),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrgInScope(tx, orgIdFrom(input.orgId), scope);
    await lockMembers(tx, ids);
    const where = and(
      inArray(members.id, ids),
      scopeCondition(members.orgPath, scope),
      like(members.orgPath, `${org.path}%`),
    ) as SQL;
    const found = await selectDuesMembers(tx.db, where);
    const standings = new Map(
      (
        await loadDuesStandings(tx.db, where, {
          today,
          backPaymentMonths: limits.maxBackMonths,
          fromMonth: input.month,
          members: found,
        })
      ).map((s) => [s.member.id, s]),
    );
    const errors: FieldError[] = [];
    const rows = input.items.flatMap((item, i) => {
      const s = standings.get(ids[i] ?? -1);
      if (!s) {
        errors.push({
          field: `items.${i}.memberId`,
          code: 'MEMBER_NOT_IN_ORG',
          message: `第 ${i + 1} 行的党员不在“${org.name}”中`,
        });
        return [];
      }
      if (!isOnRegisterIn(s.member, input.month)) {
        errors.push({
          field: `items.${i}.memberId`,
          code: 'MONTH_NOT_DUE',
          message: `“${s.member.name}”${input.month} 不在党员名册中，无需交纳`,
        });
        return [];
      }
      const paid = s.paidByMonth.get(input.month) ?? 0;
      const state = monthStateOf(s, input.month);
      if (state.state === 'paid' || (state.state === 'no_standard' && paid > 0)) {
        errors.push({
          field: `items.${i}.memberId`,
          code: 'DUES_ALREADY_PAID',
          message: `“${s.member.name}”${input.month} 的党费已交清（已交 ${formatFen(paid)} 元）`,
        });
        return [];
      }
      return [
        {
          memberId: s.member.id,
          orgId: s.member.orgId,
          kind: 'monthly' as const,
          month: input.month,
          amountFen: item.amountFen,
          standardFen: state.standardFen,
          centreFen: centreShare(item.amountFen, state.standardFen, 'monthly', thresholdFen),
          paidOn: input.paidOn,
          note: input.note ?? null,
          recordedBy: tx.actor.userId,
        },
      ];
    });
    if (errors.length > 0) throw validationError(errors);
    const totalFen = rows.reduce((sum, r) => sum + r.amountFen, 0);
    const centreFen = rows.reduce((sum, r) => sum + r.centreFen, 0);
    const [batch] = await tx.db
      .insert(duesBatches)
      .values({
        orgId: org.id,
        month: input.month,
        paidOn: input.paidOn,
        itemCount: rows.length,
        totalFen,
        note: input.note ?? null,
        recordedBy: tx.actor.userId,
      })
      .returning();
    if (!batch) throw new AppError('INTERNAL');
    await tx.db.insert(duesPayments).values(rows.map((r) => ({ ...r, batchId: batch.id })));
    await refreshMemberStates(
      tx.db,
      rows.map((r) => r.memberId),
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'dues.collect',
      entityType: 'dues_batch',
      entityId: batch.id,
      orgPath: org.path,
      summary: `“${org.name}”收缴 ${input.month} 党费：${rows.length} 人，共 ${formatFen(totalFen)} 元`,
      after: {
        month: input.month,
        paidOn: input.paidOn,
        items: rows.map((r) => ({
          memberId: encodeId(r.memberId),
          amountFen: r.amountFen,
          centreFen: r.centreFen,
        })),
      },
    });
    return { batchId: encodeId(batch.id), count: rows.length, totalFen, centreFen };
  });
}

/** Cancels one ledger entry with a linked negative entry (the ledger is never edited). */
export async function reverseDuesPayment(
  ctx: ServiceContext,
  paymentPublicId: string,
  input: ReverseDuesPaymentRequest,
): Promise<DuesPayment> {
  const scope = requireScope(ctx.actor, 'dues.write');
  const today = todayInShanghai();
  const { payer, collector } = paymentTables;
  return inTransaction(ctx, async (tx) => {
    const id = idFrom(paymentPublicId);
    const original = await selectPaymentById(tx.db, id);
    if (!original) throw new AppError('NOT_FOUND');
    const [visible] = await tx.db
      .select({ path: payer.orgPath })
      .from(duesPayments)
      .innerJoin(payer, eq(payer.id, duesPayments.memberId))
      .innerJoin(collector, eq(collector.id, duesPayments.orgId))
      .where(
        and(
          eq(duesPayments.id, id),
          or(scopeCondition(payer.orgPath, scope), scopeCondition(collector.path, scope)),
        ),
      );
    if (!visible) throw new AppError('NOT_FOUND');
    await lockMembers(tx, [original.memberId]);
    if (original.kind === 'reversal' || original.reversedById !== null)
      throw new AppError('DUES_NOT_REVERSIBLE');
    const [row] = await tx.db
      .insert(duesPayments)
      .values({
        memberId: original.memberId,
        orgId: original.orgId,
        kind: 'reversal',
        month: original.month,
        amountFen: -original.amountFen,
        standardFen: original.standardFen,
        centreFen: -original.centreFen,
        paidOn: today,
        reversesId: original.id,
        note: input.reason,
        recordedBy: tx.actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await refreshMemberStates(tx.db, [original.memberId]);
    await recordAudit(tx.db, tx.actor, {
      action: 'dues.reverse',
      entityType: 'dues_payment',
      entityId: row.id,
      orgPath: visible.path,
      summary: `冲正党员“${original.memberName}”${original.month ?? ''}党费 ${formatFen(original.amountFen)} 元：${input.reason}`,
      before: { ...original, createdAt: undefined },
      after: { ...row, createdAt: undefined },
    });
    return paymentDto(tx, row.id);
  });
}

/** Ledger entries (newest first) of a member, or of the members and collecting orgs of a subtree. */
export async function findDuesPayments(
  ctx: ServiceContext,
  query: { orgId?: string; memberId?: string; month?: string; page: number; pageSize: number },
) {
  const scope = requireScope(ctx.actor, 'dues.read');
  const { payer, collector } = paymentTables;
  const where: (SQL | undefined)[] = [
    or(scopeCondition(payer.orgPath, scope), scopeCondition(collector.path, scope)),
  ];
  if (query.orgId) {
    const org = await loadOrgInScope(ctx, orgIdFrom(query.orgId), scope);
    where.push(like(collector.path, `${org.path}%`));
  }
  if (query.memberId) where.push(eq(duesPayments.memberId, idFrom(query.memberId)));
  if (query.month) where.push(eq(duesPayments.month, query.month));
  const page = await selectPaymentPage(
    ctx.db,
    and(...where) as SQL,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { total: page.total, items: page.items.map(toPaymentDto) };
}

// ---------------------------------------------------------------------------------------------
// Reading: a member's dues, the collection sheet, arrears, the yearly summary

/** A member's profile history, standard, last 12 months, arrears and ledger. */
export async function getMemberDues(
  ctx: ServiceContext,
  memberPublicId: string,
): Promise<MemberDuesResponse> {
  const scope = requireScope(ctx.actor, 'dues.read');
  const today = todayInShanghai();
  const member = await loadMember(ctx, memberPublicId, scope);
  const limits = await backPaymentParams(ctx);
  const currentMonth = monthOf(today);
  const [s] = await loadDuesStandings(ctx.db, memberInScope(member.id, scope), {
    today,
    backPaymentMonths: limits.maxBackMonths,
    fromMonth: addMonthsToMonth(currentMonth, -11),
    members: [member],
  });
  if (!s) throw new AppError('INTERNAL');
  const ledger = await findDuesPayments(ctx, { memberId: memberPublicId, page: 1, pageSize: 200 });
  return {
    memberId: encodeId(member.id),
    name: member.name,
    status: member.status,
    joinedOn: member.joinedOn,
    current: s.current ? toProfileDto(s.current) : null,
    profiles: [...s.profiles].reverse().map(toProfileDto),
    payments: ledger.items,
    months: monthRange(addMonthsToMonth(currentMonth, -11), currentMonth)
      .reverse()
      .map((month) => {
        const { state, standardFen, paidFen } = monthStateOf(s, month);
        return { month, standardFen, paidFen, state };
      }),
    arrearsFen: s.arrears.fen,
    arrearsMonths: s.arrears.months,
    consecutiveUnpaidMonths: s.unpaid.months,
    lastPaidMonth: s.lastPaidMonth,
  };
}

function onRegisterInMonth(month: string): SQL {
  return sql`(${members.joinedOn} <= ${lastDayOfMonth(month)} and (${members.leftOn} is null or ${members.leftOn} >= ${firstDayOfMonth(addMonthsToMonth(month, 1))}))`;
}

function sheetRow(s: DuesStanding, month: string): DuesSheetRow {
  const { state, standardFen, paidFen } = monthStateOf(s, month);
  const profile = s.profiles.filter((p) => p.effectiveFrom <= lastDayOfMonth(month)).at(-1) ?? null;
  return {
    memberId: encodeId(s.member.id),
    name: s.member.name,
    orgName: s.member.orgName,
    status: s.member.status,
    category: profile?.category ?? null,
    baseFen: profile?.baseFen ?? null,
    standardFen,
    paidFen,
    state,
    arrearsMonths: s.arrears.months.filter((m) => m !== month),
    arrearsFen: s.arrears.months
      .filter((m) => m !== month)
      .reduce((sum, m) => {
        const p = s.profiles.filter((x) => x.effectiveFrom <= lastDayOfMonth(m)).at(-1);
        return sum + Math.max(0, (p?.standardFen ?? 0) - (s.paidByMonth.get(m) ?? 0));
      }, 0),
    consecutiveUnpaidMonths: s.unpaid.months,
  };
}

/** The monthly collection sheet of an org: every member on the register that month with standard and payment. */
export async function getDuesSheet(
  ctx: ServiceContext,
  input: { orgId: string; month: string },
): Promise<DuesSheetResponse> {
  const scope = requireScope(ctx.actor, 'dues.read');
  const today = todayInShanghai();
  const org = await loadOrgInScope(ctx, orgIdFrom(input.orgId), scope);
  const limits = await backPaymentParams(ctx);
  const where = and(
    scopeCondition(members.orgPath, scope),
    like(members.orgPath, `${org.path}%`),
    onRegisterInMonth(input.month),
  ) as SQL;
  const memberRows = await selectDuesMembers(ctx.db, where, { limit: MAX_SHEET_MEMBERS + 1, offset: 0 });
  if (memberRows.length > MAX_SHEET_MEMBERS) {
    throw new AppError(
      'DUES_SHEET_TOO_LARGE',
      `“${org.name}”党员超过 ${MAX_SHEET_MEMBERS} 人，请选择具体的党支部收缴`,
    );
  }
  const standings = await loadDuesStandings(ctx.db, where, {
    today,
    backPaymentMonths: limits.maxBackMonths,
    fromMonth: input.month,
    members: memberRows,
  });
  const rows = standings.map((s) => sheetRow(s, input.month));
  const owed = rows.filter((r) => r.state === 'paid' || r.state === 'partial' || r.state === 'unpaid');
  return {
    org: { id: encodeId(org.id), name: org.name },
    month: input.month,
    rows,
    totals: {
      members: rows.length,
      standardFen: owed.reduce((sum, r) => sum + (r.standardFen ?? 0), 0),
      paidFen: rows.reduce((sum, r) => sum + r.paidFen, 0),
      paidCount: rows.filter((r) => r.state === 'paid').length,
      unpaidCount: rows.filter((r) => r.state === 'unpaid' || r.state === 'partial').length,
      noStandardCount: rows.filter((r) => r.state === 'no_standard').length,
    },
    backPaymentMonths: limits.maxBackMonths,
  };
}

/** Members in arrears (payable months unpaid, or a run of unpaid months), with totals per org. */
export async function findDuesArrears(
  ctx: ServiceContext,
  query: { orgId?: string; minMonths: number; page: number; pageSize: number },
): Promise<ListDuesArrearsResponse> {
  const scope = requireScope(ctx.actor, 'dues.read');
  const today = todayInShanghai();
  const limits = await backPaymentParams(ctx);
  const where: (SQL | undefined)[] = [scopeCondition(members.orgPath, scope), isNull(members.leftOn)];
  if (query.orgId) {
    const org = await loadOrgInScope(ctx, orgIdFrom(query.orgId), scope);
    where.push(like(members.orgPath, `${org.path}%`));
  }
  const standings = await loadDuesStandings(ctx.db, and(...where) as SQL, {
    today,
    backPaymentMonths: limits.maxBackMonths,
    lookbackMonths: limits.maxBackMonths + 1,
  });
  const matched = standings
    .filter((s) => s.arrears.months.length >= query.minMonths || s.unpaid.months >= query.minMonths)
    .sort((a, b) => b.unpaid.months - a.unpaid.months || b.arrears.fen - a.arrears.fen);
  const byOrg = new Map<number, { orgId: string; orgName: string; members: number; fen: number }>();
  for (const s of matched) {
    const acc = byOrg.get(s.member.orgId) ?? {
      orgId: encodeId(s.member.orgId),
      orgName: s.member.orgName,
      members: 0,
      fen: 0,
    };
    acc.members += 1;
    acc.fen += s.arrears.fen;
    byOrg.set(s.member.orgId, acc);
  }
  const start = (query.page - 1) * query.pageSize;
  const items: DuesArrearsItem[] = matched.slice(start, start + query.pageSize).map((s) => ({
    memberId: encodeId(s.member.id),
    name: s.member.name,
    orgId: encodeId(s.member.orgId),
    orgName: s.member.orgName,
    status: s.member.status,
    standardFen: s.current?.standardFen ?? null,
    arrearsMonths: s.arrears.months,
    arrearsFen: s.arrears.fen,
    consecutiveUnpaidMonths: s.unpaid.months,
    lastPaidMonth: s.lastPaidMonth,
  }));
  return {
    items,
    total: matched.length,
    totalFen: matched.reduce((sum, s) => sum + s.arrears.fen, 0),
    byOrg: [...byOrg.values()].sort((a, b) => b.fen - a.fen),
  };
}

/**
 * A year of an org's dues by month, as a branch publishes it: members owing, payers, amounts owed
 * and collected (net of reversals, extra payments in the month received), and the part for the Centre.
 */
export async function getDuesSummary(
  ctx: ServiceContext,
  input: { orgId: string; year: number },
): Promise<DuesSummaryResponse & { standings: DuesStanding[] }> {
  const scope = requireScope(ctx.actor, 'dues.read');
  const today = todayInShanghai();
  const org = await loadOrgInScope(ctx, orgIdFrom(input.orgId), scope);
  const limits = await backPaymentParams(ctx);
  const first = `${input.year}-01`;
  const last = `${input.year}-12`;
  const where = and(
    scopeCondition(members.orgPath, scope),
    like(members.orgPath, `${org.path}%`),
    sql`${members.joinedOn} <= ${`${input.year}-12-31`} and (${members.leftOn} is null or ${members.leftOn} >= ${`${input.year}-02-01`})`,
  ) as SQL;
  const standings = await loadDuesStandings(ctx.db, where, {
    today,
    backPaymentMonths: limits.maxBackMonths,
    fromMonth: first,
  });
  const collected = await ctx.db
    .select({
      month: sql<string>`coalesce(${duesPayments.month}, to_char(${duesPayments.paidOn}, 'YYYY-MM'))`,
      amountFen: sql<string>`sum(${duesPayments.amountFen})`,
      centreFen: sql<string>`sum(${duesPayments.centreFen})`,
    })
    .from(duesPayments)
    .innerJoin(orgs, eq(orgs.id, duesPayments.orgId))
    .where(
      and(
        scopeCondition(orgs.path, scope),
        like(orgs.path, `${org.path}%`),
        sql`coalesce(${duesPayments.month}, to_char(${duesPayments.paidOn}, 'YYYY-MM')) between ${first} and ${last}`,
      ),
    )
    .groupBy(sql`1`);
  const collectedBy = new Map(collected.map((c) => [c.month, c]));
  const currentMonth = monthOf(today);
  const months = monthRange(first, last).map((month) => {
    let owing = 0;
    let payers = 0;
    let standardFen = 0;
    // Months still to come owe nothing yet (payments made ahead still show as collected).
    for (const s of month <= currentMonth ? standings : []) {
      const { state, standardFen: std, paidFen: paid } = monthStateOf(s, month);
      if (state === 'paid' || state === 'partial' || state === 'unpaid') {
        owing += 1;
        standardFen += std ?? 0;
      }
      if (paid > 0) payers += 1;
    }
    const c = collectedBy.get(month);
    return {
      month,
      members: owing,
      payers,
      standardFen,
      collectedFen: Number(c?.amountFen ?? 0),
      centreFen: Number(c?.centreFen ?? 0),
    };
  });
  const totals = months.reduce(
    (acc, m) => ({
      members: Math.max(acc.members, m.members),
      payers: Math.max(acc.payers, m.payers),
      standardFen: acc.standardFen + m.standardFen,
      collectedFen: acc.collectedFen + m.collectedFen,
      centreFen: acc.centreFen + m.centreFen,
    }),
    { members: 0, payers: 0, standardFen: 0, collectedFen: 0, centreFen: 0 },
  );
  return { org: { id: encodeId(org.id), name: org.name }, year: input.year, months, totals, standings };
}

/** The collection sheet as xlsx, audited as an export of the org's dues. */
export async function exportDuesSheet(ctx: ServiceContext, input: { orgId: string; month: string }) {
  const sheet = await getDuesSheet(ctx, input);
  const org = await loadOrgInScope(ctx, orgIdFrom(input.orgId), requireScope(ctx.actor, 'dues.read'));
  await recordAudit(ctx.db, ctx.actor, {
    action: 'dues.export.sheet',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    summary: `导出“${org.name}”${sheet.month} 党费收缴表`,
  });
  return {
    fileName: `${org.name}${sheet.month}党费收缴表.xlsx`,
    month: sheet.month,
    body: await buildCollectionWorkbook(sheet),
  };
}

/** The yearly summary as xlsx (monthly figures and each member's months), audited. */
export async function exportDuesSummary(ctx: ServiceContext, input: { orgId: string; year: number }) {
  const { standings, ...summary } = await getDuesSummary(ctx, input);
  const org = await loadOrgInScope(ctx, orgIdFrom(input.orgId), requireScope(ctx.actor, 'dues.read'));
  await recordAudit(ctx.db, ctx.actor, {
    action: 'dues.export.summary',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    summary: `导出“${org.name}”${summary.year}年党费汇总`,
  });
  return {
    fileName: `${org.name}${summary.year}年党费汇总.xlsx`,
    body: await buildYearWorkbook(summary, standings),
  };
}
