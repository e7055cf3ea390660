import { maskPhone, normalizePhone, todayInShanghai } from '@zhibu/shared';
import type {
  AddFlowingContactRequest,
  CreateInflowRequest,
  CreateOutflowRequest,
  FlowingRecord,
  GetFlowingRecordResponse,
  ListFlowingRequest,
  MarkLostContactRequest,
  ReturnFlowingRequest,
  SuspendFlowingMemberRequest,
  UpdateFlowingRequest,
} from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import { requireScope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { AppError, validationError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import {
  ABROAD,
  AWAY_SIX_MONTHS,
  checkSuspension,
  type FlowingRule,
  LOST_CONTACT,
  REGULAR_CONTACT,
} from '../../rules/flowing.rules.ts';
import { effectiveParams, loadStoredParams } from '../../rules/ruleEngine.ts';
import { citationText } from '../../rules/ruleTypes.ts';
import { ruleViolation } from '../../rules/ruleViolation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { selectMemberById } from '../members/members.queries.ts';
import { appendMemberEvent, getMember, leaveMember } from '../members/members.service.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';
import {
  type FlowingListRow,
  type FlowingRow,
  selectActiveOutflows,
  selectContacts,
  selectFlowingById,
  selectFlowingPage,
} from './flowing.queries.ts';
import { flowingContacts, flowingRecords } from './flowing.schema.ts';

function recordIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

type AlertReader = (row: FlowingListRow) => FlowingRecord['alerts'];

type StoredParams = Awaited<ReturnType<typeof loadStoredParams>>;

/** One rule as a function of a record, with its parameters in force. */
function finder<P extends Record<string, unknown>>(rule: FlowingRule<P>) {
  return (row: FlowingListRow, today: string, stored: StoredParams) =>
    rule.find(row, today, effectiveParams(rule, stored.get(rule.id)?.params));
}
const FINDERS = [finder(AWAY_SIX_MONTHS), finder(REGULAR_CONTACT), finder(LOST_CONTACT), finder(ABROAD)];

/** The flowing rules met by a record today, each with its citation (same checks as the warnings). */
async function alertReader(db: Executor, today: string): Promise<AlertReader> {
  const stored = await loadStoredParams(db);
  return (row) =>
    FINDERS.flatMap((find) => {
      const found = find(row, today, stored);
      return found
        ? [
            {
              rule: found.rule.id,
              message: found.message,
              citation: citationText(found.rule.citation),
              dueOn: found.dueOn,
            },
          ]
        : [];
    });
}

function toDto(row: FlowingListRow, alerts: AlertReader): FlowingRecord {
  return {
    id: encodeId(row.id),
    direction: row.direction,
    status: row.status,
    memberId: row.memberId === null ? null : encodeId(row.memberId),
    name: row.name,
    gender: row.gender,
    orgId: encodeId(row.orgId),
    orgName: row.orgName,
    place: row.place,
    since: row.since,
    workUnit: row.workUnit,
    phoneMasked: row.phoneMasked,
    mobilityCardNo: row.mobilityCardNo,
    expectedReturnOn: row.expectedReturnOn,
    isFixedPlace: row.isFixedPlace,
    isAbroad: row.isAbroad,
    isSettledAbroad: row.isSettledAbroad,
    homeOrgName: row.homeOrgName,
    homeOrgContact: row.homeOrgContact,
    lostContactSince: row.lostContactSince,
    lastContactOn: row.lastContactOn,
    returnedOn: row.returnedOn,
    suspendedOn: row.suspendedOn,
    note: row.note,
    alerts: alerts(row),
    version: row.version,
  };
}

function auditView(row: FlowingRow) {
  const { phoneEnc: _p, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

function checkedPhone(phone: string | null | undefined) {
  if (phone === undefined) return undefined;
  if (phone === null || phone.trim() === '') return { phoneEnc: null, phoneMasked: null, plain: null };
  const p = normalizePhone(phone);
  if (!p.ok) throw validationError([{ field: 'phone', code: p.code, message: p.message }]);
  return { plain: p.value, phoneMasked: maskPhone(p.value) };
}

function assertDate(date: string, today: string, field: string, notBefore?: { date: string; label: string }) {
  if (date > today) throw validationError([{ field, code: 'DATE_IN_FUTURE', message: '日期不能晚于今天' }]);
  if (notBefore && date < notBefore.date) {
    throw validationError([
      { field, code: 'DATE_TOO_EARLY', message: `日期不能早于${notBefore.label}（${notBefore.date}）` },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Flowing members out of, or into, the orgs in scope; each with the rules it meets today. */
export async function findFlowing(ctx: ServiceContext, input: ListFlowingRequest) {
  const scope = requireScope(ctx.actor, 'flowing.read');
  const today = todayInShanghai();
  const org = input.orgId ? await loadOrgInScope(ctx, orgIdFrom(input.orgId), scope) : null;
  const page = await selectFlowingPage(
    ctx.db,
    {
      scope,
      direction: input.direction,
      subtreePath: org?.path,
      status: input.status,
      q: input.q || undefined,
    },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  const alerts = await alertReader(ctx.db, today);
  return { total: page.total, items: page.items.map((r) => toDto(r, alerts)) };
}

export async function getFlowing(ctx: ServiceContext, publicId: string): Promise<GetFlowingRecordResponse> {
  const scope = requireScope(ctx.actor, 'flowing.read');
  const row = await selectFlowingById(ctx.db, recordIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  const alerts = await alertReader(ctx.db, todayInShanghai());
  const contacts = await selectContacts(ctx.db, row.id);
  return {
    ...toDto(row, alerts),
    contacts: contacts.map((c) => ({
      id: encodeId(c.id),
      contactedOn: c.contactedOn,
      method: c.method,
      isReached: c.isReached,
      note: c.note,
      recordedBy: c.recordedByName,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

async function loadForWrite(ctx: ServiceContext, publicId: string, version: number) {
  const scope = requireScope(ctx.actor, 'flowing.write');
  const row = await selectFlowingById(ctx.db, recordIdFrom(publicId), scope, true);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  if (row.status !== 'active') throw new AppError('FLOWING_CLOSED');
  return row;
}

async function saveChange(
  ctx: ServiceContext,
  before: FlowingRow,
  set: Partial<typeof flowingRecords.$inferInsert>,
  audit: { action: string; summary: string },
) {
  const [row] = await ctx.db
    .update(flowingRecords)
    .set({ ...set, version: before.version + 1, updatedAt: new Date() })
    .where(eq(flowingRecords.id, before.id))
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(ctx.db, ctx.actor, {
    action: audit.action,
    entityType: 'flowing_record',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: audit.summary,
    before: auditView(before),
    after: auditView(row),
  });
  return row;
}

/** A member of an org in scope goes to live or work elsewhere (流出). */
export async function createOutflow(ctx: ServiceContext, input: CreateOutflowRequest) {
  const scope = requireScope(ctx.actor, 'flowing.write');
  const today = todayInShanghai();
  assertDate(input.since, today, 'since');
  const phone = checkedPhone(input.phone);
  const id = await inTransaction(ctx, async (tx) => {
    const memberId = decodeId(input.memberId);
    const member = memberId === null ? undefined : await selectMemberById(tx.db, memberId, scope);
    if (!member) {
      throw validationError([
        { field: 'memberId', code: 'MEMBER_NOT_FOUND', message: '党员不存在或不在您的数据权限范围内' },
      ]);
    }
    if (member.leftOn) throw new AppError('MEMBER_LEFT');
    if ((await selectActiveOutflows(tx.db, member.id)).length > 0) {
      throw validationError([
        { field: 'memberId', code: 'ALREADY_FLOWING', message: '该党员已登记为流出党员' },
      ]);
    }
    const [row] = await tx.db
      .insert(flowingRecords)
      .values({
        direction: 'out',
        memberId: member.id,
        name: member.name,
        gender: member.gender,
        orgId: member.orgId,
        orgPath: member.orgPath,
        place: input.place,
        since: input.since,
        workUnit: input.workUnit ?? null,
        phoneEnc: phone?.plain ? tx.cipher.encrypt(phone.plain) : null,
        phoneMasked: phone?.phoneMasked ?? null,
        mobilityCardNo: input.mobilityCardNo ?? null,
        expectedReturnOn: input.expectedReturnOn ?? null,
        isFixedPlace: input.isFixedPlace,
        isAbroad: input.isAbroad,
        isSettledAbroad: input.isSettledAbroad,
        note: input.note ?? null,
        createdBy: tx.actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendMemberEvent(tx, member.id, {
      kind: 'flowed_out',
      occurredOn: input.since,
      detail: { place: input.place, mobilityCardNo: input.mobilityCardNo ?? null },
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'flowing.create.out',
      entityType: 'flowing_record',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `登记流出党员“${row.name}”：${input.since} 起在“${input.place}”`,
      after: auditView(row),
    });
    return row.id;
  });
  return getFlowing(ctx, encodeId(id));
}

/** A member of another org takes part in an org in scope (流入). */
export async function createInflow(ctx: ServiceContext, input: CreateInflowRequest) {
  const scope = requireScope(ctx.actor, 'flowing.write');
  const today = todayInShanghai();
  assertDate(input.since, today, 'since');
  const phone = checkedPhone(input.phone);
  const id = await inTransaction(ctx, async (tx) => {
    const org = await loadOrgInScope(tx, orgIdFrom(input.orgId), scope);
    if (org.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    const [row] = await tx.db
      .insert(flowingRecords)
      .values({
        direction: 'in',
        name: input.name,
        gender: input.gender ?? null,
        orgId: org.id,
        orgPath: org.path,
        place: input.place,
        since: input.since,
        workUnit: input.workUnit ?? null,
        phoneEnc: phone?.plain ? tx.cipher.encrypt(phone.plain) : null,
        phoneMasked: phone?.phoneMasked ?? null,
        mobilityCardNo: input.mobilityCardNo ?? null,
        expectedReturnOn: input.expectedReturnOn ?? null,
        isFixedPlace: input.isFixedPlace,
        isAbroad: false,
        isSettledAbroad: false,
        homeOrgName: input.homeOrgName,
        homeOrgContact: input.homeOrgContact ?? null,
        note: input.note ?? null,
        createdBy: tx.actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'flowing.create.in',
      entityType: 'flowing_record',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `登记流入党员“${row.name}”（组织关系在“${input.homeOrgName}”）`,
      after: auditView(row),
    });
    return row.id;
  });
  return getFlowing(ctx, encodeId(id));
}

export async function updateFlowing(ctx: ServiceContext, publicId: string, input: UpdateFlowingRequest) {
  const phone = checkedPhone(input.phone);
  await inTransaction(ctx, async (tx) => {
    const before = await loadForWrite(tx, publicId, input.version);
    const { version: _v, phone: _p, ...fields } = input;
    await saveChange(
      tx,
      before,
      {
        ...fields,
        ...(phone
          ? {
              phoneEnc: phone.plain ? tx.cipher.encrypt(phone.plain) : null,
              phoneMasked: phone.phoneMasked ?? null,
            }
          : {}),
      },
      { action: 'flowing.update', summary: `修改流动党员“${before.name}”的信息` },
    );
  });
  return getFlowing(ctx, publicId);
}

/** Logs a contact attempt; reaching the member ends a lost-contact period. */
export async function addFlowingContact(
  ctx: ServiceContext,
  publicId: string,
  input: AddFlowingContactRequest,
) {
  const scope = requireScope(ctx.actor, 'flowing.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const before = await selectFlowingById(tx.db, recordIdFrom(publicId), scope, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status !== 'active' && before.status !== 'suspended') throw new AppError('FLOWING_CLOSED');
    assertDate(input.contactedOn, today, 'contactedOn', { date: before.since, label: '外出日期' });
    await tx.db.insert(flowingContacts).values({
      recordId: before.id,
      contactedOn: input.contactedOn,
      method: input.method,
      isReached: input.isReached,
      note: input.note ?? null,
      recordedBy: tx.actor.userId,
    });
    const isNewer =
      input.isReached && (before.lastContactOn === null || input.contactedOn > before.lastContactOn);
    const regained =
      input.isReached && before.lostContactSince !== null && input.contactedOn >= before.lostContactSince;
    await saveChange(
      tx,
      before,
      {
        ...(isNewer ? { lastContactOn: input.contactedOn } : {}),
        ...(regained ? { lostContactSince: null } : {}),
      },
      {
        action: 'flowing.contact',
        summary: `与流动党员“${before.name}”联系（${input.contactedOn}，${input.isReached ? '已联系上' : '未联系上'}）${regained ? '，恢复联系' : ''}`,
      },
    );
  });
  return getFlowing(ctx, publicId);
}

/** Records since when the branch has lost contact with an out-flowing member (T3 counts from it). */
export async function markLostContact(ctx: ServiceContext, publicId: string, input: MarkLostContactRequest) {
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const before = await loadForWrite(tx, publicId, input.version);
    if (before.direction !== 'out') {
      throw validationError([
        { field: 'since', code: 'NOT_OUTFLOW', message: '只有流出党员需要登记失去联系' },
      ]);
    }
    assertDate(input.since, today, 'since', { date: before.since, label: '外出日期' });
    if (before.lastContactOn && input.since < before.lastContactOn) {
      throw validationError([
        {
          field: 'since',
          code: 'AFTER_CONTACT',
          message: `最后一次联系上是 ${before.lastContactOn}，失联日期不能早于此日`,
        },
      ]);
    }
    await saveChange(
      tx,
      before,
      { lostContactSince: input.since, note: input.note ?? before.note },
      { action: 'flowing.lost_contact', summary: `登记流动党员“${before.name}”自 ${input.since} 失去联系` },
    );
  });
  return getFlowing(ctx, publicId);
}

/**
 * 停止党籍 of an out-flowing member (T3): only after 6 months without contact, or when settled abroad
 * or abroad more than 5 years. The member leaves the active register with reason `suspended`.
 */
export async function suspendFlowingMember(
  ctx: ServiceContext,
  publicId: string,
  input: SuspendFlowingMemberRequest,
) {
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const before = await loadForWrite(tx, publicId, input.version);
    if (before.direction !== 'out' || before.memberId === null) {
      throw validationError([
        { field: 'suspendedOn', code: 'NOT_OUTFLOW', message: '只能对本组织的流出党员停止党籍' },
      ]);
    }
    assertDate(input.suspendedOn, today, 'suspendedOn', { date: before.since, label: '外出日期' });
    const stored = await loadStoredParams(tx.db);
    const breach = checkSuspension(before, input.suspendedOn, {
      lostMonths: effectiveParams(LOST_CONTACT, stored.get(LOST_CONTACT.id)?.params).months,
      abroadYears: effectiveParams(ABROAD, stored.get(ABROAD.id)?.params).years,
    });
    if (breach) throw ruleViolation(breach.rule, breach.message, breach.field);
    const member = await getMember(tx, encodeId(before.memberId));
    await leaveMember(tx, member.id, {
      leftOn: input.suspendedOn,
      reason: 'suspended',
      note: input.note ?? (before.lostContactSince ? `自 ${before.lostContactSince} 失去联系` : '出国（境）'),
      version: member.version,
    });
    await saveChange(
      tx,
      before,
      { status: 'suspended', suspendedOn: input.suspendedOn, endedOn: input.suspendedOn },
      { action: 'flowing.suspend', summary: `流动党员“${before.name}”自 ${input.suspendedOn} 停止党籍` },
    );
  });
  return getFlowing(ctx, publicId);
}

/** The member is back (流出) or has left this org's life (流入). */
export async function returnFlowing(ctx: ServiceContext, publicId: string, input: ReturnFlowingRequest) {
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const before = await loadForWrite(tx, publicId, input.version);
    assertDate(input.returnedOn, today, 'returnedOn', { date: before.since, label: '外出日期' });
    if (before.memberId !== null) {
      await appendMemberEvent(tx, before.memberId, {
        kind: 'flow_returned',
        occurredOn: input.returnedOn,
        detail: { place: before.place },
      });
    }
    await saveChange(
      tx,
      before,
      {
        status: 'returned',
        returnedOn: input.returnedOn,
        endedOn: input.returnedOn,
        note: input.note ?? before.note,
      },
      {
        action: 'flowing.return',
        summary: `流动党员“${before.name}”${before.direction === 'out' ? '返回' : '离开'}（${input.returnedOn}）`,
      },
    );
  });
  return getFlowing(ctx, publicId);
}

/** A transfer of the member's relation was completed: their out-flow records end as `transferred`. */
export async function closeFlowingForTransfer(ctx: ServiceContext, memberId: number, on: string) {
  for (const before of await selectActiveOutflows(ctx.db, memberId)) {
    await saveChange(
      ctx,
      before,
      { status: 'transferred', endedOn: on },
      { action: 'flowing.transferred', summary: `流动党员“${before.name}”的组织关系已转接（${on}）` },
    );
  }
}
