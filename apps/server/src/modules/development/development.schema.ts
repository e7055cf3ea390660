import { DevelopmentStageCode, EducationCode, EthnicityCode, GenderCode } from '@zhibu/shared';
import { DevelopmentStatusCode, StepDecisionCode } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { codeCheck } from '../../db/codeCheck.ts';
import { members, orgs, users } from '../../db/schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * People in the development pipeline (发展党员), from application to conversion. Identifiers are
 * stored like the register's: encrypted, with a keyed hash and a mask. `stage`, `last_step` and
 * `due_on` are derived from the steps on every write, so the board counts and overdue lists need
 * no scan of the steps.
 */
export const developmentPeople = pgTable(
  'development_people',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
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
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity'),
    education: text('education'),
    workUnit: text('work_unit'),
    post: text('post'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    address: text('address'),
    status: text('status').$type<DevelopmentStatusCode>().notNull().default('active'),
    stage: text('stage').$type<DevelopmentStageCode>().notNull(),
    lastStep: integer('last_step').notNull(),
    lastStepOn: date('last_step_on').notNull(),
    round: integer('round').notNull().default(1),
    dueOn: date('due_on'),
    dueRule: text('due_rule'),
    appliedOn: date('applied_on'),
    activistOn: date('activist_on'),
    lastReviewOn: date('last_review_on'),
    candidateOn: date('candidate_on'),
    prereviewOn: date('prereview_on'),
    admittedOn: date('admitted_on'),
    approvedOn: date('approved_on'),
    oathOn: date('oath_on'),
    conversionVotedOn: date('conversion_voted_on'),
    probationEndsOn: date('probation_ends_on'),
    extensionMonths: integer('extension_months'),
    confirmedOn: date('confirmed_on'),
    isTransferredIn: boolean('is_transferred_in').notNull().default(false),
    transferredInOn: date('transferred_in_on'),
    resumedAfterStep: integer('resumed_after_step'),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    withdrawnOn: date('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('development_people_org_path_idx').using(
      'btree',
      sql`${t.orgPath} text_pattern_ops`,
      t.status,
      t.stage,
    ),
    index('development_people_id_hash_idx').on(t.idNumberHash),
    index('development_people_member_idx').on(t.memberId),
    index('development_people_due_idx').on(t.status, t.dueOn),
    codeCheck('development_people_gender_check', t.gender, GenderCode.options),
    codeCheck('development_people_ethnicity_check', t.ethnicity, EthnicityCode.options),
    codeCheck('development_people_education_check', t.education, EducationCode.options),
    codeCheck('development_people_status_check', t.status, DevelopmentStatusCode.options),
    codeCheck('development_people_stage_check', t.stage, DevelopmentStageCode.options),
  ],
);

/** One recorded step of the 25 (date, who, document, vote counts …); append-only. */
export const developmentSteps = pgTable(
  'development_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => developmentPeople.id),
    step: integer('step').notNull(),
    round: integer('round').notNull().default(1),
    occurredOn: date('occurred_on').notNull(),
    actingOrgId: bigint('acting_org_id', { mode: 'number' }).references(() => orgs.id),
    actingOrgName: text('acting_org_name'),
    responsible: text('responsible'),
    documentNo: text('document_no'),
    attachmentName: text('attachment_name'),
    note: text('note'),
    voteExpected: integer('vote_expected'),
    votePresent: integer('vote_present'),
    voteYes: integer('vote_yes'),
    voteNo: integer('vote_no'),
    voteAbstain: integer('vote_abstain'),
    voteFullMembers: integer('vote_full_members'),
    decision: text('decision').$type<StepDecisionCode>(),
    trainingDays: numeric('training_days', { mode: 'number' }),
    classHours: numeric('class_hours', { mode: 'number' }),
    publicityFrom: date('publicity_from'),
    publicityTo: date('publicity_to'),
    publicityWorkingDays: integer('publicity_working_days'),
    extensionMonths: integer('extension_months'),
    specialReason: text('special_reason'),
    conclusion: text('conclusion'),
    /** Mentors or sponsors as they were: [{ id, name }] with member ids. */
    people: jsonb('people').$type<{ role: 'mentor' | 'sponsor'; memberId: number; name: string }[]>(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('development_steps_person_idx').on(t.personId, t.step),
    codeCheck('development_steps_decision_check', t.decision, StepDecisionCode.options),
  ],
);

/** 党委 granted the authority to approve admissions (shared/DOMAIN.md D7); absent row = no authority. */
export const admissionAuthorities = pgTable('admission_authorities', {
  orgId: bigint('org_id', { mode: 'number' })
    .primaryKey()
    .references(() => orgs.id),
  grantedOn: date('granted_on').notNull(),
  basis: text('basis'),
  grantedBy: bigint('granted_by', { mode: 'number' }).references(() => users.id),
  createdAt: createdAt(),
});

/**
 * Days off and make-up working days entered by administrators (years published after this
 * release, or corrections); for a year present here they replace the built-in data files.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').$type<'day_off' | 'make_up'>().notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);
