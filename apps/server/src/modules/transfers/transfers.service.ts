import { checkMemberRecord, maskCitizenId, todayInShanghai } from '@zhibu/shared';
import type {
  AcceptTransferRequest,
  CancelTransferRequest,
  CreateOutgoingLetterRequest,
  CreateTransferRequest,
  ListTransfersRequest,
  RecordReceiptRequest,
  RegisterIncomingLetterRequest,
  ReturnTransferRequest,
  Transfer,
  TransferBoxCode,
  TransferKindCode,
} from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import { AppError, validationError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { effectiveParams, loadStoredParams } from '../../rules/ruleEngine.ts';
import { ruleViolation } from '../../rules/ruleViolation.ts';
import {
  checkLetterValidity,
  defaultValidUntil,
  LETTER_VALIDITY,
  PENDING_STATUSES,
} from '../../rules/transfers.rules.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  closeDevelopmentForTransferOut,
  followMemberTransfer,
  insertResumed,
} from '../development/development.service.ts';
import { closeFlowingForTransfer } from '../flowing/flowing.service.ts';
import { selectMemberById } from '../members/members.queries.ts';
import {
  appendMemberEvent,
  createMember,
  getMember,
  leaveMember,
  moveMemberByTransfer,
} from '../members/members.service.ts';
import { orgIdFrom } from '../orgs/orgs.service.ts';
import {
  countPending,
  type NewTransfer,
  selectDestinations,
  selectOrgForTransfer,
  selectPendingForMember,
  selectPendingIncomingByHash,
  selectTransferById,
  selectTransferPage,
  sideCondition,
  type TransferListRow,
  type TransferRow,
} from './transfers.queries.ts';
import type { IncomingPerson } from './transfers.schema.ts';
import { transfers } from './transfers.schema.ts';

function transferIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

/**
 * A transfer one side of which lies in the scope, locked for a write at the version the caller
 * saw; `kind` narrows it (a receipt exists only for letters out). Anything else is a 404.
 */
async function loadTransferForWrite(
  tx: ServiceContext,
  publicId: string,
  side: TransferBoxCode | 'either',
  scope: Scope,
  version: number,
  kind?: TransferKindCode,
) {
  const row = await selectTransferById(tx.db, transferIdFrom(publicId), sideCondition(side, scope), true);
  if (!row || (kind !== undefined && row.kind !== kind)) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  return row;
}

function writeScopeOrNull(ctx: ServiceContext): Scope | null {
  try {
    return requireScope(ctx.actor, 'transfer.write');
  } catch {
    return null;
  }
}

function isPending(row: Pick<TransferRow, 'status'>): boolean {
  return (PENDING_STATUSES as readonly string[]).includes(row.status);
}

const inScope = (path: string | null, scope: Scope | null) =>
  path !== null && scope !== null && isPathInScope(path, scope);

/** A transfer as both sides see it, with what the caller may do next (buttons follow the server's rules). */
export function toTransferDto(row: TransferListRow, write: Scope | null, today: string): Transfer {
  const pending = isPending(row);
  const isExpired = pending && row.validUntil < today;
  const isSender = inScope(row.fromOrgPath, write);
  const isReceiver = inScope(row.toOrgPath, write);
  return {
    id: encodeId(row.id),
    kind: row.kind,
    status: row.status,
    isPending: pending,
    isExpired,
    isOverdue: isExpired,
    member: {
      id: row.memberId === null ? null : encodeId(row.memberId),
      name: row.memberName,
      gender: row.memberGender,
      birthDate: row.memberBirthDate,
      status: row.memberStatus,
      joinedOn: row.memberJoinedOn,
      idNumberMasked: row.idNumberMasked,
    },
    fromOrg: { id: row.fromOrgId === null ? null : encodeId(row.fromOrgId), name: row.fromName },
    toOrg: { id: row.toOrgId === null ? null : encodeId(row.toOrgId), name: row.toName },
    reason: row.reason,
    letterNo: row.letterNo,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    acceptedOn: row.acceptedOn,
    returnedOn: row.returnedOn,
    returnReason: row.returnReason,
    receiptOn: row.receiptOn,
    cancelledOn: row.cancelledOn,
    cancelReason: row.cancelReason,
    note: row.note,
    initiatedBy: row.initiatedByName,
    canAccept: row.status === 'initiated' && isReceiver,
    canReturn: row.status === 'initiated' && isReceiver,
    canCancel: pending && (row.kind === 'in' ? isReceiver : isSender),
    canRecordReceipt: row.kind === 'out' && row.status === 'issued' && isSender,
    version: row.version,
  };
}

