import {
  addYears,
  ageOn,
  checkMemberRecord,
  type MemberRecord,
  type MemberRecordInput,
  maskCitizenId,
  maskPhone,
  normalizeCitizenId,
  parseCitizenId,
  todayInShanghai,
} from '@zhibu/shared';
import type {
  CreateMemberRequest,
  LeaveMemberRequest,
  MemberFilter,
  RestoreMemberRequest,
  UpdateMemberRequest,
} from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import { memberEvents, members } from '../../db/schema.ts';
import { AppError, validationError } from '../../lib/appError.ts';
import { pinyinKeys, pinyinSearchKey } from '../../lib/pinyinKeys.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { followMember } from '../../paths/movePaths.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';
import {
  countMembers,
  insertMemberEventsBulk,
  insertMembersBulk,
  type MemberListItem,
  type MemberListQuery,
  type MemberListRow,
  type MemberRow,
  selectMemberBatchAfter,
  selectMemberById,
  selectMemberEvents,
  selectMemberListRowsByIdHashes,
  selectMemberPage,
  selectMembersByIdHashes,
} from './members.queries.ts';
import { elsewhereAnswersLeft, recordElsewhereAnswer } from './registeredElsewhere.ts';

export type { MemberListItem, MemberListRow } from './members.queries.ts';

export function toMemberDto(row: MemberListItem, today: string) {
  return {
    id: encodeId(row.id),
    orgId: encodeId(row.orgId),
    orgName: row.orgName,
    orgShortName: row.orgShortName ?? null,
    name: row.name,
    gender: row.gender,
    idNumberMasked: row.idNumberMasked,
    ethnicity: row.ethnicity,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    nativePlace: row.nativePlace,
    education: row.education,
    status: row.status,
    joinedOn: row.joinedOn,
    confirmedOn: row.confirmedOn,
    workUnit: row.workUnit,
    post: row.post,
    phoneMasked: row.phoneMasked,
    address: row.address,
    remark: row.remark,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    leftNote: row.leftNote,
    version: row.version,
  };
}
export type MemberDto = ReturnType<typeof toMemberDto>;

/** What the audit log keeps of a member: no full ID number or phone. */
function auditView(row: MemberRow) {
  const {
    idNumberEnc: _i,
    idNumberHash: _h,
    phoneEnc: _p,
    phoneHash: _ph,
    namePinyin: _n,
    nameInitials: _ni,
    nameSearch: _ns,
    ...rest
  } = row;
  const { createdAt: _c, updatedAt: _u, ...view } = rest;
  return view;
}

export function memberIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

/** Turns the API filter into a scoped query; `orgId` must itself be in scope. */
export async function buildMemberQuery(
  ctx: ServiceContext,
  filter: MemberFilter,
  scope: Scope,
  today = todayInShanghai(),
): Promise<MemberListQuery> {
  const query: MemberListQuery = {
    scope,
    q: filter.q || undefined,
    status: filter.status,
    gender: filter.gender,
    education: filter.education || undefined,
    ethnicity: filter.ethnicity || undefined,
    includeLeft: filter.includeLeft,
  };
  if (filter.orgId) query.subtreePath = (await loadOrgInScope(ctx, orgIdFrom(filter.orgId), scope)).path;
  if (filter.idNumber) query.idNumberHash = ctx.cipher.hash('idNumber', normalizeCitizenId(filter.idNumber));
  if (filter.ageMin !== undefined) query.bornOnOrBefore = addYears(today, -filter.ageMin);
  if (filter.ageMax !== undefined) query.bornAfter = addYears(today, -(filter.ageMax + 1));
  return query;
}

