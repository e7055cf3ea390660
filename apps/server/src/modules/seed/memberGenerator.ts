import { addDays, addMonths, addYears, compareIsoDate, computeCheckChar, isoDateParts } from '@zhibu/shared';
import { generatePersonName } from './personNames.ts';
import { type SeededRandom, WeightedTable } from './seededRandom.ts';

/**
 * One synthetic member, shaped like the real register. The mixes are set so that a county comes
 * out close to the national picture (党内统计公报, end of 2024): ≈ 29% aged 61 or more, ≈ 30%
 * women, most members of minorities in the provinces where those groups live, and, for the
 * generator's purposes, 5–8% probationary. Village and community branches carry the older
 * members; 机关, schools, hospitals and enterprises the younger, better-educated ones.
 */
export const UNIT_KINDS = [
  'village',
  'community',
  'township',
  'government',
  'retired',
  'school',
  'hospital',
  'enterprise',
  'social',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What a branch tells the generator about the people in it. */
export interface MemberUnit {
  kind: UnitKind;
  county: CountyPeople;
  /** Work units of the members (several for a joint branch or retired cadres). */
  workUnits: readonly string[];
  /** Community branches: where residents work or worked (the county's firms and offices). */
  otherWorkUnits?: readonly string[];
  /** Address prefix: province, county, township (and village or community). */
  address: string;
  /** Posts the first members hold (secretary first); the rest get ordinary posts. */
  leaderPosts: readonly string[];
}

/** Per county: where IDs are registered, where people come from, which ID numbers are taken. */
export interface CountyPeople {
  provinceCode: string;
  /** 籍贯 of most members (河北省正定县). */
  homePlace: string;
  /** Other counties of the province, for members born elsewhere. */
  otherPlaces: readonly string[];
  ids: IdNumberAllocator;
}

export interface GeneratedMember {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  ethnicity: string;
  birthDate: string;
  nativePlace: string;
  education: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  confirmedOn: string | null;
  workUnit: string | null;
  post: string | null;
  phone: string | null;
  address: string;
  remark: null;
}

type Band = readonly [lo: number, hi: number, weight: number];

interface Profile {
  ages: readonly Band[];
  leaderAges: readonly [number, number];
  probationaryRate: number;
  femaleShare(age: number): number;
  education(age: number): WeightedTable<string>;
  posts: WeightedTable<string | null>;
}

const edu = (entries: Record<string, number>) => new WeightedTable(Object.entries(entries));
const posts = (entries: Record<string, number>) =>
  new WeightedTable<string | null>(Object.entries(entries).map(([k, w]) => [k === '' ? null : k, w]));

// Education (GB/T 4658 codes) by age: rural members born before 1960 mostly finished primary or
// junior middle school; officials and teachers hold degrees, the young ones more often.
const RURAL_OLD = edu({ '80': 38, '70': 36, '60': 12, '90': 9, '40': 5 });
const RURAL_MID = edu({ '70': 44, '60': 24, '80': 12, '40': 10, '30': 8, '90': 2 });
const RURAL_ADULT = edu({ '70': 32, '60': 24, '40': 16, '30': 17, '20': 9, '80': 2 });
const RURAL_YOUNG = edu({ '30': 34, '20': 28, '60': 14, '40': 12, '70': 11, '14': 1 });
const TOWN_RETIRED = edu({ '60': 30, '70': 24, '40': 16, '30': 15, '20': 8, '80': 7 });
const TOWN_WORKING = edu({ '20': 34, '30': 38, '60': 10, '40': 12, '14': 6 });
const OFFICIAL_YOUNG = edu({ '20': 62, '14': 20, '30': 16, '11': 2 });
const OFFICIAL_MID = edu({ '20': 56, '30': 24, '14': 14, '40': 6 });
const OFFICIAL_OLD = edu({ '20': 38, '30': 34, '40': 12, '60': 11, '14': 5 });
const RETIRED_CADRE = edu({ '20': 20, '30': 30, '40': 22, '60': 19, '70': 9 });
const TEACHER = edu({ '20': 68, '14': 14, '30': 17, '11': 1 });
const TEACHER_OLD = edu({ '20': 52, '30': 38, '40': 7, '14': 3 });
const MEDIC = edu({ '20': 50, '14': 20, '11': 3, '30': 22, '40': 5 });
const WORKER = edu({ '20': 33, '30': 34, '40': 13, '60': 11, '14': 6, '70': 3 });
const SOCIAL = edu({ '20': 45, '14': 16, '30': 29, '60': 10 });

const PROFILES: Record<UnitKind, Profile> = {
  village: {
    ages: [
      [20, 30, 7],
      [31, 40, 11],
      [41, 50, 16],
      [51, 60, 23],
      [61, 70, 22],
      [71, 80, 13],
      [81, 95, 5],
    ],
    leaderAges: [36, 60],
    probationaryRate: 0.055,
    femaleShare: (age) => (age >= 60 ? 0.18 : age >= 45 ? 0.25 : 0.36),
    education: (age) =>
      age >= 70 ? RURAL_OLD : age >= 55 ? RURAL_MID : age >= 40 ? RURAL_ADULT : RURAL_YOUNG,
    posts: posts({
      '': 52,
      村民小组长: 11,
      村民代表: 10,
      网格员: 4,
      种养大户: 7,
      个体工商户: 6,
      乡村医生: 2,
      农村电商经营户: 2,
      退役军人: 6,
    }),
  },
  community: {
    ages: [
      [20, 30, 9],
      [31, 40, 13],
      [41, 50, 13],
      [51, 60, 17],
      [61, 70, 22],
      [71, 80, 16],
      [81, 95, 7],
    ],
    leaderAges: [32, 56],
    probationaryRate: 0.06,
    femaleShare: (age) => (age >= 60 ? 0.3 : 0.46),
    education: (age) => (age >= 60 ? TOWN_RETIRED : TOWN_WORKING),
    posts: posts({ 社区工作者: 30, 网格员: 20, 社区专职党务工作者: 6, 楼栋长: 12, 志愿者: 10, '': 22 }),
  },
  township: {
    ages: [
      [22, 30, 26],
      [31, 40, 31],
      [41, 50, 25],
      [51, 59, 18],
    ],
    leaderAges: [33, 52],
    probationaryRate: 0.08,
    femaleShare: () => 0.3,
    education: (age) => (age < 40 ? OFFICIAL_YOUNG : age < 50 ? OFFICIAL_MID : OFFICIAL_OLD),
    posts: posts({
      一级科员: 16,
      二级科员: 12,
      四级主任科员: 10,
      三级主任科员: 6,
      事业单位管理人员: 18,
      选调生: 4,
      党政办主任: 2,
      包村干部: 10,
      站所负责人: 6,
    }),
  },
  government: {
    ages: [
      [23, 30, 15],
      [31, 40, 28],
      [41, 50, 28],
      [51, 60, 29],
    ],
    leaderAges: [38, 56],
    probationaryRate: 0.07,
    femaleShare: (age) => (age < 40 ? 0.38 : 0.26),
    education: (age) => (age < 40 ? OFFICIAL_YOUNG : age < 50 ? OFFICIAL_MID : OFFICIAL_OLD),
    posts: posts({
      一级主任科员: 10,
      二级主任科员: 12,
      三级主任科员: 12,
      四级主任科员: 14,
      一级科员: 16,
      二级科员: 10,
      股长: 10,
      副股长: 6,
      事业编工作人员: 10,
    }),
  },
  retired: {
    ages: [
      [61, 70, 38],
      [71, 80, 40],
      [81, 96, 22],
    ],
    leaderAges: [62, 72],
    probationaryRate: 0,
    femaleShare: () => 0.24,
    education: () => RETIRED_CADRE,
    posts: posts({ 退休干部: 80, 离休干部: 1, 退休职工: 19 }),
  },
  school: {
    ages: [
      [22, 30, 18],
      [31, 40, 30],
      [41, 50, 30],
      [51, 60, 22],
    ],
    leaderAges: [38, 55],
    probationaryRate: 0.08,
    femaleShare: (age) => (age < 45 ? 0.58 : 0.42),
    education: (age) => (age < 45 ? TEACHER : TEACHER_OLD),
    posts: posts({
      教师: 40,
      班主任: 20,
      一级教师: 14,
      高级教师: 10,
      二级教师: 8,
      教研组长: 4,
      年级主任: 3,
      教务主任: 1,
    }),
  },
  hospital: {
    ages: [
      [23, 30, 18],
      [31, 40, 32],
      [41, 50, 28],
      [51, 60, 22],
    ],
    leaderAges: [38, 56],
    probationaryRate: 0.08,
    femaleShare: () => 0.55,
    education: () => MEDIC,
    posts: posts({
      医师: 16,
      主治医师: 18,
      副主任医师: 8,
      主任医师: 3,
      护师: 14,
      主管护师: 12,
      护士: 8,
      护士长: 4,
      药师: 5,
      检验技师: 5,
      行政人员: 7,
    }),
  },
  enterprise: {
    ages: [
      [22, 30, 26],
      [31, 40, 35],
      [41, 50, 24],
      [51, 60, 15],
    ],
    leaderAges: [32, 55],
    probationaryRate: 0.09,
    femaleShare: () => 0.28,
    education: () => WORKER,
    posts: posts({
      职工: 30,
      技术员: 12,
      工程师: 8,
      班组长: 8,
      车间主任: 6,
      部门经理: 8,
      销售经理: 6,
      质检员: 5,
      会计: 5,
      副总经理: 2,
    }),
  },
  social: {
    ages: [
      [23, 30, 24],
      [31, 40, 35],
      [41, 50, 25],
      [51, 65, 16],
    ],
    leaderAges: [33, 58],
    probationaryRate: 0.08,
    femaleShare: () => 0.42,
    education: () => SOCIAL,
    posts: posts({ 工作人员: 40, 律师: 16, 会计师: 8, 社会工作师: 10, 合伙人: 6, 秘书长: 4, 项目主管: 16 }),
  },
};

/** Ages at joining; applied to full members whose present age allows them (≥ 1 year of probation). */
const JOIN_AGES: readonly Band[] = [
  [18, 22, 24],
  [23, 30, 38],
  [31, 40, 24],
  [41, 55, 12],
  [56, 70, 2],
];
/** Probationary members are the recent admissions: mostly young adults. */
const NEW_MEMBER_AGES: readonly Band[] = [
  [19, 22, 16],
  [23, 30, 42],
  [31, 40, 28],
  [41, 50, 11],
  [51, 58, 3],
];

// Ethnic mixes by province (GB/T 3304 codes, shares of members, rounded from the 2020 census and
// adjusted down where the groups are under-represented in the membership). Others: mostly 汉族.
const ETHNICITY_BY_PROVINCE: Record<string, Record<string, number>> = {
  '11': { '03': 1.7, '11': 1.9, '02': 0.4, '10': 0.2 },
  '12': { '03': 1.6, '11': 1.2, '02': 0.2 },
  '13': { '11': 2.6, '03': 0.8, '02': 0.3 },
  '15': { '02': 18, '11': 2, '03': 0.8, '31': 0.3, '45': 0.2 },
  '21': { '11': 12, '02': 1.5, '03': 0.6, '10': 0.5, '38': 0.3 },
  '22': { '10': 4, '11': 3, '03': 0.4, '02': 0.3 },
  '23': { '11': 2.2, '10': 0.8, '02': 0.3, '03': 0.3, '31': 0.1 },
  '33': { '22': 0.4, '15': 0.2, '06': 0.2 },
  '35': { '22': 1, '03': 0.3, '15': 0.2 },
  '36': { '22': 0.2, '15': 0.1 },
  '41': { '03': 1, '11': 0.2, '02': 0.1 },
  '42': { '15': 4, '06': 0.4, '03': 0.1, '12': 0.1 },
  '43': { '15': 4, '06': 3, '12': 1.3, '13': 1, '14': 0.2 },
  '44': { '08': 0.5, '13': 0.2, '22': 0.1, '15': 0.2 },
  '45': { '08': 30, '13': 3, '06': 1, '12': 0.7, '32': 0.3, '36': 0.1 },
  '46': { '19': 14, '06': 1, '08': 0.4 },
  '50': { '15': 4.5, '06': 1.6 },
  '51': { '07': 3, '04': 1.8, '33': 0.4, '06': 0.2, '03': 0.1 },
  '52': { '06': 10, '09': 6, '12': 4, '15': 4, '07': 2, '37': 1.4, '25': 0.9, '03': 0.4 },
  '53': {
    '07': 10,
    '16': 3.5,
    '14': 3.4,
    '18': 2.7,
    '08': 2.6,
    '06': 2.6,
    '03': 1.5,
    '20': 1.5,
    '24': 1,
    '21': 0.8,
  },
  '54': { '04': 85, '54': 0.4, '55': 0.1, '03': 0.3 },
  '62': { '03': 5, '04': 2, '26': 2, '30': 0.1, '47': 0.1 },
  '63': { '04': 24, '03': 14, '30': 3.5, '35': 2, '02': 1.5 },
  '64': { '03': 34, '11': 0.3 },
  '65': { '05': 40, '17': 7, '03': 4, '29': 0.8, '02': 0.6, '38': 0.2 },
};
const DEFAULT_MINORITIES = { '03': 0.5, '11': 0.4, '02': 0.1, '08': 0.1, '15': 0.1, '06': 0.1 };
const ethnicityTables = new Map<string, WeightedTable<string>>();

function ethnicityTable(provinceCode: string): WeightedTable<string> {
  let table = ethnicityTables.get(provinceCode);
  if (!table) {
    const minorities = ETHNICITY_BY_PROVINCE[provinceCode] ?? DEFAULT_MINORITIES;
    const minorityShare = Object.values(minorities).reduce((s, w) => s + w, 0);
    table = new WeightedTable<string>([
      ['01', Math.max(1, 100 - minorityShare)],
      ...Object.entries(minorities),
    ]);
    ethnicityTables.set(provinceCode, table);
  }
  return table;
}

// Mobile number blocks in use (China Mobile, Unicom, Telecom, Broadnet).
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

const STREETS = [
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '文化路',
  '胜利路',
  '和平路',
  '新华路',
  '育才路',
  '光明路',
  '幸福路',
  '迎宾路',
  '府前街',
  '朝阳路',
  '长安路',
];

/** Hands out citizen ID numbers of one county, never the same one twice. */
export class IdNumberAllocator {
  private readonly taken = new Set<string>();
  constructor(readonly areaCode: string) {
    if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`area code must be 6 digits: ${areaCode}`);
  }

  /** GB 11643-1999: area, birth date, sequence (odd for men, even for women), check character. */
  allocate(rng: SeededRandom, birthDate: string, gender: 'male' | 'female'): string {
    const date = birthDate.replaceAll('-', '');
    for (let attempt = 0; attempt < 500; attempt++) {
      const sequence = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${this.areaCode}${date}${String(sequence).padStart(3, '0')}`;
      if (this.taken.has(first17)) continue;
      this.taken.add(first17);
      return first17 + computeCheckChar(first17);
    }
    throw new Error(`no free citizen ID sequence left for ${this.areaCode} ${birthDate}`);
  }

  get size(): number {
    return this.taken.size;
  }
}

/** An age from weighted bands, only from bands starting at or below `maxHi` (linear: bands are few). */
function pickBand(rng: SeededRandom, bands: readonly Band[], maxHi = Number.POSITIVE_INFINITY): number {
  let total = 0;
  for (const [lo, , weight] of bands) if (lo <= maxHi) total += weight;
  let x = rng.next() * total;
  for (const [lo, hi, weight] of bands) {
    if (lo > maxHi) continue;
    x -= weight;
    if (x < 0) return rng.int(lo, Math.min(hi, maxHi));
  }
  const [lo = 18] = bands[0] ?? [];
  return lo;
}

/** A date `age` whole years before `today`, at a random day of that year of life. */
function birthDateForAge(rng: SeededRandom, today: string, age: number): string {
  return addDays(addYears(today, -age), -rng.int(0, 364));
}

export interface GenerateMemberOptions {
  today: string;
  /** Post of a leader (secretary, committee member); leaders are full members of middle age. */
  leaderPost?: string;
}

/** One member of the unit; every field passes `checkMemberRecord` (asserted by the seed). */
export function generateMember(
  rng: SeededRandom,
  unit: MemberUnit,
  options: GenerateMemberOptions,
): GeneratedMember {
  const profile = PROFILES[unit.kind];
  const { today } = options;
  const isLeader = options.leaderPost !== undefined;
  const isProbationary = !isLeader && rng.chance(profile.probationaryRate);

  let age: number;
  if (isLeader) age = rng.int(profile.leaderAges[0], profile.leaderAges[1]);
  else if (isProbationary) age = pickBand(rng, NEW_MEMBER_AGES);
  else age = pickBand(rng, profile.ages);
  const birthDate = birthDateForAge(rng, today, age);
  const gender = rng.chance(profile.femaleShare(age) * (isLeader ? 0.8 : 1)) ? 'female' : 'male';
  const ethnicity = ethnicityTable(unit.county.provinceCode).pick(rng);
  const birthYear = isoDateParts(birthDate).year;

  let joinedOn: string;
  let confirmedOn: string | null = null;
  if (isProbationary) {
    // Admitted by the branch assembly within the last year; no conversion yet.
    joinedOn = addDays(today, -rng.int(0, 364));
  } else {
    const latest = addDays(addYears(today, -1), -30);
    const joinAge = pickBand(rng, JOIN_AGES, age - 1);
    joinedOn = addDays(addYears(birthDate, joinAge), rng.int(0, 364));
    if (compareIsoDate(joinedOn, latest) > 0) joinedOn = addDays(latest, -rng.int(0, 180));
    confirmedOn = addYears(joinedOn, 1);
    // Some conversions come late: an extended probation or a slow approval.
    if (rng.chance(0.07)) {
      const late = addMonths(confirmedOn, rng.int(1, 8));
      if (compareIsoDate(late, today) <= 0) confirmedOn = late;
    }
  }

  const hasPhone = isLeader || rng.chance(age >= 80 ? 0.55 : age >= 70 ? 0.85 : 0.98);
  const [workUnit, post] = options.leaderPost
    ? [rng.pick(unit.workUnits), options.leaderPost]
    : workUnitAndPost(rng, unit, profile, age);
  return {
    name: generatePersonName(rng, { gender, birthYear, ethnicity }),
    gender,
    idNumber: unit.county.ids.allocate(rng, birthDate, gender),
    ethnicity,
    birthDate,
    nativePlace:
      unit.county.otherPlaces.length > 0 && rng.chance(0.12)
        ? rng.pick(unit.county.otherPlaces)
        : unit.county.homePlace,
    education: profile.education(age).pick(rng),
    status: isProbationary ? 'probationary' : 'full',
    joinedOn,
    confirmedOn,
    workUnit,
    post,
    phone: hasPhone ? `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null,
    address: addressFor(rng, unit),
    remark: null,
  };
}

function workUnitAndPost(
  rng: SeededRandom,
  unit: MemberUnit,
  profile: Profile,
  age: number,
): [string | null, string | null] {
  const main = rng.pick(unit.workUnits);
  const post = profile.posts.pick(rng);
  if (unit.kind === 'village') return [rng.chance(0.75) ? main : null, post];
  if (unit.kind !== 'community') return [main, post];
  // Community branches hold the residents: retirees of the county's firms and offices, people
  // working elsewhere, and the community's own workers.
  const elsewhere = unit.otherWorkUnits ?? [];
  if (age >= 60) {
    if (elsewhere.length === 0 || rng.chance(0.3)) return [null, '退休人员'];
    return [`原${rng.pick(elsewhere)}`, rng.chance(0.25) ? '退休干部' : '退休职工'];
  }
  if (rng.chance(0.35) || elsewhere.length === 0) return [main, post];
  return rng.chance(0.8) ? [rng.pick(elsewhere), '职工'] : [null, '灵活就业人员'];
}

function addressFor(rng: SeededRandom, unit: MemberUnit): string {
  switch (unit.kind) {
    case 'village':
      return `${unit.address}${rng.int(1, 12)}组${rng.int(1, 80)}号`;
    case 'community':
      return `${unit.address}${rng.int(1, 30)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}`;
    default:
      return `${unit.address}${rng.pick(STREETS)}${rng.int(1, 300)}号`;
  }
}