function auditView(row: TransferRow) {
  const { incoming: _i, idNumberHash: _h, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

async function validityParams(ctx: ServiceContext) {
  const stored = await loadStoredParams(ctx.db);
  return effectiveParams(LETTER_VALIDITY, stored.get(LETTER_VALIDITY.id)?.params);
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

/** 待接收 (incoming: to an org in scope) or 已发出 (outgoing: from an org in scope). */
export async function findTransfers(ctx: ServiceContext, input: ListTransfersRequest) {
  const scope = requireScope(ctx.actor, 'transfer.read');
  const today = todayInShanghai();
  const page = await selectTransferPage(
    ctx.db,
    { scope, box: input.box, state: input.state, kind: input.kind },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  const write = writeScopeOrNull(ctx);
  return { total: page.total, items: page.items.map((r) => toTransferDto(r, write, today)) };
}

export async function getTransfer(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'transfer.read');
  const row = await selectTransferById(ctx.db, transferIdFrom(publicId), sideCondition('either', scope));
  if (!row) throw new AppError('NOT_FOUND');
  return toTransferDto(row, writeScopeOrNull(ctx), todayInShanghai());
}

/** Counts for the 待办 badges: waiting to be received here, sent and not yet closed, past validity. */
export async function getTransferSummary(ctx: ServiceContext) {
  const scope = requireScope(ctx.actor, 'transfer.read');
  return countPending(ctx.db, scope, todayInShanghai());
}

/** Orgs of the whole tree that may receive a member, by name (names only; see selectDestinations). */
export async function findTransferDestinations(ctx: ServiceContext, q: string) {
  requireScope(ctx.actor, 'transfer.write');
  const rows = await selectDestinations(ctx.db, q, 20);
  return { items: rows.map((r) => ({ id: encodeId(r.id), name: r.name, parentName: r.parentName })) };
}

// ---------------------------------------------------------------------------------------------
// Sending side

async function loadMemberToSend(ctx: ServiceContext, memberPublicId: string, scope: Scope) {
  const id = decodeId(memberPublicId);
  const member = id === null ? undefined : await selectMemberById(ctx.db, id, scope, true);
  if (!member) {
    throw validationError([
      { field: 'memberId', code: 'MEMBER_NOT_FOUND', message: '党员不存在或不在您的数据权限范围内' },
    ]);
  }
  if (member.leftOn) throw new AppError('MEMBER_LEFT');
  if ((await selectPendingForMember(ctx.db, member.id)).length > 0) throw new AppError('TRANSFER_PENDING');
  return member;
}

function memberSnapshot(member: NonNullable<Awaited<ReturnType<typeof selectMemberById>>>) {
  return {
    memberId: member.id,
    memberName: member.name,
    memberGender: member.gender,
    memberBirthDate: member.birthDate,
    memberStatus: member.status,
    memberJoinedOn: member.joinedOn,
    idNumberHash: member.idNumberHash,
    idNumberMasked: member.idNumberMasked,
    fromOrgId: member.orgId,
    fromOrgPath: member.orgPath,
    fromName: member.orgName,
  };
}

async function insertTransfer(
  ctx: ServiceContext,
  values: NewTransfer,
  summary: string,
  orgPath: string | null,
) {
  const [row] = await ctx.db.insert(transfers).values(values).returning();
  if (!row) throw new AppError('INTERNAL');
  if (row.memberId !== null) {
    await appendMemberEvent(ctx, row.memberId, {
      kind: 'transfer_initiated',
      occurredOn: row.issuedOn,
      detail: { to: row.toName, kind: row.kind, letterNo: row.letterNo, transferId: encodeId(row.id) },
    });
  }
  await recordAudit(ctx.db, ctx.actor, {
    action: `transfer.create.${row.kind}`,
    entityType: 'transfer',
    entityId: row.id,
    orgPath,
    summary,
    after: auditView(row),
  });
  return row.id;
}

async function checkedValidUntil(
  ctx: ServiceContext,
  issuedOn: string,
  validUntil: string | null | undefined,
) {
  const params = await validityParams(ctx);
  const until = validUntil ?? defaultValidUntil(issuedOn, params);
  const breach = checkLetterValidity(issuedOn, until, params);
  if (breach) throw ruleViolation(breach.rule, breach.message, breach.field);
  return until;
}

/** The sending org starts a transfer to another org of the system; the member stays until accepted. */
export async function createTransfer(ctx: ServiceContext, input: CreateTransferRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  assertDate(input.issuedOn, today, 'issuedOn');
  const id = await inTransaction(ctx, async (tx) => {
    const member = await loadMemberToSend(tx, input.memberId, scope);
    const to = await selectOrgForTransfer(tx.db, orgIdFrom(input.toOrgId));
    if (!to || to.dissolvedOn || to.type === 'group') {
      throw validationError([
        { field: 'toOrgId', code: 'ORG_NOT_FOUND', message: '接收的党组织不存在或已撤销' },
      ]);
    }
    if (to.id === member.orgId) {
      throw validationError([{ field: 'toOrgId', code: 'SAME_ORG', message: '接收组织与所在组织相同' }]);
    }
    const validUntil = await checkedValidUntil(tx, input.issuedOn, input.validUntil);
    return insertTransfer(
      tx,
      {
        kind: 'within',
        status: 'initiated',
        ...memberSnapshot(member),
        toOrgId: to.id,
        toOrgPath: to.path,
        toName: to.name,
        reason: input.reason,
        letterNo: input.letterNo ?? null,
        issuedOn: input.issuedOn,
        validUntil,
        note: input.note ?? null,
        initiatedBy: tx.actor.userId,
      },
      `发起党员“${member.name}”组织关系由“${member.orgName}”转往“${to.name}”`,
      member.orgPath,
    );
  });
  return getTransfer(ctx, encodeId(id));
}

/** The sending org issues a letter (介绍信) to an org outside the system; closes when the receipt returns. */
export async function createOutgoingLetter(ctx: ServiceContext, input: CreateOutgoingLetterRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  assertDate(input.issuedOn, today, 'issuedOn');
  const id = await inTransaction(ctx, async (tx) => {
    const member = await loadMemberToSend(tx, input.memberId, scope);
    const validUntil = await checkedValidUntil(tx, input.issuedOn, input.validUntil);
    return insertTransfer(
      tx,
      {
        kind: 'out',
        status: 'issued',
        ...memberSnapshot(member),
        toName: input.destination,
        reason: input.reason,
        letterNo: input.letterNo,
        issuedOn: input.issuedOn,
        validUntil,
        note: input.note ?? null,
        initiatedBy: tx.actor.userId,
      },
      `为党员“${member.name}”开具组织关系介绍信（${input.letterNo}）转往“${input.destination}”`,
      member.orgPath,
    );
  });
  return getTransfer(ctx, encodeId(id));
}

/** The receipt (回执) came back: the member leaves the sender's register (转出). */
export async function recordReceipt(ctx: ServiceContext, publicId: string, input: RecordReceiptRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const row = await loadTransferForWrite(tx, publicId, 'outgoing', scope, input.version, 'out');
    if (row.status !== 'issued') throw new AppError('TRANSFER_CLOSED');
    assertDate(input.receiptOn, today, 'receiptOn', { date: row.issuedOn, label: '开具日期' });
    const [updated] = await tx.db
      .update(transfers)
      .set({
        status: 'receipt_returned',
        receiptOn: input.receiptOn,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(transfers.id, row.id))
      .returning();
    if (!updated || row.memberId === null) throw new AppError('INTERNAL');
    const member = await getMember(tx, encodeId(row.memberId));
    await leaveMember(tx, member.id, {
      leftOn: input.receiptOn,
      reason: 'transfer_out',
      note: `组织关系转往“${row.toName}”${row.letterNo ? `，介绍信 ${row.letterNo}` : ''}，回执已退回`,
      version: member.version,
    });
    await closeFlowingForTransfer(tx, row.memberId, input.receiptOn);
    await closeDevelopmentForTransferOut(tx, row.memberId, input.receiptOn, row.toName);
    await recordAudit(tx.db, tx.actor, {
      action: 'transfer.receipt',
      entityType: 'transfer',
      entityId: row.id,
      orgPath: row.fromOrgPath,
      summary: `“${row.memberName}”转往“${row.toName}”的介绍信回执已退回（${input.receiptOn}）`,
      before: auditView(row),
      after: auditView(updated),
    });
  });
  return getTransfer(ctx, publicId);
}

/**
 * Ends a pending transfer without moving the member (cancelled by the sender, returned by the
 * receiver): the new status, a timeline entry for the member when there is one, and the audit.
 */
async function closeTransfer(
  tx: ServiceContext,
  row: TransferRow,
  change: {
    set: Partial<typeof transfers.$inferInsert>;
    event: { kind: string; occurredOn: string; reason: string };
    audit: { action: string; orgPath: string | null; summary: string };
  },
) {
  const [updated] = await tx.db
    .update(transfers)
    .set({ ...change.set, version: row.version + 1, updatedAt: new Date() })
    .where(eq(transfers.id, row.id))
    .returning();
  if (!updated) throw new AppError('INTERNAL');
  if (row.memberId !== null) {
    await appendMemberEvent(tx, row.memberId, {
      kind: change.event.kind,
      occurredOn: change.event.occurredOn,
      detail: { to: row.toName, reason: change.event.reason, transferId: encodeId(row.id) },
    });
  }
  await recordAudit(tx.db, tx.actor, {
    action: change.audit.action,
    entityType: 'transfer',
    entityId: row.id,
    orgPath: change.audit.orgPath,
    summary: change.audit.summary,
    before: auditView(row),
    after: auditView(updated),
  });
}

/** The side that started it withdraws a transfer still pending. */
export async function cancelTransfer(ctx: ServiceContext, publicId: string, input: CancelTransferRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const row = await loadTransferForWrite(tx, publicId, 'either', scope, input.version);
    const dto = toTransferDto(row, scope, today);
    if (!isPending(row)) throw new AppError('TRANSFER_CLOSED');
    if (!dto.canCancel) throw new AppError('FORBIDDEN', '只有发起方可以撤回');
    assertDate(input.cancelledOn, today, 'cancelledOn', { date: row.issuedOn, label: '发起日期' });
    await closeTransfer(tx, row, {
      set: { status: 'cancelled', cancelledOn: input.cancelledOn, cancelReason: input.reason },
      event: { kind: 'transfer_cancelled', occurredOn: input.cancelledOn, reason: input.reason },
      audit: {
        action: 'transfer.cancel',
        orgPath: row.fromOrgPath ?? row.toOrgPath,
        summary: `撤回“${row.memberName}”的组织关系转接：${input.reason}`,
      },
    });
  });
  return getTransfer(ctx, publicId);
}

