import {
  addMonthsToMonth,
  type DuesMonthState,
  lastDayOfMonth,
  laterMonth,
  monthOf,
  monthRange,
  monthsBetween,
} from '@zhibu/shared';

// Pure arithmetic over one member's dues: which months are owed, the standard of each month,
// what is paid, arrears and the run of unpaid months. The service and the rules load the rows
// and call these; tests call them directly.

export interface LedgerMember {
  joinedOn: string;
  leftOn: string | null;
  /** Day the member's 停止党籍 was lifted (months while suspended are not owed). */
  restoredOn: string | null;
}

export interface LedgerProfile {
  effectiveFrom: string;
  standardFen: number;
}

/** Profiles sorted as they apply: by effective date, then by the order they were recorded. */
export type SortedProfiles<P extends LedgerProfile = LedgerProfile> = readonly P[];

/** The profile in force for a month: the latest whose effective date falls on or before the month's last day. */
export function profileForMonth<P extends LedgerProfile>(
  profiles: SortedProfiles<P>,
  month: string,
): P | null {
  const last = lastDayOfMonth(month);
  let found: P | null = null;
  for (const p of profiles) if (p.effectiveFrom <= last) found = p;
  return found;
}

/**
 * First month dues are owed: the month of admission (probationary members pay from admission,
 * 第八条), but not before zhibu holds a standard for the member, nor before a lifted suspension.
 */
export function firstOwedMonth(member: LedgerMember, profiles: SortedProfiles): string | null {
  const first = profiles[0];
  if (!first) return null;
  let start = laterMonth(monthOf(member.joinedOn), monthOf(first.effectiveFrom));
  if (member.restoredOn) start = laterMonth(start, monthOf(member.restoredOn));
  return start;
}

/** Whether a month is owed: from the first owed month, and before the month the member left in. */
export function isMonthOwed(member: LedgerMember, start: string | null, month: string): boolean {
  if (start === null || month < start) return false;
  return member.leftOn === null || month < monthOf(member.leftOn);
}

export function monthState(
  member: LedgerMember,
  profiles: SortedProfiles,
  start: string | null,
  month: string,
  paidFen: number,
): { state: DuesMonthState; standardFen: number | null } {
  const profile = profileForMonth(profiles, month);
  const joined =
    month >= monthOf(member.joinedOn) && (member.leftOn === null || month < monthOf(member.leftOn));
  if (!joined) return { state: 'not_due', standardFen: null };
  // Before the first standard zhibu holds, a month is outside the ledger rather than unset.
  if (!profile) return { state: profiles.length > 0 ? 'not_due' : 'no_standard', standardFen: null };
  if (!isMonthOwed(member, start, month)) return { state: 'not_due', standardFen: profile.standardFen };
  const standardFen = profile.standardFen;
  if (standardFen === 0) return { state: 'waived', standardFen };
  if (paidFen >= standardFen) return { state: 'paid', standardFen };
  return { state: paidFen > 0 ? 'partial' : 'unpaid', standardFen };
}

/**
 * Arrears still payable: owed months from `currentMonth − backPaymentMonths` to the month before
 * `currentMonth` (older months can no longer be paid back, 第十二条) that are not paid in full.
 */
export function arrearsOf(
  member: LedgerMember,
  profiles: SortedProfiles,
  paidByMonth: ReadonlyMap<string, number>,
  currentMonth: string,
  backPaymentMonths: number,
): { months: string[]; fen: number } {
  const start = firstOwedMonth(member, profiles);
  const months: string[] = [];
  let fen = 0;
  for (const month of monthRange(
    addMonthsToMonth(currentMonth, -backPaymentMonths),
    addMonthsToMonth(currentMonth, -1),
  )) {
    const paid = paidByMonth.get(month) ?? 0;
    const { state, standardFen } = monthState(member, profiles, start, month, paid);
    if ((state === 'unpaid' || state === 'partial') && standardFen !== null) {
      months.push(month);
      fen += standardFen - paid;
    }
  }
  return { months, fen };
}

/**
 * Consecutive months without any dues up to the month before `currentMonth` (第十三条: 6 in a row
 * without good reason → 自行脱党). Counted from the later of the last month with a payment and
 * the start of the current stretch of non-zero standards; a waived standard stops the count.
 */
export function unpaidRun(
  member: LedgerMember,
  profiles: SortedProfiles,
  lastPaidMonth: string | null,
  currentMonth: string,
): { months: number; fromMonth: string | null } {
  const start = firstOwedMonth(member, profiles);
  const current = profileForMonth(profiles, currentMonth);
  if (start === null || current === null || current.standardFen === 0) return { months: 0, fromMonth: null };
  // Start of the trailing run of profiles with a non-zero standard.
  let stretch = start;
  let isAfterZero = false;
  for (const p of profiles) {
    if (p.effectiveFrom > lastDayOfMonth(currentMonth)) break;
    if (p.standardFen === 0) isAfterZero = true;
    else if (isAfterZero) {
      stretch = monthOf(p.effectiveFrom);
      isAfterZero = false;
    }
  }
  let from = laterMonth(start, stretch);
  if (lastPaidMonth !== null) from = laterMonth(from, addMonthsToMonth(lastPaidMonth, 1));
  let end = currentMonth;
  if (member.leftOn !== null && monthOf(member.leftOn) < end) end = monthOf(member.leftOn);
  const months = Math.max(0, monthsBetween(from, end));
  return { months, fromMonth: months > 0 ? from : null };
}
