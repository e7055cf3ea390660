import { GenderCode, MemberStatusCode } from '@zhibu/shared';
import { TransferKindCode, TransferReasonCode, TransferStatusCode } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { codeCheck } from '../../db/codeCheck.ts';
import { members, orgs, users } from '../../db/schema.ts';

/** What an incoming letter says about the person; identifiers stay encrypted until the member is registered. */
export interface IncomingPerson {
  name: string;
  idNumberEnc: string;
  gender: GenderCode;
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  status: MemberStatusCode;
  joinedOn: string;
  confirmedOn: string | null;
  workUnit: string | null;
  phoneEnc: string | null;
}

/**
 * Transfers of a member's formal org relation (组织关系转接). The member stays with the sending org
 * until the receiver accepts (within the system) or the receipt comes back (out of it); each side
 * finds its 待办 by its own path column (`from_org_path` / `to_org_path`).
 */
export const transfers = pgTable(
  'transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<TransferKindCode>().notNull(),
    status: text('status').$type<TransferStatusCode>().notNull(),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    memberName: text('member_name').notNull(),
    memberGender: text('member_gender').$type<GenderCode>(),
    memberBirthDate: date('member_birth_date'),
    memberStatus: text('member_status').$type<MemberStatusCode>().notNull(),
    memberJoinedOn: date('member_joined_on'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    incoming: jsonb('incoming').$type<IncomingPerson>(),
    fromOrgId: bigint('from_org_id', { mode: 'number' }).references(() => orgs.id),
    fromOrgPath: text('from_org_path'),
    fromName: text('from_name').notNull(),
    toOrgId: bigint('to_org_id', { mode: 'number' }).references(() => orgs.id),
    toOrgPath: text('to_org_path'),
    toName: text('to_name').notNull(),
    reason: text('reason').$type<TransferReasonCode>().notNull(),
    letterNo: text('letter_no'),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    acceptedOn: date('accepted_on'),
    returnedOn: date('returned_on'),
    returnReason: text('return_reason'),
    receiptOn: date('receipt_on'),
    cancelledOn: date('cancelled_on'),
    cancelReason: text('cancel_reason'),
    note: text('note'),
    initiatedBy: bigint('initiated_by', { mode: 'number' }).references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfers_from_path_idx').using('btree', sql`${t.fromOrgPath} text_pattern_ops`, t.status),
    index('transfers_to_path_idx').using('btree', sql`${t.toOrgPath} text_pattern_ops`, t.status),
    index('transfers_member_idx').on(t.memberId, t.status),
    codeCheck('transfers_kind_check', t.kind, TransferKindCode.options),
    codeCheck('transfers_status_check', t.status, TransferStatusCode.options),
    codeCheck('transfers_member_gender_check', t.memberGender, GenderCode.options),
    codeCheck('transfers_member_status_check', t.memberStatus, MemberStatusCode.options),
    codeCheck('transfers_reason_check', t.reason, TransferReasonCode.options),
  ],
);
