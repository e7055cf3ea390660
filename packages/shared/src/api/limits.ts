// Plausible ranges for what the API accepts, in one place: a value outside them is a typing error
// (or an attack), never a record, and refusing it keeps date arithmetic and integer columns safe.

/** A date range: from `min` to `max`, or to today (Asia/Shanghai) plus `yearsAhead` when `max` is absent. */
export interface DateRange {
  readonly min: string;
  readonly max?: string;
  readonly yearsAhead?: number;
}

export const DATE_RANGES = {
  /** Org founded, member joined or confirmed, term started, org dissolved: the Party was founded 1921-07-01. */
  history: { min: '1921-07-01', yearsAhead: 1 },
  /** Date of birth: nobody on a register was born before 1900, nor after today. */
  birth: { min: '1900-01-01', yearsAhead: 0 },
  /** Day-to-day records kept by this system (transfers, dues, development steps, flowing members, leaving). */
  record: { min: '1949-10-01', yearsAhead: 1 },
  /** Planned dates (letter valid until, expected return): a few years ahead at most. */
  plan: { min: '1949-10-01', yearsAhead: 10 },
  /** Filters on lists (audit from / to): any day a search could mean. */
  filter: { min: '1900-01-01', max: '2100-12-31' },
} as const satisfies Record<string, DateRange>;

/** Dues months asked for or paid for: from the founding of the People's Republic to 2100. */
export const MONTH_RANGE = { min: '1949-10', max: '2100-12' } as const;

export const NUMBER_LIMITS = {
  /** One dues payment or collection item: 1000 万元, below PostgreSQL's 32-bit integer. */
  maxPaymentFen: 1_000_000_000,
  /** A monthly dues base (income): 1000 万元 a month. */
  maxDuesBaseFen: 1_000_000_000,
  /** A fixed monthly dues amount: 10 万元. */
  maxDuesAmountFen: 10_000_000,
  /** Optimistic-concurrency version: a 32-bit integer column. */
  maxVersion: 2_147_483_647,
  /** Page numbers: 10⁵ pages of 200 is more than any register. */
  maxPage: 100_000,
} as const;