// ---------------------------------------------------------------------------------------------
// Receiving side

/** The receiving org registers a letter from an org outside the system (转入). */
export async function registerIncomingLetter(ctx: ServiceContext, input: RegisterIncomingLetterRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  assertDate(input.issuedOn, today, 'issuedOn');
  const checked = checkMemberRecord(input.person, today);
  if (!checked.ok) {
    throw validationError(checked.errors.map((e) => ({ ...e, field: `person.${e.field}` })));
  }
  const person = checked.value;
  const id = await inTransaction(ctx, async (tx) => {
    const to = await selectOrgForTransfer(tx.db, orgIdFrom(input.toOrgId));
    if (!to || !isPathInScope(to.path, scope) || to.dissolvedOn || to.type === 'group') {
      throw validationError([
        { field: 'toOrgId', code: 'ORG_NOT_FOUND', message: '接收的党组织不存在或不在您的数据权限范围内' },
      ]);
    }
    const hash = tx.cipher.hash('idNumber', person.idNumber);
    if ((await selectPendingIncomingByHash(tx.db, hash)).length > 0) throw new AppError('TRANSFER_PENDING');
    const validUntil = await checkedValidUntil(tx, input.issuedOn, input.validUntil);
    const incoming: IncomingPerson = {
      name: person.name,
      idNumberEnc: tx.cipher.encrypt(person.idNumber),
      gender: person.gender,
      birthDate: person.birthDate,
      ethnicity: person.ethnicity,
      education: person.education,
      status: person.status,
      joinedOn: person.joinedOn,
      confirmedOn: person.confirmedOn,
      workUnit: person.workUnit,
      phoneEnc: person.phone ? tx.cipher.encrypt(person.phone) : null,
    };
    return insertTransfer(
      tx,
      {
        kind: 'in',
        status: 'initiated',
        memberName: person.name,
        memberGender: person.gender,
        memberBirthDate: person.birthDate,
        memberStatus: person.status,
        memberJoinedOn: person.joinedOn,
        idNumberHash: hash,
        idNumberMasked: maskCitizenId(person.idNumber),
        incoming,
        fromName: input.origin,
        toOrgId: to.id,
        toOrgPath: to.path,
        toName: to.name,
        reason: input.reason,
        letterNo: input.letterNo,
        issuedOn: input.issuedOn,
        validUntil,
        note: input.note ?? null,
        initiatedBy: tx.actor.userId,
      },
      `登记“${person.name}”由“${input.origin}”转入“${to.name}”的介绍信（${input.letterNo}）`,
      to.path,
    );
  });
  return getTransfer(ctx, encodeId(id));
}

