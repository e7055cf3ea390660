import { GenderCode } from '@zhibu/shared';
import { ContactMethodCode, FlowingDirectionCode, FlowingStatusCode } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { codeCheck } from '../../db/codeCheck.ts';
import { members, orgs, users } from '../../db/schema.ts';

/**
 * Flowing members (流动党员): `out` rows are members of an org here living or working elsewhere
 * (org = their own org); `in` rows are members of other orgs taking part here (org = host org).
 */
export const flowingRecords = pgTable(
  'flowing_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    direction: text('direction').$type<FlowingDirectionCode>().notNull(),
    status: text('status').$type<FlowingStatusCode>().notNull().default('active'),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    name: text('name').notNull(),
    gender: text('gender').$type<GenderCode>(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    place: text('place').notNull(),
    since: date('since').notNull(),
    workUnit: text('work_unit'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    mobilityCardNo: text('mobility_card_no'),
    expectedReturnOn: date('expected_return_on'),
    isFixedPlace: boolean('is_fixed_place').notNull().default(true),
    isAbroad: boolean('is_abroad').notNull().default(false),
    isSettledAbroad: boolean('is_settled_abroad').notNull().default(false),
    homeOrgName: text('home_org_name'),
    homeOrgContact: text('home_org_contact'),
    lostContactSince: date('lost_contact_since'),
    lastContactOn: date('last_contact_on'),
    returnedOn: date('returned_on'),
    suspendedOn: date('suspended_on'),
    endedOn: date('ended_on'),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('flowing_records_org_path_idx').using(
      'btree',
      sql`${t.orgPath} text_pattern_ops`,
      t.direction,
      t.status,
    ),
    index('flowing_records_member_idx').on(t.memberId, t.status),
    codeCheck('flowing_records_direction_check', t.direction, FlowingDirectionCode.options),
    codeCheck('flowing_records_status_check', t.status, FlowingStatusCode.options),
    codeCheck('flowing_records_gender_check', t.gender, GenderCode.options),
  ],
);

/** Contact log of a flowing member (联系记录); append-only. */
export const flowingContacts = pgTable(
  'flowing_contacts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => flowingRecords.id),
    contactedOn: date('contacted_on').notNull(),
    method: text('method').$type<ContactMethodCode>().notNull(),
    isReached: boolean('is_reached').notNull(),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('flowing_contacts_record_idx').on(t.recordId, t.contactedOn),
    codeCheck('flowing_contacts_method_check', t.method, ContactMethodCode.options),
  ],
);
