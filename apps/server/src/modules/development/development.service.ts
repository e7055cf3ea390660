import {
  addMonths,
  countWorkingDays,
  developmentStepName,
  lookupEducation,
  lookupEthnicity,
  maskCitizenId,
  maskPhone,
  normalizePhone,
  parseCitizenId,
  todayInShanghai,
} from '@zhibu/shared';
import type {
  CreateApplicantRequest,
  DevelopmentPerson,
  DevelopmentPersonListItem,
  DevelopmentStepRecord,
  GetDevelopmentPersonResponse,
  GrantAdmissionAuthorityRequest,
  ListDevelopmentPeopleRequest,
  RecordStepRequest,
  ResumeProbationRequest,
  UpdateApplicantRequest,
  WithdrawApplicantRequest,
} from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { AppError, type FieldError, validationError } from '../../lib/appError.ts';
import { pinyinKeys, pinyinSearchKey } from '../../lib/pinyinKeys.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import {
  ACTIVIST_ONE_YEAR,
  APPLICANT_AGE,
  APPROVAL_WITHIN,
  ASSEMBLY_AFTER_PREREVIEW_2026,
  type Breach,
  checkActivistYear,
  checkApplicantAge,
  checkApprovalWindow,
  checkApprover,
  checkAssemblyAfterPrereview,
  checkAuthorityGrant,
  checkMentors,
  checkOathAfterApproval,
  checkPoliticalReview,
  checkPublicity,
  checkSponsors,
  checkStepOrder,
  checkTalk,
  checkTraining,
  checkVote,
  MENTORS,
  OATH_AFTER_APPROVAL_2026,
  PUBLICITY_2026,
  ruleOn,
  SPONSORS,
  TALK_WITHIN_MONTH,
  TRAINING,
  voteCountErrors,
} from '../../rules/development.rules.ts';
import {
  CONVERSION_APPROVAL,
  checkConversionApproval,
  checkConversionTiming,
  checkExtension,
  EXTENSION,
  partyAgeOn,
} from '../../rules/probation.rules.ts';
import { effectiveParams, loadStoredParams } from '../../rules/ruleEngine.ts';
import { ruleViolation } from '../../rules/ruleViolation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { selectMemberById } from '../members/members.queries.ts';
import {
  appendMemberEvent,
  createMember,
  getMember,
  leaveMember,
  updateMember,
} from '../members/members.service.ts';
import { idsOnPath } from '../orgs/orgPath.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';
import {
  countByStage,
  type NewStep,
  type PersonListRow,
  type PersonRow,
  type StepListRow,
  selectActiveByIdHash,
  selectAuthorities,
  selectAuthorityOrgIds,
  selectMemberStandings,
  selectOrgsByIds,
  selectPeoplePage,
  selectPersonById,
  selectPersonByMemberId,
  selectRegisteredByIdHash,
  selectSteps,
} from './development.queries.ts';
import { admissionAuthorities, developmentPeople, developmentSteps } from './development.schema.ts';
import { type ParamsReader, pipelineDeadlines } from './pipelineDeadlines.ts';
import {
  allowedSteps,
  applyStep,
  deriveState,
  emptyState,
  type PipelineState,
  resumedState,
  type StepFact,
} from './pipelineState.ts';
import { loadWorkingDayCalendar } from './workingDayCalendar.ts';

const STAGES = ['applicant', 'activist', 'candidate', 'probationary'] as const;

export function personIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

/** Parameters in force for every rule, read once per request. */
async function paramsReader(db: Executor): Promise<ParamsReader> {
  const stored = await loadStoredParams(db);
  return (rule) => effectiveParams(rule, stored.get(rule.id)?.params);
}

function refuse(breach: Breach | null): void {
  if (breach) throw ruleViolation(breach.rule, breach.message, breach.field);
}

function toListItem(row: PersonListRow, today: string): DevelopmentPersonListItem {
  return {
    id: encodeId(row.id),
    orgId: encodeId(row.orgId),
    orgName: row.orgName,
    name: row.name,
    gender: row.gender,
    stage: row.stage,
    status: row.status,
    lastStep: row.lastStep,
    lastStepOn: row.lastStepOn,
    nextSteps: row.status === 'active' ? nextStepsOf(row) : [],
    dueOn: row.dueOn,
    dueRule: row.dueRule,
    isOverdue: row.status === 'active' && row.dueOn !== null && row.dueOn < today,
  };
}

/** Next steps as stored state allows (the list does not load each person's steps). */
function nextStepsOf(row: Pick<PersonRow, 'lastStep' | 'status'>): number[] {
  return allowedSteps({ ...emptyState(), cursor: row.lastStep, status: 'active' });
}

function toPersonDto(
  row: PersonListRow,
  state: PipelineState,
  read: ParamsReader,
  today: string,
): DevelopmentPerson {
  const deadlines = pipelineDeadlines(state, row, read, today);
  return {
    ...toListItem(row, today),
    nextSteps: row.status === 'active' ? allowedSteps(state) : [],
    idNumberMasked: row.idNumberMasked,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity,
    education: row.education,
    workUnit: row.workUnit,
    post: row.post,
    phoneMasked: row.phoneMasked,
    address: row.address,
    appliedOn: row.appliedOn,
    activistOn: row.activistOn,
    candidateOn: row.candidateOn,
    admittedOn: row.admittedOn,
    approvedOn: row.approvedOn,
    probationEndsOn: row.probationEndsOn,
    extensionMonths: row.extensionMonths,
    confirmedOn: row.confirmedOn,
    partyAgeYears: partyAgeOn(row.confirmedOn, today),
    isTransferredIn: row.isTransferredIn,
    transferredInOn: row.transferredInOn,
    resumedAfterStep: row.resumedAfterStep,
    memberId: row.memberId === null ? null : encodeId(row.memberId),
    withdrawnOn: row.withdrawnOn,
    withdrawnReason: row.withdrawnReason,
    deadlines,
    dueOn: row.status === 'active' ? (deadlines[0]?.dueOn ?? null) : null,
    dueRule: row.status === 'active' ? (deadlines[0]?.rule ?? null) : null,
    isOverdue: deadlines.some((d) => d.isOverdue),
    version: row.version,
  };
}

