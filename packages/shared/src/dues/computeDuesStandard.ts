import type { Result } from '../result.ts';
import type { DuesCategoryCode } from './duesCategory.ts';
import { DUES_CITATIONS, type DuesCitation } from './duesCitations.ts';
import { MAX_AMOUNT_FEN } from './parseYuan.ts';

/** One band of a banded rate: bases up to and including `upToFen` (null: no upper bound) pay `basisPoints`/10000. */
export interface DuesBand {
  upToFen: number | null;
  basisPoints: number;
}

/** P1 (第一、二条): the whole base at the band's rate; 3000.00 元 → 0.5 %, 3000.01 元 → 1 %. */
export const EMPLOYED_DUES_BANDS: readonly DuesBand[] = [
  { upToFen: 300_000, basisPoints: 50 },
  { upToFen: 500_000, basisPoints: 100 },
  { upToFen: 1_000_000, basisPoints: 150 },
  { upToFen: null, basisPoints: 200 },
];

/** P2 (第五条): pensions up to and including 5000 元 → 0.5 %, above → 1 %. */
export const RETIRED_DUES_BANDS: readonly DuesBand[] = [
  { upToFen: 500_000, basisPoints: 50 },
  { upToFen: null, basisPoints: 100 },
];

/** P3 (第六条): students, unemployed and relief recipients pay 0.2 元 a month. */
export const FIXED_DUES_FEN = 20;
/** P3 (第六条): farmers pay 0.2–1 元 a month, as their branch decides. */
export const FARMER_MIN_FEN = 20;
export const FARMER_MAX_FEN = 100;

export interface DuesStandardInput {
  category: DuesCategoryCode;
  /** Monthly base in fen (wage after tax, actual monthly pay, pension); for employed, annual_salary, retired. */
  baseFen?: number | null;
  /** Farmer: the amount the branch chose (default 0.2 元); hardship_reduced: the amount decided (0 = waived). */
  amountFen?: number | null;
}

export interface DuesStandard {
  category: DuesCategoryCode;
  baseFen: number | null;
  /** Share of the base as a decimal (0.005 = 0.5 %), null for fixed amounts. */
  rate: number | null;
  basisPoints: number | null;
  monthlyFen: number;
  citation: DuesCitation;
}

export type DuesStandardErrorCode = 'BASE_REQUIRED' | 'BASE_INVALID' | 'AMOUNT_REQUIRED' | 'AMOUNT_INVALID';

function bandOf(bands: readonly DuesBand[], baseFen: number): DuesBand {
  const band = bands.find((b) => b.upToFen === null || baseFen <= b.upToFen);
  if (band === undefined) throw new Error('bands must end with an open band');
  return band;
}

/** Share of a base, rounded to the fen half-up (amounts are never negative). */
export function shareOfBase(baseFen: number, basisPoints: number): number {
  return Math.floor((baseFen * basisPoints + 5_000) / 10_000);
}

function isAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT_FEN;
}

/**
 * The monthly dues standard of 中组发〔2008〕3号: banded shares of the base for employed, annual-salary
 * and retired members (the whole base at its band's rate), fixed amounts for the others, the decided
 * amount under hardship. Pure, so the server, the web app and the CLI agree to the fen.
 */
export function computeDuesStandard(input: DuesStandardInput): Result<DuesStandard, DuesStandardErrorCode> {
  const { category } = input;
  if (category === 'employed' || category === 'annual_salary' || category === 'retired') {
    const base = input.baseFen;
    if (base === undefined || base === null) {
      return {
        ok: false,
        code: 'BASE_REQUIRED',
        message: '请填写党费基数（月工资、年薪月均收入或离退休费）',
      };
    }
    if (!isAmount(base)) {
      return { ok: false, code: 'BASE_INVALID', message: '党费基数应为不小于 0 的金额（精确到分）' };
    }
    const retired = category === 'retired';
    const band = bandOf(retired ? RETIRED_DUES_BANDS : EMPLOYED_DUES_BANDS, base);
    return {
      ok: true,
      value: {
        category,
        baseFen: base,
        rate: band.basisPoints / 10_000,
        basisPoints: band.basisPoints,
        monthlyFen: shareOfBase(base, band.basisPoints),
        citation: retired ? DUES_CITATIONS.retired : DUES_CITATIONS.employed,
      },
    };
  }
  const baseFen = isAmount(input.baseFen) ? input.baseFen : null;
  if (category === 'farmer') {
    const amount = input.amountFen ?? FARMER_MIN_FEN;
    if (!Number.isSafeInteger(amount) || amount < FARMER_MIN_FEN || amount > FARMER_MAX_FEN) {
      return { ok: false, code: 'AMOUNT_INVALID', message: '农民党员每月交纳党费 0.2 元至 1 元' };
    }
    return {
      ok: true,
      value: {
        category,
        baseFen,
        rate: null,
        basisPoints: null,
        monthlyFen: amount,
        citation: DUES_CITATIONS.fixed,
      },
    };
  }
  if (category === 'hardship_reduced') {
    const amount = input.amountFen;
    if (amount === undefined || amount === null) {
      return { ok: false, code: 'AMOUNT_REQUIRED', message: '请填写减免后的每月交纳额（免交填 0）' };
    }
    if (!isAmount(amount))
      return { ok: false, code: 'AMOUNT_INVALID', message: '减免后的交纳额应为不小于 0 的金额' };
    return {
      ok: true,
      value: {
        category,
        baseFen,
        rate: null,
        basisPoints: null,
        monthlyFen: amount,
        citation: DUES_CITATIONS.hardship,
      },
    };
  }
  return {
    ok: true,
    value: {
      category,
      baseFen,
      rate: null,
      basisPoints: null,
      monthlyFen: FIXED_DUES_FEN,
      citation: DUES_CITATIONS.fixed,
    },
  };
}
