import { addMonthsToMonth, monthOf } from '@zhibu/shared';
import { inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/createDatabase.ts';
import { members } from '../../db/schema.ts';
import {
  type DuesMemberRow,
  type DuesProfileRow,
  type LedgerMemberRow,
  type LedgerProfileRow,
  selectDuesMembers,
  selectLastPaidFromState,
  selectLedgerProfiles,
  selectMembersUnpaidSince,
  selectMonthlyNet,
  selectProfiles,
  selectSuspensionsLifted,
} from './dues.queries.ts';
import {
  arrearsOf,
  firstOwedMonth,
  type LedgerMember,
  monthState,
  profileForMonth,
  unpaidRun,
} from './duesLedger.ts';

/** One member's dues position on a day: standard in force, what is paid, arrears, run of unpaid months. */
export interface DuesStanding {
  member: DuesMemberRow;
  ledgerMember: LedgerMember;
  profiles: DuesProfileRow[];
  current: DuesProfileRow | null;
  restoredOn: string | null;
  /** First month owed (null without a profile). */
  startMonth: string | null;
  paidByMonth: Map<string, number>;
  lastPaidMonth: string | null;
  arrears: { months: string[]; fen: number };
  unpaid: { months: number; fromMonth: string | null };
}

export interface StandingOptions {
  today: string;
  /** Months that can still be paid back (第十二条 parameter). */
  backPaymentMonths: number;
  /** Load paid amounts from this month on as well (a sheet or summary of an earlier month). */
  fromMonth?: string;
  /** Members matching `where`, already selected (skips the member query). */
  members?: DuesMemberRow[];
  /**
   * How many months of payments are read for every member (default 12); members without a payment
   * in that window get their last payment from a second, whole-history query.
   */
  lookbackMonths?: number;
}

/**
 * Loads and computes the dues standing of every member matching `where` (a scoped condition on
 * `members`): four queries whatever the number of members, plus one for members with no payment
 * in the lookback window.
 */
export async function loadDuesStandings(
  db: Executor,
  where: SQL,
  options: StandingOptions,
): Promise<DuesStanding[]> {
  const currentMonth = monthOf(options.today);
  const memberRows = options.members ?? (await selectDuesMembers(db, where));
  if (memberRows.length === 0) return [];
  let from = addMonthsToMonth(
    currentMonth,
    -Math.max(options.lookbackMonths ?? 12, options.backPaymentMonths),
  );
  if (options.fromMonth && options.fromMonth < from) from = options.fromMonth;
  const to = addMonthsToMonth(currentMonth, 24);
  const [profiles, nets, lifted, lastPaid] = await Promise.all([
    selectProfiles(db, where),
    selectMonthlyNet(db, where, from, to),
    selectSuspensionsLifted(db, where),
    selectLastPaidFromState(db, where),
  ]);
  const profilesBy = new Map<number, DuesProfileRow[]>();
  for (const p of profiles) {
    const list = profilesBy.get(p.memberId);
    if (list) list.push(p);
    else profilesBy.set(p.memberId, [p]);
  }
  const paidBy = new Map<number, Map<string, number>>();
  for (const n of nets) {
    let byMonth = paidBy.get(n.memberId);
    if (!byMonth) {
      byMonth = new Map();
      paidBy.set(n.memberId, byMonth);
    }
    byMonth.set(n.month, n.netFen);
  }
  return memberRows.map((member) => {
    const memberProfiles = profilesBy.get(member.id) ?? [];
    const ledgerMember = {
      joinedOn: member.joinedOn,
      leftOn: member.leftOn,
      restoredOn: lifted.get(member.id) ?? null,
    };
    const paidByMonth = paidBy.get(member.id) ?? new Map<string, number>();
    const lastPaidMonth = lastPaid.get(member.id) ?? null;
    return {
      member,
      ledgerMember,
      profiles: memberProfiles,
      current: profileForMonth(memberProfiles, currentMonth),
      restoredOn: ledgerMember.restoredOn,
      startMonth: firstOwedMonth(ledgerMember, memberProfiles),
      paidByMonth,
      lastPaidMonth,
      arrears: arrearsOf(ledgerMember, memberProfiles, paidByMonth, currentMonth, options.backPaymentMonths),
      unpaid: unpaidRun(ledgerMember, memberProfiles, lastPaidMonth, currentMonth),
    };
  });
}

/** State, standard and amount paid of one month for a loaded standing. */
export function monthStateOf(s: DuesStanding, month: string) {
  const paidFen = s.paidByMonth.get(month) ?? 0;
  return { ...monthState(s.ledgerMember, s.profiles, s.startMonth, month, paidFen), paidFen };
}

/** A member whose run of unpaid months may have reached `minMonths`, with the run computed exactly. */
export interface DuesRun {
  member: LedgerMemberRow;
  unpaid: { months: number; fromMonth: string | null };
}

/**
 * Members with `minMonths` or more consecutive months unpaid before the current month: the
 * database narrows to members with nothing paid in the last `minMonths` months, then their
 * profiles, whole-history last payment and lifted suspensions give the exact run.
 */
export async function loadUnpaidRuns(
  db: Executor,
  where: SQL,
  today: string,
  minMonths: number,
): Promise<DuesRun[]> {
  const currentMonth = monthOf(today);
  const candidates = await selectMembersUnpaidSince(db, where, addMonthsToMonth(currentMonth, -minMonths));
  const out: DuesRun[] = [];
  for (let i = 0; i < candidates.length; i += 5000) {
    const chunk = candidates.slice(i, i + 5000);
    const chunkWhere = inArray(
      members.id,
      chunk.map((m) => m.id),
    );
    const [profiles, lifted] = await Promise.all([
      selectLedgerProfiles(db, chunkWhere),
      selectSuspensionsLifted(db, chunkWhere),
    ]);
    const profilesBy = new Map<number, LedgerProfileRow[]>();
    for (const p of profiles) {
      const list = profilesBy.get(p.memberId);
      if (list) list.push(p);
      else profilesBy.set(p.memberId, [p]);
    }
    for (const { lastPaidMonth, ...m } of chunk) {
      const ledgerMember = { joinedOn: m.joinedOn, leftOn: m.leftOn, restoredOn: lifted.get(m.id) ?? null };
      const unpaid = unpaidRun(ledgerMember, profilesBy.get(m.id) ?? [], lastPaidMonth, currentMonth);
      if (unpaid.months >= minMonths) out.push({ member: m, unpaid });
    }
  }
  return out;
}
