import {
  addDays,
  addMonthsToMonth,
  ageOn,
  firstDayOfMonth,
  isoDateParts,
  laterMonth,
  monthOf,
  monthRange,
} from '@zhibu/shared';
import type { SetDuesProfileRequest } from '@zhibu/shared/api';
import type { GeneratedMember, UnitKind } from './memberGenerator.ts';
import type { SeededRandom } from './seededRandom.ts';

/**
 * Synthetic dues for seeded members (中组发〔2008〕3号): a category and base that fit the person
 * (farmers in villages, wages in offices, schools, hospitals and firms across all four bands,
 * pensions for the retired, a few students, unemployed, relief recipients and approved hardship
 * cases), and the months paid since zhibu holds the standard. Most members are paid up to the
 * branch's last collection over `HISTORY_MONTHS` months; a minority, whose standard goes back
 * `LAPSE_HISTORY_MONTHS`, has stopped paying, so the rules engine has arrears to warn about:
 * ≈ 3.5% for 3–5 months (warning), ≈ 1% for 7 (violation: 6 or more, 第十三条).
 *
 * Why not six months for everyone: each ledger row costs two foreign-key checks and five index
 * entries, and at county scale six months of payments doubled the seeding time.
 */
export const HISTORY_MONTHS = 3;
export const LAPSE_HISTORY_MONTHS = 7;

/** How a branch collects: the same day each month, and a farmer amount chosen once. */
export interface BranchDuesHabits {
  collectionDay: number;
  farmerAmountFen: number;
  /** Months behind: 0 = last month collected (and this month once its day has passed), 1 = a month late. */
  lag: number;
}

export function branchDuesHabits(rng: SeededRandom): BranchDuesHabits {
  return {
    collectionDay: rng.int(5, 25),
    farmerAmountFen: rng.pick([20, 20, 20, 30, 50, 50, 100]),
    lag: rng.chance(0.06) ? 1 : 0,
  };
}

export interface GeneratedDues {
  profile: SetDuesProfileRequest;
  payments: { month: string; paidOn: string }[];
}

/** A monthly amount in fen: whole yuan from a log-normal around `median` 元, plus random fen. */
function yuan(rng: SeededRandom, median: number, sigma: number, min: number, max: number): number {
  return rng.logNormalInt(median, sigma, min, max) * 100 + rng.int(0, 99);
}

type Choice = Pick<SetDuesProfileRequest, 'category' | 'baseFen' | 'amountFen' | 'hardship' | 'note'>;

function hardshipCase(rng: SeededRandom, today: string, approvedBy: string): Choice {
  // Decided and approved before the standard took effect (HISTORY_MONTHS ago).
  const decidedOn = addDays(today, -rng.int(230, 500));
  return {
    category: 'hardship_reduced',
    amountFen: rng.chance(0.5) ? 0 : 10,
    hardship: {
      reason: rng.pick(['年老多病，无固定收入', '家庭成员重病，生活困难', '因灾致贫，收入微薄']),
      decidedOn,
      approvedBy,
      approvedOn: addDays(decidedOn, rng.int(7, 30)),
    },
  };
}

function chooseCategory(
  rng: SeededRandom,
  kind: UnitKind,
  age: number,
  habits: BranchDuesHabits,
  today: string,
  approvedBy: string,
): Choice {
  const employed = (median: number, sigma = 0.3, max = 30_000): Choice => ({
    category: 'employed',
    baseFen: yuan(rng, median, sigma, 1_800, max),
  });
  const retired = (median: number): Choice => ({
    category: 'retired',
    baseFen: yuan(rng, median, 0.28, 1_200, 15_000),
  });
  switch (kind) {
    case 'village':
    case 'community': {
      const isVillage = kind === 'village';
      if (age <= 24 && rng.chance(0.4)) return { category: 'student' };
      if (age >= 65 && rng.chance(0.04)) return hardshipCase(rng, today, approvedBy);
      if (rng.chance(0.02)) return { category: 'relief' };
      if (isVillage) {
        if (age < 55 && rng.chance(0.22)) return employed(4_200);
        return { category: 'farmer', amountFen: habits.farmerAmountFen };
      }
      if (age >= 60) return retired(3_600);
      if (rng.chance(0.1)) return { category: 'unemployed' };
      return employed(4_800, 0.35);
    }
    case 'retired':
      return retired(5_600);
    case 'township':
    case 'government':
      return age >= 60 ? retired(5_800) : employed(5_600, 0.22);
    case 'school':
      return age >= 60 ? retired(5_200) : employed(5_900, 0.24);
    case 'hospital':
      return age >= 60 ? retired(5_400) : employed(7_200, 0.4);
    case 'enterprise':
      if (rng.chance(0.05))
        return { category: 'annual_salary', baseFen: yuan(rng, 18_000, 0.35, 8_000, 60_000) };
      return employed(5_200, 0.42);
    case 'social':
      return employed(4_000, 0.3);
  }
}

/**
 * One member's dues: the profile and the months paid. Deterministic from `rng` (a stream of the
 * branch) and the member. `approvedBy` names the committee that approves hardship cases.
 */
export function generateMemberDues(
  rng: SeededRandom,
  kind: UnitKind,
  member: Pick<GeneratedMember, 'birthDate' | 'joinedOn'>,
  habits: BranchDuesHabits,
  today: string,
  approvedBy: string,
): GeneratedDues {
  const currentMonth = monthOf(today);
  const choice = chooseCategory(rng, kind, ageOn(member.birthDate, today), habits, today, approvedBy);
  const roll = rng.next();
  const isLapsed = roll < 0.01;
  const hasStopped = !isLapsed && roll < 0.045;
  const historyStart = firstDayOfMonth(
    addMonthsToMonth(currentMonth, -(isLapsed || hasStopped ? LAPSE_HISTORY_MONTHS : HISTORY_MONTHS)),
  );
  // Probationary members pay from admission (第八条); nobody's standard predates the register.
  const effectiveFrom = member.joinedOn > historyStart ? member.joinedOn : historyStart;
  const profile: SetDuesProfileRequest = {
    ...choice,
    effectiveFrom,
    reviewedOn: effectiveFrom,
    note: choice.note ?? null,
  };

  // The branch's last collection: this month once its day has passed, else last month; a late
  // branch one month earlier.
  const isThisMonthCollected = isoDateParts(today).day >= habits.collectionDay;
  const lastCollected = addMonthsToMonth(currentMonth, (isThisMonthCollected ? 0 : -1) - habits.lag);
  const firstMonth = laterMonth(monthOf(effectiveFrom), monthOf(historyStart));
  let lastPaid = lastCollected;
  if (isLapsed) {
    lastPaid = addMonthsToMonth(firstMonth, -1); // nothing since the standard was fixed
  } else if (hasStopped) {
    lastPaid = addMonthsToMonth(currentMonth, -rng.int(4, 6)); // stopped 3–5 months ago
  }
  // A few paid irregularly: one month missed in the middle (arrears, no run).
  const missed = roll > 0.95 ? addMonthsToMonth(currentMonth, -rng.int(2, HISTORY_MONTHS)) : null;
  const payments: GeneratedDues['payments'] = [];
  if (lastPaid >= firstMonth) {
    for (const month of monthRange(firstMonth, lastPaid)) {
      if (month === missed) continue;
      let paidOn = `${month}-${String(habits.collectionDay).padStart(2, '0')}`;
      if (paidOn < member.joinedOn) paidOn = member.joinedOn;
      if (paidOn > today) paidOn = today;
      payments.push({ month, paidOn });
    }
  }
  return { profile, payments };
}