/**
 * The receiving org accepts: within the system the member moves here now (never before); from
 * outside, the member is added to the register and the receipt counts as sent. A probationary
 * member's pipeline follows them, marked as transferred in (D8).
 */
export async function acceptTransfer(ctx: ServiceContext, publicId: string, input: AcceptTransferRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const row = await loadTransferForWrite(tx, publicId, 'incoming', scope, input.version);
    if (row.status !== 'initiated') throw new AppError('TRANSFER_CLOSED');
    assertDate(input.acceptedOn, today, 'acceptedOn', { date: row.issuedOn, label: '发起日期' });
    const to = row.toOrgId === null ? undefined : await selectOrgForTransfer(tx.db, row.toOrgId);
    if (!to || to.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    const memberId =
      row.kind === 'in' && row.incoming
        ? await registerIncomingMember(tx, row, row.incoming, to, input.acceptedOn, today)
        : row.memberId;
    // Close what the transfer ends before the member moves: the accepted transfer keeps the
    // sender's path and the closed out-flow stays with the old branch (paths/README.md).
    const [updated] = await tx.db
      .update(transfers)
      .set({
        status: 'accepted',
        acceptedOn: input.acceptedOn,
        receiptOn: row.kind === 'in' ? input.acceptedOn : row.receiptOn,
        memberId,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(transfers.id, row.id))
      .returning();
    if (!updated) throw new AppError('INTERNAL');
    if (row.kind === 'within' && memberId !== null) {
      await closeFlowingForTransfer(tx, memberId, input.acceptedOn);
      await moveMemberByTransfer(tx, memberId, to, {
        occurredOn: input.acceptedOn,
        transferId: encodeId(row.id),
      });
      await followMemberTransfer(tx, memberId, input.acceptedOn);
    }
    await recordAudit(tx.db, tx.actor, {
      action: 'transfer.accept',
      entityType: 'transfer',
      entityId: row.id,
      orgPath: row.toOrgPath,
      summary: `“${to.name}”接收党员“${row.memberName}”的组织关系（来自“${row.fromName}”）`,
      before: auditView(row),
      after: auditView(updated),
    });
  });
  return getTransfer(ctx, publicId);
}

