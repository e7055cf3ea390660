import type { SetDuesProfileRequest } from '@zhibu/shared/api';
import type { Database } from '../../db/createDatabase.ts';
import { csvLine } from '../../lib/csvLine.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { duesProfileRow } from './dues.service.ts';

const PROFILE_COLUMNS = [
  'member_id',
  'category',
  'base_fen',
  'amount_fen',
  'basis_points',
  'standard_fen',
  'effective_from',
  'reviewed_on',
  'hardship_reason',
  'hardship_decided_on',
  'hardship_approved_by',
  'hardship_approved_on',
  'note',
  'recorded_by',
];

const PAYMENT_COLUMNS = [
  'member_id',
  'org_id',
  'kind',
  'month',
  'amount_fen',
  'standard_fen',
  'centre_fen',
  'paid_on',
  'recorded_by',
];

const STATE_COLUMNS = ['member_id', 'last_paid_month'];

/** One member's dues as a bulk load gives them: one profile, and the months paid at its standard. */
export interface BulkDuesMember {
  memberId: number;
  orgId: number;
  profile: SetDuesProfileRequest;
  /** Months paid in full, ascending, each with the day it was collected. */
  payments: readonly { month: string; paidOn: string }[];
}

export interface BulkDuesCounts {
  profiles: number;
  payments: number;
}

/**
 * Writes dues profiles and monthly payments with COPY, for loads of thousands of members (the
 * seed). Each profile is validated and computed as `setDuesProfile` does it (`duesProfileRow`);
 * each payment is the month's standard in full; the `dues_member_state` rollup is written from
 * the same data, so it equals what `rebuildMemberStates` would compute. The caller audits the load.
 * Only for members that have no dues rows yet (a fresh load), since the rollup is written, not merged.
 */
export async function copyDuesLedger(
  database: Database,
  ctx: ServiceContext,
  members: readonly BulkDuesMember[],
  options: { today: string; farmerDefaultFen: number },
): Promise<BulkDuesCounts> {
  let profiles = '';
  let payments = '';
  let states = '';
  const counts: BulkDuesCounts = { profiles: 0, payments: 0 };
  const recordedBy = ctx.actor.userId;
  for (const m of members) {
    const row = duesProfileRow(ctx, m.memberId, m.profile, options.today, options.farmerDefaultFen);
    profiles += csvLine([
      row.memberId,
      row.category,
      row.baseFen,
      row.amountFen,
      row.basisPoints,
      row.standardFen,
      row.effectiveFrom,
      row.reviewedOn,
      row.hardshipReason,
      row.hardshipDecidedOn,
      row.hardshipApprovedBy,
      row.hardshipApprovedOn,
      row.note,
      row.recordedBy,
    ]);
    counts.profiles++;
    // A waived standard (0) owes nothing, so nothing is collected.
    if (row.standardFen === 0) continue;
    let last: string | null = null;
    for (const p of m.payments) {
      if (p.month < row.effectiveFrom.slice(0, 7)) {
        throw new RangeError(`payment for ${p.month} before the profile of member ${m.memberId}`);
      }
      payments += csvLine([
        m.memberId,
        m.orgId,
        'monthly',
        p.month,
        row.standardFen,
        row.standardFen,
        0,
        p.paidOn,
        recordedBy,
      ]);
      counts.payments++;
      if (last === null || p.month > last) last = p.month;
    }
    if (last !== null) states += csvLine([m.memberId, last]);
  }
  if (profiles) await database.copyCsv('dues_profiles', PROFILE_COLUMNS, profiles);
  if (payments) await database.copyCsv('dues_payments', PAYMENT_COLUMNS, payments);
  if (states) await database.copyCsv('dues_member_state', STATE_COLUMNS, states);
  return counts;
}