function toStepRecord(row: StepListRow): DevelopmentStepRecord {
  const people = row.people ?? [];
  const hasVote =
    row.voteExpected !== null &&
    row.votePresent !== null &&
    row.voteYes !== null &&
    row.voteNo !== null &&
    row.voteAbstain !== null &&
    row.voteFullMembers !== null;
  return {
    id: encodeId(row.id),
    step: row.step,
    round: row.round,
    occurredOn: row.occurredOn,
    actingOrg:
      row.actingOrgId !== null
        ? { id: encodeId(row.actingOrgId), name: row.actingOrgRealName ?? row.actingOrgName ?? '' }
        : row.actingOrgName
          ? { id: null, name: row.actingOrgName }
          : null,
    responsible: row.responsible,
    documentNo: row.documentNo,
    attachmentName: row.attachmentName,
    note: row.note,
    vote: hasVote
      ? {
          expected: row.voteExpected ?? 0,
          present: row.votePresent ?? 0,
          yes: row.voteYes ?? 0,
          no: row.voteNo ?? 0,
          abstain: row.voteAbstain ?? 0,
          votingFullMembers: row.voteFullMembers ?? 0,
        }
      : null,
    decision: row.decision,
    mentors: people
      .filter((p) => p.role === 'mentor')
      .map((p) => ({ id: encodeId(p.memberId), name: p.name })),
    sponsors: people
      .filter((p) => p.role === 'sponsor')
      .map((p) => ({ id: encodeId(p.memberId), name: p.name })),
    conclusion: row.conclusion,
    trainingDays: row.trainingDays,
    classHours: row.classHours,
    publicityFrom: row.publicityFrom,
    publicityTo: row.publicityTo,
    publicityWorkingDays: row.publicityWorkingDays,
    extensionMonths: row.extensionMonths,
    specialReason: row.specialReason,
    recordedBy: row.recordedByName,
    createdAt: row.createdAt.toISOString(),
  };
}

function factOf(row: Pick<StepListRow, 'step' | 'occurredOn' | 'decision' | 'extensionMonths'>): StepFact {
  return {
    step: row.step,
    occurredOn: row.occurredOn,
    decision: row.decision,
    extensionMonths: row.extensionMonths,
  };
}

function startState(row: PersonRow, memberJoinedOn: string | null): PipelineState {
  if (row.resumedAfterStep !== null && memberJoinedOn) {
    return resumedState({
      joinedOn: memberJoinedOn,
      afterStep: row.resumedAfterStep,
      startedOn: row.createdAt.toISOString().slice(0, 10),
    });
  }
  return emptyState();
}

/** The derived columns written back on every change, so lists and the board need no step scan. */
function stateColumns(
  state: PipelineState,
  person: Pick<PersonRow, 'isTransferredIn'>,
  read: ParamsReader,
  today: string,
) {
  const deadlines = pipelineDeadlines(state, person, read, today);
  return {
    stage: state.stage,
    status: state.status,
    lastStep: state.cursor,
    lastStepOn: state.lastStepOn,
    round: state.round,
    dueOn: deadlines[0]?.dueOn ?? null,
    dueRule: deadlines[0]?.rule ?? null,
    appliedOn: state.appliedOn,
    activistOn: state.activistOn,
    lastReviewOn: state.lastReviewOn,
    candidateOn: state.candidateOn,
    prereviewOn: state.prereviewOn,
    admittedOn: state.admittedOn,
    approvedOn: state.approvedOn,
    oathOn: state.oathOn,
    conversionVotedOn: state.conversionVotedOn,
    probationEndsOn: state.probationEndsOn,
    extensionMonths: state.extensionMonths,
    confirmedOn: state.confirmedOn,
  };
}

async function memberJoinedOnOf(ctx: ServiceContext, row: PersonRow): Promise<string | null> {
  if (row.memberId === null) return null;
  const member = await selectMemberById(ctx.db, row.memberId, { kind: 'all' });
  return member?.joinedOn ?? null;
}

async function loadState(ctx: ServiceContext, row: PersonRow) {
  const steps = await selectSteps(ctx.db, row.id);
  const start = startState(row, await memberJoinedOnOf(ctx, row));
  return { steps, state: deriveState(start, steps.map(factOf)) };
}