/** One page of members in the caller's scope matching the filter. */
export async function findMembers(
  ctx: ServiceContext,
  filter: MemberFilter & { page: number; pageSize: number },
) {
  const scope = requireScope(ctx.actor, 'member.read');
  const today = todayInShanghai();
  // The org's subtree is looked up by the page's own statement (one round trip); only an empty
  // page asks whether the org is in scope at all, so an org out of scope is still NOT_FOUND.
  const { orgId, ...rest } = filter;
  const subtreeOrgId = orgId ? orgIdFrom(orgId) : undefined;
  const query = { ...(await buildMemberQuery(ctx, rest, scope, today)), subtreeOrgId };
  const page = await selectMemberPage(ctx.db, query, filter.pageSize, (filter.page - 1) * filter.pageSize);
  if (subtreeOrgId !== undefined && page.items.length === 0) await loadOrgInScope(ctx, subtreeOrgId, scope);
  return { total: page.total, items: page.items.map((r) => toMemberDto(r, today)) };
}

/** Every member matching the filter, in batches (exports). */
export async function* iterateMembers(ctx: ServiceContext, filter: MemberFilter, batchSize = 2000) {
  const scope = requireScope(ctx.actor, 'member.read');
  const today = todayInShanghai();
  const query = await buildMemberQuery(ctx, filter, scope, today);
  let after = 0;
  for (;;) {
    const rows = await selectMemberBatchAfter(ctx.db, query, after, batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => toMemberDto(r, today));
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < batchSize) return;
  }
}

export async function getMember(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'member.read');
  const row = await selectMemberById(ctx.db, memberIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  return toMemberDto(row, todayInShanghai());
}

function checkOrThrow(input: MemberRecordInput): MemberRecord {
  const checked = checkMemberRecord(input, todayInShanghai());
  if (!checked.ok) throw validationError(checked.errors);
  return checked.value;
}

/** Column values derived from a checked record: encrypted identifiers, hashes, masks, name keys. */
export function memberColumns(ctx: ServiceContext, record: MemberRecord) {
  const keys = pinyinKeys(record.name, true);
  return {
    name: record.name,
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    nameSearch: pinyinSearchKey([record.name], true),
    gender: record.gender,
    idNumberEnc: ctx.cipher.encrypt(record.idNumber),
    idNumberHash: ctx.cipher.hash('idNumber', record.idNumber),
    idNumberMasked: maskCitizenId(record.idNumber),
    ethnicity: record.ethnicity,
    birthDate: record.birthDate,
    nativePlace: record.nativePlace,
    education: record.education,
    status: record.status,
    joinedOn: record.joinedOn,
    confirmedOn: record.confirmedOn,
    workUnit: record.workUnit,
    post: record.post,
    phoneEnc: record.phone ? ctx.cipher.encrypt(record.phone) : null,
    phoneHash: record.phone ? ctx.cipher.hash('phone', record.phone) : null,
    phoneMasked: record.phone ? maskPhone(record.phone) : null,
    address: record.address,
    remark: record.remark,
  };
}

async function loadTargetOrg(ctx: ServiceContext, orgPublicId: string, scope: Scope) {
  const org = await loadOrgInScope(ctx, orgIdFrom(orgPublicId), scope).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') {
      throw validationError([
        { field: 'orgId', code: 'ORG_NOT_FOUND', message: '所在党组织不存在或不在您的数据权限范围内' },
      ]);
    }
    throw e;
  });
  if (org.dissolvedOn) {
    throw validationError([
      { field: 'orgId', code: 'ORG_DISSOLVED', message: `“${org.name}”已撤销，不能再接收党员` },
    ]);
  }
  return org;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/**
 * Refuses an ID number already on the register (other than `exceptId`). Inside the caller's scope
 * the answer names the org; outside it says only that the person is registered elsewhere, counted
 * against the caller's hourly allowance, and once that is used up no ID number is checked at all.
 */
async function refuseRegisteredIdNumber(
  ctx: ServiceContext,
  scope: Scope,
  idNumber: string,
  via: 'create' | 'update',
  exceptId?: number,
): Promise<void> {
  const hash = ctx.cipher.hash('idNumber', idNumber);
  const [existing] = (await selectMemberListRowsByIdHashes(ctx.db, [hash])).filter((m) => m.id !== exceptId);
  if (existing && isPathInScope(existing.orgPath, scope)) {
    throw new AppError('DUPLICATE_ID_NUMBER', `该公民身份号码已在“${existing.orgName}”登记`);
  }
  if (scope.kind === 'all') return;
  if ((await elsewhereAnswersLeft(ctx)) <= 0) throw new AppError('ID_CHECK_LIMIT');
  if (!existing) return;
  await recordElsewhereAnswer(ctx, scope, { idNumberMasked: maskCitizenId(idNumber), via });
  throw new AppError('ID_REGISTERED_ELSEWHERE');
}

