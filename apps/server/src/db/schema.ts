import {
  EducationCode,
  EthnicityCode,
  GenderCode,
  LeaveReasonCode,
  MemberStatusCode,
  OrgCategoryCode,
  OrgTypeCode,
} from '@zhibu/shared';
import { RoleCode } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { codeCheck } from './codeCheck.ts';

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
/** Ids taken from the sequence before insert, so a row's materialized path is written once. */
const preallocatedId = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Organization tree. `path` is the materialized path of base-36 ids (`/1/k3/9a/`), so a subtree
 * is one index range scan (`path LIKE prefix || '%'`) on engines without ltree.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: preallocatedId(),
    parentId: bigint('parent_id', { mode: 'number' }),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    /** Pinyin search key (`pinyinSearchKey`): initials and full pinyin from every syllable, all readings. */
    nameSearch: text('name_search').notNull().default(''),
    code: text('code'),
    type: text('type').$type<OrgTypeCode>().notNull(),
    category: text('category').$type<OrgCategoryCode>().notNull(),
    divisionCode: text('division_code'),
    establishedOn: date('established_on'),
    termStartedOn: date('term_started_on'),
    termYears: integer('term_years'),
    secretaryName: text('secretary_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    sortOrder: integer('sort_order').notNull().default(0),
    dissolvedOn: date('dissolved_on'),
    dissolvedReason: text('dissolved_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orgs_path_key').on(t.path),
    index('orgs_path_pattern_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('orgs_parent_idx').on(t.parentId, t.sortOrder, t.namePinyin),
    index('orgs_name_idx').on(t.name),
    index('orgs_short_name_idx').on(t.shortName),
    uniqueIndex('orgs_code_key').on(t.code),
    codeCheck('orgs_type_check', t.type, OrgTypeCode.options),
    codeCheck('orgs_category_check', t.category, OrgCategoryCode.options),
  ],
);

/** The member register. Personal identifiers are stored encrypted, with a keyed hash for look-up. */
export const members = pgTable(
  'members',
  {
    id: id(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    /** Pinyin search key (`pinyinSearchKey`): initials and full pinyin from every syllable, all readings. */
    nameSearch: text('name_search').notNull().default(''),
    gender: text('gender').$type<GenderCode>().notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date').notNull(),
    nativePlace: text('native_place'),
    education: text('education'),
    status: text('status').$type<MemberStatusCode>().notNull(),
    joinedOn: date('joined_on').notNull(),
    confirmedOn: date('confirmed_on'),
    workUnit: text('work_unit'),
    post: text('post'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    address: text('address'),
    remark: text('remark'),
    leftOn: date('left_on'),
    leftReason: text('left_reason').$type<LeaveReasonCode>(),
    leftNote: text('left_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('members_id_number_hash_key').on(t.idNumberHash),
    index('members_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, t.namePinyin),
    index('members_org_idx').on(t.orgId),
    index('members_name_pinyin_idx').on(t.namePinyin),
    index('members_phone_hash_idx').on(t.phoneHash),
    // The list's total (and its common filters) by an index-only range instead of visiting every row;
    // its sort key and id make the page an index-only top-N too (only the page's rows are read).
    index('members_active_path_idx')
      .using('btree', sql`${t.orgPath} text_pattern_ops`, t.status, t.gender, t.namePinyin, t.id)
      .where(sql`${t.leftOn} is null`),
    // The age-band edges of the statistics: members born in one month, by subtree (index-only).
    index('members_birth_date_idx')
      .using('btree', t.birthDate, sql`${t.orgPath} text_pattern_ops`)
      .where(sql`${t.leftOn} is null`),
    codeCheck('members_gender_check', t.gender, GenderCode.options),
    codeCheck('members_ethnicity_check', t.ethnicity, EthnicityCode.options),
    codeCheck('members_education_check', t.education, EducationCode.options),
    codeCheck('members_status_check', t.status, MemberStatusCode.options),
    codeCheck('members_left_reason_check', t.leftReason, LeaveReasonCode.options),
  ],
);

/** Timeline of a member's life in the register (joined, confirmed, moved, left …). */
export const memberEvents = pgTable(
  'member_events',
  {
    id: id(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('member_events_member_idx').on(t.memberId, t.occurredOn)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    isDisabled: boolean('is_disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Failed sign-ins counted atomically; while `lockedUntil` is ahead, sign-ins wait (growing delay). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Set on every password another person chose or saw (created, reset, generated); cleared by a self change. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

/** A role held over an org's subtree; `org_path` is copied so scope checks need no join. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    role: text('role').$type<RoleCode>().notNull(),
    orgId: bigint('org_id', { mode: 'number' }).references(() => orgs.id),
    orgPath: text('org_path'),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    codeCheck('role_assignments_role_check', t.role, RoleCode.options),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per throttle key: `address:<ip>` (across usernames, so spraying many usernames
 * from one address is slowed) and `account:<user id>@<ip>` (guessing one account's password from
 * one address). Counted atomically with ON CONFLICT; `blocked_until` is the growing wait.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Append-only record of every write and every login (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: bigint('user_id', { mode: 'number' }),
    username: text('username'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    orgPath: text('org_path'),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** Background jobs (imports) whose progress the web app polls. */
export const jobs = pgTable('jobs', {
  id: id(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  result: jsonb('result'),
  error: text('error'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** Small key-value settings (install id, first-start flags). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