/** What the audit log keeps of a person: no full ID number or phone. */
function auditView(row: PersonRow) {
  const {
    idNumberEnc: _i,
    idNumberHash: _h,
    phoneEnc: _p,
    namePinyin: _n,
    nameInitials: _ni,
    nameSearch: _ns,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = row;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Counts per stage (and how many are past a deadline) in an org's subtree or the caller's scope. */
export async function getDevelopmentBoard(ctx: ServiceContext, input: { orgId?: string }) {
  const scope = requireScope(ctx.actor, 'development.read');
  const today = todayInShanghai();
  const org = input.orgId ? await loadOrgInScope(ctx, orgIdFrom(input.orgId), scope) : null;
  const rows = await countByStage(ctx.db, scope, org?.path, today);
  return {
    org: org ? { id: encodeId(org.id), name: org.name } : null,
    asOf: today,
    stages: STAGES.map((stage) => {
      const row = rows.find((r) => r.stage === stage);
      return { stage, count: row?.count ?? 0, overdue: row?.overdue ?? 0 };
    }),
  };
}

/** A page of people in the pipeline; deadlines first. */
export async function findDevelopmentPeople(ctx: ServiceContext, input: ListDevelopmentPeopleRequest) {
  const scope = requireScope(ctx.actor, 'development.read');
  const today = todayInShanghai();
  const org = input.orgId ? await loadOrgInScope(ctx, orgIdFrom(input.orgId), scope) : null;
  const page = await selectPeoplePage(
    ctx.db,
    {
      scope,
      subtreePath: org?.path,
      stage: input.stage,
      status: input.status,
      q: input.q || undefined,
      overdueBefore: input.isOverdue ? today : undefined,
    },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return { total: page.total, items: page.items.map((r) => toListItem(r, today)) };
}

/** Committees above the person's branch that the caller may act for, and which of them may approve. */
async function committeesFor(ctx: ServiceContext, orgPath: string) {
  const scope = requireScope(ctx.actor, 'development.write');
  const ancestorIds = idsOnPath(orgPath).slice(0, -1);
  const orgs = await selectOrgsByIds(ctx.db, ancestorIds);
  const committees = orgs
    .filter(
      (o) => (o.type === 'party_committee' || o.type === 'working_committee') && isPathInScope(o.path, scope),
    )
    .sort((a, b) => b.path.length - a.path.length);
  const authorities = await selectAuthorityOrgIds(
    ctx.db,
    committees.map((c) => c.id),
  );
  return committees.map((c) => ({ ...c, canApprove: authorities.has(c.id) }));
}

/** One person with the 25-step checklist, deadlines and the committees the caller may record for. */
export async function getDevelopmentPerson(
  ctx: ServiceContext,
  publicId: string,
): Promise<GetDevelopmentPersonResponse> {
  const scope = requireScope(ctx.actor, 'development.read');
  const row = await selectPersonById(ctx.db, personIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  const today = todayInShanghai();
  const read = await paramsReader(ctx.db);
  const { steps, state } = await loadState(ctx, row);
  const records = steps.map(toStepRecord);
  const next = row.status === 'active' ? allowedSteps(state) : [];
  const checklist = Array.from({ length: 25 }, (_, i) => {
    const step = i + 1;
    const own = records.filter((r) => r.step === step);
    const isExternal = row.resumedAfterStep !== null && step <= row.resumedAfterStep && own.length === 0;
    const status =
      own.length > 0 ? 'done' : isExternal ? 'external' : next.includes(step) ? 'next' : 'pending';
    return { step, status, records: own } as const;
  });
  const canWrite = requireScopeOrNull(ctx, 'development.write');
  const committees = canWrite ? await committeesFor(ctx, row.orgPath) : [];
  return {
    ...toPersonDto(row, state, read, today),
    checklist,
    committees: committees.map((c) => ({ id: encodeId(c.id), name: c.name, canApprove: c.canApprove })),
    canRecordCommitteeSteps: committees.length > 0,
  };
}

function requireScopeOrNull(ctx: ServiceContext, action: 'development.write'): Scope | null {
  try {
    return requireScope(ctx.actor, action);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

interface CheckedPerson {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  phone: string | null;
}

/** Validates the identity fields (GB 11643 ID, code tables, phone); field errors like the register's. */
function checkPersonFields(
  input: Partial<CreateApplicantRequest>,
  today: string,
  current?: CheckedPerson,
): CheckedPerson {
  const errors: FieldError[] = [];
  let idNumber = current?.idNumber ?? '';
  let gender = current?.gender ?? 'male';
  let birthDate = current?.birthDate ?? today;
  if (input.idNumber !== undefined) {
    const parsed = parseCitizenId(input.idNumber, today);
    if (!parsed.ok) errors.push({ field: 'idNumber', code: parsed.code, message: parsed.message });
    else {
      idNumber = parsed.value.id;
      gender = parsed.value.gender;
      birthDate = parsed.value.birthDate;
    }
  }
  if (input.gender !== undefined && input.gender !== gender && errors.length === 0) {
    errors.push({ field: 'gender', code: 'GENDER_MISMATCH', message: '性别与公民身份号码不一致' });
  }
  const code = (
    value: string | null | undefined,
    lookup: (input: string) => { code: string } | undefined,
    field: string,
    label: string,
  ) => {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return null;
    const found = lookup(value);
    if (!found)
      errors.push({
        field,
        code: `${field.toUpperCase()}_UNKNOWN`,
        message: `${label}“${value}”不在代码表中`,
      });
    return found?.code ?? null;
  };
  const ethnicity = code(input.ethnicity, lookupEthnicity, 'ethnicity', '民族');
  const education = code(input.education, lookupEducation, 'education', '学历');
  let phone = current?.phone ?? null;
  if (input.phone !== undefined) {
    if (input.phone === null || input.phone.trim() === '') phone = null;
    else {
      const p = normalizePhone(input.phone);
      if (!p.ok) errors.push({ field: 'phone', code: p.code, message: p.message });
      else phone = p.value;
    }
  }
  if (errors.length > 0) throw validationError(errors);
  return {
    name: input.name ?? current?.name ?? '',
    idNumber,
    gender,
    birthDate,
    ethnicity: ethnicity === undefined ? (current?.ethnicity ?? null) : ethnicity,
    education: education === undefined ? (current?.education ?? null) : education,
    phone,
  };
}

function identityColumns(ctx: ServiceContext, p: CheckedPerson) {
  const keys = pinyinKeys(p.name, true);
  return {
    name: p.name,
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    nameSearch: pinyinSearchKey([p.name], true),
    gender: p.gender,
    idNumberEnc: ctx.cipher.encrypt(p.idNumber),
    idNumberHash: ctx.cipher.hash('idNumber', p.idNumber),
    idNumberMasked: maskCitizenId(p.idNumber),
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    education: p.education,
    phoneEnc: p.phone ? ctx.cipher.encrypt(p.phone) : null,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
  };
}

function assertNotFuture(date: string, today: string, field: string) {
  if (date > today) {
    throw validationError([{ field, code: 'DATE_IN_FUTURE', message: '日期不能晚于今天' }]);
  }
}

async function assertNotDuplicate(ctx: ServiceContext, hash: string, exceptId?: number) {
  const active = await selectActiveByIdHash(ctx.db, hash);
  if (active.some((p) => p.id !== exceptId)) throw new AppError('DUPLICATE_APPLICANT');
  if ((await selectRegisteredByIdHash(ctx.db, hash)).length > 0) throw new AppError('DUPLICATE_APPLICANT');
}

/** Step 1: someone hands in an application (D2: 18 or older on that day). */
export async function createApplicant(ctx: ServiceContext, input: CreateApplicantRequest) {
  const scope = requireScope(ctx.actor, 'development.write');
  const today = todayInShanghai();
  assertNotFuture(input.appliedOn, today, 'appliedOn');
  const person = checkPersonFields(input, today);
  const id = await inTransaction(ctx, async (tx) => {
    const org = await loadOrgInScope(tx, orgIdFrom(input.orgId), scope);
    if (org.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    if (org.type === 'group') {
      throw validationError([
        { field: 'orgId', code: 'ORG_TYPE', message: '入党申请应向党支部递交，请选择党支部' },
      ]);
    }
    const read = await paramsReader(tx.db);
    refuse(
      checkApplicantAge(person.birthDate, input.appliedOn, read(ruleOn(APPLICANT_AGE, input.appliedOn))),
    );
    const columns = identityColumns(tx, person);
    await assertNotDuplicate(tx, columns.idNumberHash);
    const state = applyStep(emptyState(), {
      step: 1,
      occurredOn: input.appliedOn,
      decision: null,
      extensionMonths: null,
    });
    const [row] = await tx.db
      .insert(developmentPeople)
      .values({
        ...columns,
        orgId: org.id,
        orgPath: org.path,
        workUnit: input.workUnit ?? null,
        post: input.post ?? null,
        address: input.address ?? null,
        ...stateColumns(state, { isTransferredIn: false }, read, today),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await tx.db.insert(developmentSteps).values({
      personId: row.id,
      step: 1,
      occurredOn: input.appliedOn,
      documentNo: input.documentNo ?? null,
      note: input.note ?? null,
      recordedBy: tx.actor.userId,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'development.create',
      entityType: 'development_person',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `登记入党申请人“${row.name}”（${input.appliedOn} 递交入党申请书）`,
      after: auditView(row),
    });
    return row.id;
  });
  return getDevelopmentPerson(ctx, encodeId(id));
}

/** Corrects a person's identity or contact fields. */
export async function updateApplicant(ctx: ServiceContext, publicId: string, input: UpdateApplicantRequest) {
  const scope = requireScope(ctx.actor, 'development.write');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    const before = await selectPersonById(tx.db, personIdFrom(publicId), scope, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const current: CheckedPerson = {
      name: before.name,
      idNumber: tx.cipher.decrypt(before.idNumberEnc),
      gender: before.gender,
      birthDate: before.birthDate,
      ethnicity: before.ethnicity,
      education: before.education,
      phone: before.phoneEnc ? tx.cipher.decrypt(before.phoneEnc) : null,
    };
    const person = checkPersonFields(input, today, current);
    const columns = identityColumns(tx, person);
    if (columns.idNumberHash !== before.idNumberHash)
      await assertNotDuplicate(tx, columns.idNumberHash, before.id);
    if (before.appliedOn && person.birthDate !== before.birthDate) {
      const read = await paramsReader(tx.db);
      refuse(
        checkApplicantAge(person.birthDate, before.appliedOn, read(ruleOn(APPLICANT_AGE, before.appliedOn))),
      );
    }
    const [row] = await tx.db
      .update(developmentPeople)
      .set({
        ...columns,
        workUnit: input.workUnit === undefined ? before.workUnit : input.workUnit,
        post: input.post === undefined ? before.post : input.post,
        address: input.address === undefined ? before.address : input.address,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(developmentPeople.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'development.update',
      entityType: 'development_person',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `修改发展党员对象“${row.name}”的信息`,
      before: auditView(before),
      after: auditView(row),
    });
  });
  return getDevelopmentPerson(ctx, publicId);
}

/** Ends the pipeline before admission (the person withdraws, or is no longer cultivated). */
export async function withdrawApplicant(
  ctx: ServiceContext,
  publicId: string,
  input: WithdrawApplicantRequest,
) {
  const scope = requireScope(ctx.actor, 'development.write');
  const today = todayInShanghai();
  assertNotFuture(input.withdrawnOn, today, 'withdrawnOn');
  await inTransaction(ctx, async (tx) => {
    const before = await selectPersonById(tx.db, personIdFrom(publicId), scope, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (before.status !== 'active') throw new AppError('DEVELOPMENT_CLOSED');
    if (before.memberId !== null) {
      throw validationError([
        {
          field: 'withdrawnOn',
          code: 'ALREADY_MEMBER',
          message: '已接收为预备党员，不能终止；如需取消预备党员资格，请通过支部党员大会讨论（第23步）',
        },
      ]);
    }
    const row = await markWithdrawn(tx, before, input.withdrawnOn, input.reason);
    await recordAudit(tx.db, tx.actor, {
      action: 'development.withdraw',
      entityType: 'development_person',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `终止“${row.name}”的发展程序：${input.reason}`,
      before: auditView(before),
      after: auditView(row),
    });
  });
  return getDevelopmentPerson(ctx, publicId);
}

/**
 * A probationary member on the register (admitted elsewhere or before zhibu) joins the pipeline at
 * the step after `resumeAfterStep`, so their conversion runs through steps 19–25 here.
 */
export async function resumeProbation(ctx: ServiceContext, input: ResumeProbationRequest) {
  const scope = requireScope(ctx.actor, 'development.write');
  const memberScope = requireScope(ctx.actor, 'member.read');
  const today = todayInShanghai();
  const id = await inTransaction(ctx, async (tx) => {
    const memberId = personIdFrom(input.memberId); // same opaque id scheme as members
    const member = await selectMemberById(tx.db, memberId, memberScope);
    if (!member || !isPathInScope(member.orgPath, scope)) throw new AppError('NOT_FOUND');
    if (member.leftOn) throw new AppError('MEMBER_LEFT');
    if (member.status !== 'probationary') {
      throw validationError([{ field: 'memberId', code: 'NOT_PROBATIONARY', message: '该党员不是预备党员' }]);
    }
    if (await selectPersonByMemberId(tx.db, memberId)) throw new AppError('DUPLICATE_APPLICANT');
    const row = await insertResumed(tx, member, input, today);
    return row.id;
  });
  return getDevelopmentPerson(ctx, encodeId(id));
}

/** Inserts the pipeline record of a probationary member admitted elsewhere (also used by transfers). */
export async function insertResumed(
  ctx: ServiceContext,
  member: NonNullable<Awaited<ReturnType<typeof selectMemberById>>>,
  input: { resumeAfterStep: number; isTransferredIn: boolean; transferredInOn?: string | null },
  today: string,
) {
  const read = await paramsReader(ctx.db);
  const state = resumedState({
    joinedOn: member.joinedOn,
    afterStep: input.resumeAfterStep,
    startedOn: today,
  });
  const person = { isTransferredIn: input.isTransferredIn };
  const [row] = await ctx.db
    .insert(developmentPeople)
    .values({
      orgId: member.orgId,
      orgPath: member.orgPath,
      name: member.name,
      namePinyin: member.namePinyin,
      nameInitials: member.nameInitials,
      nameSearch: member.nameSearch,
      gender: member.gender,
      idNumberEnc: member.idNumberEnc,
      idNumberHash: member.idNumberHash,
      idNumberMasked: member.idNumberMasked,
      birthDate: member.birthDate,
      ethnicity: member.ethnicity,
      education: member.education,
      workUnit: member.workUnit,
      post: member.post,
      phoneEnc: member.phoneEnc,
      phoneMasked: member.phoneMasked,
      address: member.address,
      memberId: member.id,
      isTransferredIn: input.isTransferredIn,
      transferredInOn: input.transferredInOn ?? null,
      resumedAfterStep: input.resumeAfterStep,
      ...stateColumns(state, person, read, today),
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(ctx.db, ctx.actor, {
    action: 'development.resume',
    entityType: 'development_person',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: `预备党员“${row.name}”接续教育考察（已完成至第${input.resumeAfterStep}步${input.isTransferredIn ? '，转入' : ''}）`,
    after: auditView(row),
  });
  return row;
}

/**
 * After a transfer is accepted, marks the member's pipeline record transferred in (D8). The record
 * itself has already moved with the member (paths/movePaths.ts `followMember`).
 */
export async function followMemberTransfer(ctx: ServiceContext, memberId: number, acceptedOn: string) {
  const row = await selectPersonByMemberId(ctx.db, memberId);
  if (!row) return;
  const during =
    row.probationEndsOn !== null && acceptedOn <= row.probationEndsOn && row.confirmedOn === null;
  const read = await paramsReader(ctx.db);
  const { state } = await loadState(ctx, row);
  const person = { isTransferredIn: row.isTransferredIn || during };
  const [after] = await ctx.db
    .update(developmentPeople)
    .set({
      isTransferredIn: person.isTransferredIn,
      transferredInOn: during ? acceptedOn : row.transferredInOn,
      ...stateColumns(state, person, read, todayInShanghai()),
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(developmentPeople.id, row.id))
    .returning();
  if (!after) throw new AppError('INTERNAL');
  await recordAudit(ctx.db, ctx.actor, {
    action: 'development.transfer',
    entityType: 'development_person',
    entityId: row.id,
    orgPath: after.orgPath,
    summary: `“${row.name}”的发展党员档案随组织关系转入（${acceptedOn}）`,
    before: auditView(row),
    after: auditView(after),
  });
}

/** Ends a person's development record (withdrawn or transferred away); no deadline remains. */
async function markWithdrawn(
  ctx: ServiceContext,
  before: { id: number; version: number },
  on: string,
  reason: string,
) {
  const [row] = await ctx.db
    .update(developmentPeople)
    .set({
      status: 'withdrawn',
      withdrawnOn: on,
      withdrawnReason: reason,
      dueOn: null,
      dueRule: null,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(developmentPeople.id, before.id))
    .returning();
  if (!row) throw new AppError('INTERNAL');
  return row;
}

/** A member transferred out of the system: their pipeline here ends (the receiving org continues it). */
export async function closeDevelopmentForTransferOut(
  ctx: ServiceContext,
  memberId: number,
  on: string,
  destination: string,
) {
  const row = await selectPersonByMemberId(ctx.db, memberId);
  if (!row) return;
  const after = await markWithdrawn(ctx, row, on, `组织关系转往“${destination}”`);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'development.transfer_out',
    entityType: 'development_person',
    entityId: row.id,
    orgPath: row.orgPath,
    summary: `“${row.name}”组织关系转往“${destination}”，本系统的发展党员档案终止（${on}）`,
    before: auditView(row),
    after: auditView(after),
  });
}

/** The acting org of a committee step: a 党委 the caller may act for; D7 then checks it is above the branch. */
async function committeeFor(
  ctx: ServiceContext,
  person: PersonRow,
  actingOrgId: string | null | undefined,
  step: number,
) {
  if (!actingOrgId) {
    throw validationError([
      { field: 'actingOrgId', code: 'REQUIRED', message: `请选择办理第${step}步的上级党委` },
    ]);
  }
  const id = orgIdFrom(actingOrgId);
  const above = (await committeesFor(ctx, person.orgPath)).find((c) => c.id === id);
  if (above) return { ...above, isAncestor: true };
  const [org] = await selectOrgsByIds(ctx.db, [id]);
  if (!org || !isPathInScope(org.path, requireScope(ctx.actor, 'development.write'))) {
    throw validationError([
      { field: 'actingOrgId', code: 'ORG_NOT_FOUND', message: '所选党委不存在或不在您的数据权限范围内' },
    ]);
  }
  const isAncestor = person.orgPath.startsWith(org.path) && person.orgPath !== org.path;
  const authority = await selectAuthorityOrgIds(ctx.db, [org.id]);
  return { ...org, canApprove: authority.has(org.id), isAncestor };
}

function required<T>(value: T | null | undefined, field: string, message: string): T {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    throw validationError([{ field, code: 'REQUIRED', message }]);
  }
  return value;
}

/** Resolves member ids in the caller's scope; unknown ids are a field error. */
async function membersFor(ctx: ServiceContext, publicIds: readonly string[], field: string) {
  const scope = requireScope(ctx.actor, 'member.read');
  const ids = publicIds.map((p) => decodeId(p) ?? -1);
  const found = await selectMemberStandings(ctx.db, ids, scope);
  const byId = new Map(found.map((m) => [m.id, m]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    throw validationError([
      { field, code: 'MEMBER_NOT_FOUND', message: '所选党员不存在或不在您的数据权限范围内' },
    ]);
  }
  return ids.map((id) => byId.get(id)).filter((m) => m !== undefined);
}

/**
 * Records one of steps 2–25 after checking order (D1) and the rules of that step; refusals are
 * RULE_VIOLATION naming the article. Approval (17) puts the person on the register as 预备党员
 * (joined on the branch assembly's date); approval of a conversion (24) converts, extends or
 * cancels through the members service, which stays the one register.
 */
export async function recordStep(ctx: ServiceContext, publicId: string, input: RecordStepRequest) {
  const scope = requireScope(ctx.actor, 'development.write');
  const today = todayInShanghai();
  assertNotFuture(input.occurredOn, today, 'occurredOn');
  await inTransaction(ctx, async (tx) => {
    const person = await selectPersonById(tx.db, personIdFrom(publicId), scope, true);
    if (!person) throw new AppError('NOT_FOUND');
    if (person.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (person.status !== 'active') throw new AppError('DEVELOPMENT_CLOSED');
    const read = await paramsReader(tx.db);
    const { state } = await loadState(tx, person);
    const on = input.occurredOn;
    const step = input.step;
    refuse(checkStepOrder(state, allowedSteps(state), step, on));

    const values: NewStep = {
      personId: person.id,
      step,
      round: state.round,
      occurredOn: on,
      responsible: input.responsible ?? null,
      documentNo: input.documentNo ?? null,
      attachmentName: input.attachmentName ?? null,
      note: input.note ?? null,
      actingOrgName: input.actingOrgName ?? null,
      recordedBy: tx.actor.userId,
    };
    let actingCommittee: { id: number; name: string } | null = null;

    switch (step) {
      case 2: {
        required(input.responsible, 'responsible', '请填写谈话人');
        if (state.appliedOn)
          refuse(checkTalk(state.appliedOn, on, read(ruleOn(TALK_WITHIN_MONTH, state.appliedOn))));
        break;
      }
      case 5: {
        const mentors = await membersFor(tx, input.mentorIds ?? [], 'mentorIds');
        refuse(checkMentors(mentors, on, read(ruleOn(MENTORS, on))));
        values.people = mentors.map((m) => ({ role: 'mentor' as const, memberId: m.id, name: m.name }));
        break;
      }
      case 7: {
        if (state.activistOn) {
          refuse(checkActivistYear(state.activistOn, on, read(ruleOn(ACTIVIST_ONE_YEAR, state.activistOn))));
        }
        const calendar = await loadWorkingDayCalendar(tx.db);
        refuse(
          checkPublicity(
            { candidateOn: on, from: input.publicityFrom, to: input.publicityTo },
            calendar,
            read(PUBLICITY_2026),
          ),
        );
        if (input.publicityFrom && input.publicityTo) {
          values.publicityFrom = input.publicityFrom;
          values.publicityTo = input.publicityTo;
          values.publicityWorkingDays = countWorkingDays(calendar, input.publicityFrom, input.publicityTo);
        }
        break;
      }
      case 9: {
        const sponsors = await membersFor(tx, input.sponsorIds ?? [], 'sponsorIds');
        refuse(checkSponsors(sponsors, on, read(ruleOn(SPONSORS, on))));
        values.people = sponsors.map((m) => ({ role: 'sponsor' as const, memberId: m.id, name: m.name }));
        break;
      }
      case 10: {
        refuse(checkPoliticalReview(input.conclusion, on));
        values.conclusion = input.conclusion ?? null;
        break;
      }
      case 11: {
        refuse(checkTraining(input.trainingDays, input.classHours, on, read(ruleOn(TRAINING, on))));
        values.trainingDays = input.trainingDays ?? null;
        values.classHours = input.classHours ?? null;
        break;
      }
      case 13: {
        const committee = await committeeFor(tx, person, input.actingOrgId, step);
        // 预审 is the committee's; only approval (17, 24) needs the authority.
        refuse(checkApprover({ ...committee, hasAuthority: true }, on));
        actingCommittee = committee;
        break;
      }
      case 15:
      case 23: {
        const vote = required(
          input.vote,
          'vote.expected',
          '请填写表决情况（应到、实到、赞成、反对、弃权人数）',
        );
        const countErrors = voteCountErrors(vote);
        if (countErrors.length > 0) {
          throw validationError(countErrors.map((e) => ({ ...e, code: 'VOTE_COUNTS' })));
        }
        if (step === 15 && state.prereviewOn && !state.hasAdmissionVote) {
          refuse(checkAssemblyAfterPrereview(state.prereviewOn, on, read(ASSEMBLY_AFTER_PREREVIEW_2026)));
        }
        if (step === 23) {
          const decision = required(
            input.decision,
            'decision',
            '请选择讨论结果：按期转正、延长预备期或取消预备党员资格',
          );
          if (decision !== 'convert' && decision !== 'extend' && decision !== 'cancel') {
            throw validationError([
              {
                field: 'decision',
                code: 'DECISION',
                message: '讨论结果应为按期转正、延长预备期或取消预备党员资格',
              },
            ]);
          }
          if (state.probationEndsOn) refuse(checkConversionTiming(state.probationEndsOn, on));
          if (decision === 'extend') {
            refuse(checkExtension(input.extensionMonths, state.round - 1, on, read(ruleOn(EXTENSION, on))));
            values.extensionMonths = input.extensionMonths ?? null;
          }
          values.decision = decision;
        }
        refuse(checkVote(vote, on));
        values.voteExpected = vote.expected;
        values.votePresent = vote.present;
        values.voteYes = vote.yes;
        values.voteNo = vote.no;
        values.voteAbstain = vote.abstain;
        values.voteFullMembers = vote.votingFullMembers;
        break;
      }
      case 16: {
        required(input.responsible, 'responsible', '请填写谈话人');
        break;
      }
      case 17:
      case 24: {
        const committee = await committeeFor(tx, person, input.actingOrgId, step);
        refuse(checkApprover({ ...committee, hasAuthority: committee.canApprove }, on));
        actingCommittee = committee;
        const decision = input.decision ?? 'approve';
        if (decision !== 'approve' && decision !== 'reject') {
          throw validationError([
            { field: 'decision', code: 'DECISION', message: '审批结果应为批准或不批准' },
          ]);
        }
        values.decision = decision;
        if (step === 17 && state.admittedOn) {
          refuse(
            checkApprovalWindow(
              state.admittedOn,
              on,
              input.specialReason,
              read(ruleOn(APPROVAL_WITHIN, state.admittedOn)),
            ),
          );
          if (on > addMonths(state.admittedOn, read(ruleOn(APPROVAL_WITHIN, state.admittedOn)).months)) {
            values.specialReason = input.specialReason ?? null;
          }
        }
        if (step === 24 && state.conversionVotedOn) {
          refuse(
            checkConversionApproval(
              state.conversionVotedOn,
              on,
              read(ruleOn(CONVERSION_APPROVAL, state.conversionVotedOn)),
            ),
          );
        }
        break;
      }
      case 19: {
        if (input.groupOrgId) {
          const groupId = orgIdFrom(input.groupOrgId);
          const [group] = await selectOrgsByIds(tx.db, [groupId]);
          if (group?.type !== 'group' || group.parentId !== person.orgId) {
            throw validationError([{ field: 'groupOrgId', code: 'GROUP', message: '请选择本支部的党小组' }]);
          }
          actingCommittee = { id: group.id, name: group.name };
        }
        break;
      }
      case 20: {
        if (state.approvedOn)
          refuse(checkOathAfterApproval(state.approvedOn, on, read(OATH_AFTER_APPROVAL_2026)));
        break;
      }
    }
    if (actingCommittee) values.actingOrgId = actingCommittee.id;

    const [inserted] = await tx.db.insert(developmentSteps).values(values).returning();
    if (!inserted) throw new AppError('INTERNAL');
    const next = applyStep(state, factOf(inserted));
    let memberId = person.memberId;

    // Effects on the register, through the members service.
    if (step === 17 && values.decision === 'approve') {
      memberId = await admitToRegister(tx, person, next, on);
    }
    if (step === 20 && memberId !== null) {
      await appendMemberEvent(tx, memberId, { kind: 'oath', occurredOn: on, detail: {} });
    }
    if (step === 24 && values.decision === 'approve' && memberId !== null) {
      await applyConversion(tx, memberId, state, next, on, inserted.id);
    }

    const [row] = await tx.db
      .update(developmentPeople)
      .set({
        ...stateColumns(next, person, read, today),
        memberId,
        version: person.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(developmentPeople.id, person.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'development.step',
      entityType: 'development_person',
      entityId: row.id,
      orgPath: row.orgPath,
      summary: `“${row.name}”第${step}步“${developmentStepName(step)}”（${on}）${values.decision ? `：${decisionName(values.decision)}` : ''}`,
      before: { stage: person.stage, lastStep: person.lastStep, status: person.status },
      after: {
        step: toStepRecord({
          ...inserted,
          recordedByName: null,
          actingOrgRealName: actingCommittee?.name ?? null,
        }),
        stage: row.stage,
        status: row.status,
      },
    });
  });
  return getDevelopmentPerson(ctx, publicId);
}

function decisionName(decision: string): string {
  return (
    {
      approve: '批准',
      reject: '不批准',
      convert: '按期转正',
      extend: '延长预备期',
      cancel: '取消预备党员资格',
    }[decision] ?? decision
  );
}

/** Step 17 approved: the person enters the register as 预备党员, joined on the branch assembly's date. */
async function admitToRegister(
  ctx: ServiceContext,
  person: PersonRow,
  state: PipelineState,
  approvedOn: string,
) {
  const joinedOn = state.admittedOn ?? approvedOn;
  const member = await createMember(ctx, {
    orgId: encodeId(person.orgId),
    name: person.name,
    idNumber: ctx.cipher.decrypt(person.idNumberEnc),
    gender: person.gender,
    ethnicity: person.ethnicity,
    education: person.education,
    status: 'probationary',
    joinedOn,
    confirmedOn: null,
    workUnit: person.workUnit,
    post: person.post,
    phone: person.phoneEnc ? ctx.cipher.decrypt(person.phoneEnc) : null,
    address: person.address,
    remark: null,
  }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'DUPLICATE_ID_NUMBER') throw new AppError('DUPLICATE_APPLICANT');
    throw e;
  });
  const memberId = decodeId(member.id);
  if (memberId === null) throw new AppError('INTERNAL');
  await appendMemberEvent(ctx, memberId, {
    kind: 'admission_approved',
    occurredOn: approvedOn,
    detail: { developmentPersonId: encodeId(person.id) },
  });
  return memberId;
}

/** Step 24 approved: convert (status 正式党员, confirmed at the end of probation), extend, or cancel. */
async function applyConversion(
  ctx: ServiceContext,
  memberId: number,
  before: PipelineState,
  after: PipelineState,
  approvedOn: string,
  stepId: number,
) {
  const member = await getMember(ctx, encodeId(memberId));
  if (before.conversionDecision === 'convert' && after.confirmedOn) {
    await updateMember(ctx, member.id, {
      status: 'full',
      confirmedOn: after.confirmedOn,
      version: member.version,
    });
  } else if (before.conversionDecision === 'extend') {
    await appendMemberEvent(ctx, memberId, {
      kind: 'probation_extended',
      occurredOn: approvedOn,
      detail: { months: after.extensionMonths, until: after.probationEndsOn, stepId: encodeId(stepId) },
    });
  } else if (before.conversionDecision === 'cancel') {
    await leaveMember(ctx, member.id, {
      leftOn: approvedOn,
      reason: 'probation_cancelled',
      note: '支部党员大会讨论、上级党委批准取消预备党员资格',
      version: member.version,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Approval authority (D7)

/** 党委 with the authority to approve admissions, in or above the caller's scope. */
export async function listAdmissionAuthorities(ctx: ServiceContext) {
  const scope = requireScope(ctx.actor, 'development.read');
  const above =
    scope.kind === 'all' ? [] : [...new Set(scope.paths.flatMap((p) => idsOnPath(p).slice(0, -1)))];
  const rows = await selectAuthorities(ctx.db, scope, above);
  return {
    items: rows.map((r) => ({
      orgId: encodeId(r.orgId),
      orgName: r.orgName,
      orgType: r.orgType,
      grantedOn: r.grantedOn,
      basis: r.basis,
    })),
  };
}

/** Loads an org whose authority the caller may set: strictly below the roots of the caller's org.write scope. */
async function loadGrantableOrg(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'org.write');
  const org = await loadOrgInScope(ctx, orgIdFrom(publicId), scope);
  // An org cannot grant itself the authority: it is given from above (the 组织部 or a higher 党委).
  if (scope.kind === 'paths' && scope.paths.includes(org.path)) throw new AppError('FORBIDDEN');
  return org;
}

/** Grants a 党委 the authority to approve admissions (D7: never a 党总支 or a branch). */
export async function grantAdmissionAuthority(
  ctx: ServiceContext,
  orgPublicId: string,
  input: GrantAdmissionAuthorityRequest,
) {
  await inTransaction(ctx, async (tx) => {
    const org = await loadGrantableOrg(tx, orgPublicId);
    refuse(checkAuthorityGrant(org, input.grantedOn));
    await tx.db
      .insert(admissionAuthorities)
      .values({
        orgId: org.id,
        grantedOn: input.grantedOn,
        basis: input.basis ?? null,
        grantedBy: tx.actor.userId,
      })
      .onConflictDoUpdate({
        target: admissionAuthorities.orgId,
        set: { grantedOn: input.grantedOn, basis: input.basis ?? null, grantedBy: tx.actor.userId },
      });
    await recordAudit(tx.db, tx.actor, {
      action: 'development.authority.grant',
      entityType: 'org',
      entityId: org.id,
      orgPath: org.path,
      summary: `赋予“${org.name}”审批发展党员的权限`,
      after: { grantedOn: input.grantedOn, basis: input.basis ?? null },
    });
  });
  return listAdmissionAuthorities(ctx);
}

export async function revokeAdmissionAuthority(ctx: ServiceContext, orgPublicId: string) {
  await inTransaction(ctx, async (tx) => {
    const org = await loadGrantableOrg(tx, orgPublicId);
    const removed = await tx.db
      .delete(admissionAuthorities)
      .where(eq(admissionAuthorities.orgId, org.id))
      .returning();
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx.db, tx.actor, {
      action: 'development.authority.revoke',
      entityType: 'org',
      entityId: org.id,
      orgPath: org.path,
      summary: `收回“${org.name}”审批发展党员的权限`,
      before: { grantedOn: removed[0]?.grantedOn, basis: removed[0]?.basis },
    });
  });
  return listAdmissionAuthorities(ctx);
}