async function registerIncomingMember(
  ctx: ServiceContext,
  row: TransferRow,
  incoming: IncomingPerson,
  to: { id: number; name: string },
  acceptedOn: string,
  today: string,
): Promise<number> {
  const member = await createMember(ctx, {
    orgId: encodeId(to.id),
    name: incoming.name,
    idNumber: ctx.cipher.decrypt(incoming.idNumberEnc),
    gender: incoming.gender,
    ethnicity: incoming.ethnicity,
    education: incoming.education,
    status: incoming.status,
    joinedOn: incoming.joinedOn,
    confirmedOn: incoming.confirmedOn,
    workUnit: incoming.workUnit,
    phone: incoming.phoneEnc ? ctx.cipher.decrypt(incoming.phoneEnc) : null,
    remark: `由“${row.fromName}”转入${row.letterNo ? `（介绍信 ${row.letterNo}）` : ''}`,
  });
  const memberId = decodeId(member.id);
  if (memberId === null) throw new AppError('INTERNAL');
  await appendMemberEvent(ctx, memberId, {
    kind: 'org_changed',
    occurredOn: acceptedOn,
    detail: { from: row.fromName, to: to.name, transferId: encodeId(row.id) },
  });
  if (incoming.status === 'probationary') {
    const registered = await selectMemberById(ctx.db, memberId, { kind: 'all' });
    if (registered) {
      // Admitted and sworn in elsewhere; education and conversion continue here (D8: transferred in).
      await insertResumed(
        ctx,
        registered,
        { resumeAfterStep: 20, isTransferredIn: true, transferredInOn: acceptedOn },
        today,
      );
    }
  }
  return memberId;
}

/** The receiving org returns a transfer with its reason; the member stays with the sender. */
export async function returnTransfer(ctx: ServiceContext, publicId: string, input: ReturnTransferRequest) {
  const scope = requireScope(ctx.actor, 'transfer.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const row = await loadTransferForWrite(tx, publicId, 'incoming', scope, input.version);
    if (row.status !== 'initiated') throw new AppError('TRANSFER_CLOSED');
    assertDate(input.returnedOn, today, 'returnedOn', { date: row.issuedOn, label: '发起日期' });
    await closeTransfer(tx, row, {
      set: { status: 'returned', returnedOn: input.returnedOn, returnReason: input.reason },
      event: { kind: 'transfer_returned', occurredOn: input.returnedOn, reason: input.reason },
      audit: {
        action: 'transfer.return',
        orgPath: row.toOrgPath,
        summary: `“${row.toName}”退回“${row.memberName}”的组织关系转接：${input.reason}`,
      },
    });
  });
  return getTransfer(ctx, publicId);
}