/** Adds a member to the register; the ID number must not be registered already. */
export async function createMember(ctx: ServiceContext, input: CreateMemberRequest) {
  const scope = requireScope(ctx.actor, 'member.write');
  const record = checkOrThrow(input);
  const today = todayInShanghai();
  await refuseRegisteredIdNumber(ctx, scope, record.idNumber, 'create');
  try {
    return await inTransaction(ctx, async (tx) => {
      const org = await loadTargetOrg(tx, input.orgId, scope);
      const hash = ctx.cipher.hash('idNumber', record.idNumber);
      if ((await selectMembersByIdHashes(tx.db, [hash])).length > 0)
        throw new AppError('DUPLICATE_ID_NUMBER');
      const [row] = await tx.db
        .insert(members)
        .values({ ...memberColumns(tx, record), orgId: org.id, orgPath: org.path })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      await recordInitialEvents(tx, row, today);
      await recordAudit(tx.db, tx.actor, {
        action: 'member.create',
        entityType: 'member',
        entityId: row.id,
        orgPath: row.orgPath,
        summary: `新增党员“${row.name}”`,
        after: auditView(row),
      });
      return toMemberDto({ ...row, orgName: org.name }, today);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE_ID_NUMBER');
    throw e;
  }
}

/** The timeline's first entries: admission, conversion, and registration in zhibu. */
export async function recordInitialEvents(ctx: ServiceContext, row: MemberRow, today: string) {
  const events = [
    { memberId: row.id, kind: 'joined', occurredOn: row.joinedOn, detail: {}, actorUserId: ctx.actor.userId },
    ...(row.confirmedOn
      ? [
          {
            memberId: row.id,
            kind: 'confirmed',
            occurredOn: row.confirmedOn,
            detail: {},
            actorUserId: ctx.actor.userId,
          },
        ]
      : []),
    { memberId: row.id, kind: 'registered', occurredOn: today, detail: {}, actorUserId: ctx.actor.userId },
  ];
  await ctx.db.insert(memberEvents).values(events);
}

/** The member's current data as checker input, with identifiers decrypted. */
export function recordInputOf(ctx: ServiceContext, row: MemberRow): MemberRecordInput {
  return {
    name: row.name,
    gender: row.gender,
    idNumber: ctx.cipher.decrypt(row.idNumberEnc),
    ethnicity: row.ethnicity,
    birthDate: row.birthDate,
    nativePlace: row.nativePlace,
    education: row.education,
    status: row.status,
    joinedOn: row.joinedOn,
    confirmedOn: row.confirmedOn,
    workUnit: row.workUnit,
    post: row.post,
    phone: row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc) : null,
    address: row.address,
    remark: row.remark,
  };
}

/** Edits a member; `version` must match. A change of org moves the member within the caller's scope. */
export async function updateMember(ctx: ServiceContext, publicId: string, input: UpdateMemberRequest) {
  const scope = requireScope(ctx.actor, 'member.write');
  const today = todayInShanghai();
  if (input.idNumber !== undefined) {
    const id = memberIdFrom(publicId);
    // Only for a member the caller may edit, or this would answer for any id.
    if (await selectMemberById(ctx.db, id, scope)) {
      const parsed = parseCitizenId(input.idNumber, today);
      if (parsed.ok) await refuseRegisteredIdNumber(ctx, scope, parsed.value.id, 'update', id);
    }
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await selectMemberById(tx.db, memberIdFrom(publicId), scope, true);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
      if (before.leftOn) throw new AppError('MEMBER_LEFT');
      const { version: _v, orgId: newOrgId, ...fields } = input;
      const merged = { ...recordInputOf(tx, before), ...fields };
      // A changed ID number re-derives gender and birth date unless they were sent too.
      if (fields.idNumber !== undefined) {
        if (fields.gender === undefined) merged.gender = undefined;
        if (fields.birthDate === undefined) merged.birthDate = undefined;
      }
      const record = checkOrThrow(merged);
      let org = { id: before.orgId, path: before.orgPath, name: before.orgName };
      if (newOrgId !== undefined && orgIdFrom(newOrgId) !== before.orgId) {
        const target = await loadTargetOrg(tx, newOrgId, scope);
        org = { id: target.id, path: target.path, name: target.name };
        await followMember(tx, before, org);
      }
      const columns = memberColumns(tx, record);
      if (columns.idNumberHash !== before.idNumberHash) {
        const clash = await selectMembersByIdHashes(tx.db, [columns.idNumberHash]);
        if (clash.some((m) => m.id !== before.id)) throw new AppError('DUPLICATE_ID_NUMBER');
      }
      const [row] = await tx.db
        .update(members)
        .set({
          ...columns,
          orgId: org.id,
          orgPath: org.path,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(members.id, before.id))
        .returning();
      if (!row) throw new AppError('INTERNAL');
      const events: { kind: string; detail: Record<string, unknown>; occurredOn?: string }[] = [];
      if (org.id !== before.orgId) {
        events.push({ kind: 'org_changed', detail: { from: before.orgName, to: org.name } });
      }
      if (row.confirmedOn && row.confirmedOn !== before.confirmedOn) {
        events.push({ kind: 'confirmed', detail: {}, occurredOn: row.confirmedOn });
      }
      events.push({ kind: 'updated', detail: { fields: Object.keys(fields) } });
      await tx.db.insert(memberEvents).values(
        events.map((e) => ({
          memberId: row.id,
          kind: e.kind,
          occurredOn: e.occurredOn ?? today,
          detail: e.detail,
          actorUserId: tx.actor.userId,
        })),
      );
      await recordAudit(tx.db, tx.actor, {
        action: 'member.update',
        entityType: 'member',
        entityId: row.id,
        orgPath: row.orgPath,
        summary: `修改党员“${row.name}”`,
        before: auditView(before),
        after: auditView(row),
      });
      return toMemberDto({ ...row, orgName: org.name }, today);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE_ID_NUMBER');
    throw e;
  }
}

/** Records a member's leaving the register (death, transfer out, 出党, 停止党籍); never deletes. */
export async function leaveMember(ctx: ServiceContext, publicId: string, input: LeaveMemberRequest) {
  const scope = requireScope(ctx.actor, 'member.write');
  const today = todayInShanghai();
  return inTransaction(ctx, async (tx) => {
    const before = await selectMemberById(tx.db, memberIdFrom(publicId), scope, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (before.leftOn) throw new AppError('MEMBER_LEFT');
    if (input.leftOn > today) {
      throw validationError([{ field: 'leftOn', code: 'DATE_IN_FUTURE', message: '减少日期不能晚于今天' }]);
    }
    if (input.leftOn < before.joinedOn) {
      throw validationError([
        { field: 'leftOn', code: 'DATE_BEFORE_JOINED', message: '减少日期不能早于入党日期' },
      ]);
    }
    const [row] = await tx.db
      .update(members)
      .set({
        leftOn: input.leftOn,
        leftReason: input.reason,
        leftNote: input.note ?? null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(members.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await tx.db.insert(memberEvents).values({
      memberId: row.id,
      kind: 'left',
      occurredOn: input.leftOn,
      detail: { reason: input.reason, note: input.note ?? null },
      actorUserId: tx.actor.userId,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'member.leave',
      entityType: 'member',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `党员“${row.name}”减少：${input.reason}`,
      before: auditView(before),
      after: auditView(row),
    });
    return toMemberDto({ ...row, orgName: before.orgName }, today);
  });
}

/**
 * Puts a departed member back on the register: 恢复党籍 after 停止党籍, or the reversal of a
 * wrongly recorded reduction. The reduction stays in the timeline; a `restored` event records the
 * date, the reason and which of the two it was (dues and rules start counting again from it).
 */
export async function restoreMember(ctx: ServiceContext, publicId: string, input: RestoreMemberRequest) {
  const scope = requireScope(ctx.actor, 'member.write');
  const today = todayInShanghai();
  return inTransaction(ctx, async (tx) => {
    const before = await selectMemberById(tx.db, memberIdFrom(publicId), scope, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (!before.leftOn) throw new AppError('MEMBER_NOT_LEFT');
    if (input.restoredOn > today) {
      throw validationError([
        { field: 'restoredOn', code: 'DATE_IN_FUTURE', message: '恢复日期不能晚于今天' },
      ]);
    }
    if (input.restoredOn < before.leftOn) {
      throw validationError([
        { field: 'restoredOn', code: 'DATE_BEFORE_LEFT', message: '恢复日期不能早于减少日期' },
      ]);
    }
    const mode = before.leftReason === 'suspended' ? 'suspension_lifted' : 'correction';
    const [row] = await tx.db
      .update(members)
      .set({
        leftOn: null,
        leftReason: null,
        leftNote: null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(members.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await tx.db.insert(memberEvents).values({
      memberId: row.id,
      kind: 'restored',
      occurredOn: input.restoredOn,
      detail: {
        restoreMode: mode,
        restoreReason: input.reason,
        leftOn: before.leftOn,
        leftReason: before.leftReason,
      },
      actorUserId: tx.actor.userId,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'member.restore',
      entityType: 'member',
      entityId: row.id,
      orgPath: row.orgPath,
      summary:
        mode === 'suspension_lifted'
          ? `党员“${row.name}”恢复党籍：${input.reason}`
          : `撤销党员“${row.name}”的减少记录（${before.leftReason ?? ''}）：${input.reason}`,
      before: auditView(before),
      after: auditView(row),
    });
    return toMemberDto({ ...row, orgName: before.orgName }, today);
  });
}

/** Shows one full identifier to a permitted caller; every reveal is audited. */
export async function revealMemberField(ctx: ServiceContext, publicId: string, field: 'idNumber' | 'phone') {
  const scope = requireScope(ctx.actor, 'member.reveal');
  const row = await selectMemberById(ctx.db, memberIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  const sealed = field === 'idNumber' ? row.idNumberEnc : row.phoneEnc;
  await recordAudit(ctx.db, ctx.actor, {
    action: 'member.reveal',
    entityType: 'member',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: `查看党员“${row.name}”的完整${field === 'idNumber' ? '公民身份号码' : '联系电话'}`,
  });
  return { value: sealed ? ctx.cipher.decrypt(sealed) : null };
}

export async function listMemberEvents(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'member.read');
  const row = await selectMemberById(ctx.db, memberIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  const events = await selectMemberEvents(ctx.db, row.id);
  return {
    items: events.map((e) => ({
      id: encodeId(e.id),
      kind: e.kind,
      occurredOn: e.occurredOn,
      detail: e.detail,
      actor: e.actor,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** Adds one entry to a member's timeline (development, transfer and flowing events); caller checked scope. */
export async function appendMemberEvent(
  ctx: ServiceContext,
  memberId: number,
  event: { kind: string; occurredOn: string; detail?: Record<string, unknown> },
): Promise<void> {
  await ctx.db.insert(memberEvents).values({
    memberId,
    kind: event.kind,
    occurredOn: event.occurredOn,
    detail: event.detail ?? {},
    actorUserId: ctx.actor.userId,
  });
}

/**
 * Moves a member to another org when a transfer (组织关系转接) is accepted. The receiving side acts
 * and the member is outside its scope until now, so the transfers service authorizes the move; this
 * only writes the register, the timeline (`org_changed`) and the audit log.
 */
export async function moveMemberByTransfer(
  ctx: ServiceContext,
  memberId: number,
  to: { id: number; path: string; name: string },
  input: { occurredOn: string; transferId: string },
) {
  const before = await selectMemberById(ctx.db, memberId, { kind: 'all' }, true);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.leftOn) throw new AppError('MEMBER_LEFT');
  await followMember(ctx, before, to);
  const [row] = await ctx.db
    .update(members)
    .set({ orgId: to.id, orgPath: to.path, version: before.version + 1, updatedAt: new Date() })
    .where(eq(members.id, before.id))
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await appendMemberEvent(ctx, row.id, {
    kind: 'org_changed',
    occurredOn: input.occurredOn,
    detail: { from: before.orgName, to: to.name, transferId: input.transferId },
  });
  await recordAudit(ctx.db, ctx.actor, {
    action: 'member.transfer',
    entityType: 'member',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: `党员“${row.name}”组织关系由“${before.orgName}”转入“${to.name}”`,
    before: auditView(before),
    after: auditView(row),
  });
  return toMemberDto({ ...row, orgName: to.name }, todayInShanghai());
}

// ---------------------------------------------------------------------------------------------
// Bulk operations for spreadsheet imports and exports. Callers have checked the scope of every
// row (imports resolve orgs within the caller's scope and refuse members outside it).

/** Record fields stored as they are (the ID number and phone are stored encrypted, compared by hash). */
const PLAIN_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'nativePlace',
  'education',
  'status',
  'joinedOn',
  'confirmedOn',
  'workUnit',
  'post',
  'address',
  'remark',
] as const satisfies readonly (keyof MemberRecord & keyof MemberRow)[];

/** Whether a checked record would change nothing on the stored member (same org, same fields). */
export function isMemberUnchanged(
  ctx: ServiceContext,
  row: MemberRow,
  record: MemberRecord,
  orgId: number,
): boolean {
  const phoneHash = record.phone ? ctx.cipher.hash('phone', record.phone) : null;
  return (
    row.orgId === orgId &&
    row.idNumberHash === ctx.cipher.hash('idNumber', record.idNumber) &&
    row.phoneHash === phoneHash &&
    PLAIN_FIELDS.every((k) => row[k] === record[k])
  );
}

/**
 * Adds checked members in one multi-row insert, with their initial timeline events. Writes one
 * audit entry for the batch (listing every member with a masked ID number) instead of one per
 * member: per-row audit inserts would dominate the time of a 10⁵-row import.
 */
export async function insertImportedMembers(
  ctx: ServiceContext,
  items: { record: MemberRecord; org: { id: number; path: string } }[],
  options: { today: string; auditOrgPath: string | null; source: string },
): Promise<{ id: number; name: string }[]> {
  if (items.length === 0) return [];
  const rows = await insertMembersBulk(
    ctx.db,
    items.map(({ record, org }) => ({ ...memberColumns(ctx, record), orgId: org.id, orgPath: org.path })),
  );
  const actorUserId = ctx.actor.userId;
  await insertMemberEventsBulk(
    ctx.db,
    rows.flatMap((row) => [
      { memberId: row.id, kind: 'joined', occurredOn: row.joinedOn, detail: {}, actorUserId },
      ...(row.confirmedOn
        ? [{ memberId: row.id, kind: 'confirmed', occurredOn: row.confirmedOn, detail: {}, actorUserId }]
        : []),
      {
        memberId: row.id,
        kind: 'registered',
        occurredOn: options.today,
        detail: { source: 'import' },
        actorUserId,
      },
    ]),
  );
  await recordAudit(ctx.db, ctx.actor, {
    action: 'member.import',
    entityType: 'member',
    orgPath: options.auditOrgPath,
    summary: `导入新增党员 ${rows.length} 名（${options.source}）`,
    after: {
      members: rows.map((r) => ({
        id: encodeId(r.id),
        name: r.name,
        idNumberMasked: r.idNumberMasked,
        orgId: encodeId(r.orgId),
      })),
    },
  });
  return rows;
}

/** Applies a checked record from an import to an existing member, with timeline events and a per-member audit entry. */
export async function updateImportedMember(
  ctx: ServiceContext,
  before: MemberListRow,
  record: MemberRecord,
  org: { id: number; path: string; name: string },
  today: string,
): Promise<MemberRow> {
  const columns = memberColumns(ctx, record);
  if (org.id !== before.orgId) await followMember(ctx, before, org);
  const [row] = await ctx.db
    .update(members)
    .set({ ...columns, orgId: org.id, orgPath: org.path, version: before.version + 1, updatedAt: new Date() })
    .where(eq(members.id, before.id))
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const changed: string[] = PLAIN_FIELDS.filter((k) => record[k] !== before[k]);
  if ((record.phone ? ctx.cipher.hash('phone', record.phone) : null) !== before.phoneHash)
    changed.push('phone');
  const events: { kind: string; detail: Record<string, unknown>; occurredOn: string }[] = [];
  if (org.id !== before.orgId) {
    events.push({ kind: 'org_changed', detail: { from: before.orgName, to: org.name }, occurredOn: today });
  }
  if (row.confirmedOn && row.confirmedOn !== before.confirmedOn) {
    events.push({ kind: 'confirmed', detail: {}, occurredOn: row.confirmedOn });
  }
  events.push({ kind: 'updated', detail: { fields: changed, source: 'import' }, occurredOn: today });
  await ctx.db
    .insert(memberEvents)
    .values(events.map((e) => ({ memberId: row.id, ...e, actorUserId: ctx.actor.userId })));
  await recordAudit(ctx.db, ctx.actor, {
    action: 'member.update',
    entityType: 'member',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: `导入修改党员“${row.name}”`,
    before: auditView(before),
    after: auditView(row),
  });
  return row;
}

/** A filter as the audit log keeps it: an ID number only masked. */
function maskedFilter(filter: MemberFilter): MemberFilter {
  return filter.idNumber ? { ...filter, idNumber: maskCitizenId(filter.idNumber) } : filter;
}

/** A member as an export row: the list's fields plus the ID number and phone, masked unless `full`. */
export type MemberExportRow = MemberDto & { idNumber: string; phone: string | null };

/**
 * Every member matching the filter, in batches, for an export. `full` needs `member.reveal` (and
 * limits the export to that scope) and writes the whole ID numbers and phones; each export is
 * audited once, a full one as a reveal.
 */
export async function* iterateMembersForExport(
  ctx: ServiceContext,
  filter: MemberFilter,
  options: { full: boolean },
  batchSize = 2000,
): AsyncGenerator<MemberExportRow[]> {
  const scope = requireScope(ctx.actor, options.full ? 'member.reveal' : 'member.read');
  const today = todayInShanghai();
  const query = await buildMemberQuery(ctx, filter, scope, today);
  const scopeRoot = scope.kind === 'paths' && scope.paths.length === 1 ? (scope.paths[0] ?? null) : null;
  const rowCount = await countMembers(ctx.db, query);
  // A full export is a reveal of every row's identifiers: audited before the first row leaves,
  // with the number of rows and the filter (its ID number masked, like everything in the log).
  await recordAudit(ctx.db, ctx.actor, {
    action: options.full ? 'member.export.full' : 'member.export',
    entityType: 'member',
    orgPath: query.subtreePath ?? scopeRoot,
    summary: options.full
      ? `导出党员名册 ${rowCount} 人（含完整公民身份号码和联系电话，视同查看）`
      : `导出党员名册 ${rowCount} 人（身份号码和电话已脱敏）`,
    after: { filter: maskedFilter(filter), rows: rowCount, ...(options.full ? { reveal: true } : {}) },
  });
  let after = 0;
  for (;;) {
    const rows = await selectMemberBatchAfter(ctx.db, query, after, batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      ...toMemberDto(r, today),
      idNumber: options.full ? ctx.cipher.decrypt(r.idNumberEnc) : r.idNumberMasked,
      phone: options.full ? (r.phoneEnc ? ctx.cipher.decrypt(r.phoneEnc) : null) : r.phoneMasked,
    }));
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < batchSize) return;
  }
}
