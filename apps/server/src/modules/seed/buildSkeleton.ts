import type { OrgCategoryCode, OrgTypeCode } from '@zhibu/shared';
import {
  type County,
  countyStem,
  type DivisionTables,
  isCommunity,
  type Township,
  townshipDisplayName,
  townshipKind,
  type Village,
  villageDisplayName,
} from './chinaDivisions.ts';
import type { Region, Scale } from './chooseRegion.ts';
import { type CountyPeople, IdNumberAllocator, type MemberUnit, type UnitKind } from './memberGenerator.ts';
import type { SeededRandom } from './seededRandom.ts';

/**
 * The tree before sizes are known: containers (党委, 党工委 of real divisions and county systems)
 * and units (a village, a school, a firm) with a natural member count. Once the counts are scaled
 * to the requested total, each unit becomes a 党支部, a 党总支 with 2–4 branches, or a 党委 with
 * more (see planSeed.ts).
 *
 * County shape (county scale; city and province repeat it per county):
 *   中共X县委员会
 *   ├─ 县直属机关工委: ~40 department branches, retired cadres' branches, county state firms
 *   ├─ 县教育局党委: its office, ~10 schools      ├─ 县卫健局党委: its office, hospitals, CDC
 *   ├─ 县公安局党委: office, traffic and CID brigades, one 派出所 per township
 *   ├─ 15–25 乡镇党委 / 街道党工委 (real names and codes), each with its 机关党支部, its real
 *   │  villages (农村) and communities (社区), a school, a health centre, a few firms
 *   └─ 县两新工委: private firms (small ones in joint branches) and social organizations
 */
export type TermPolicy = 'cycle5' | 'committee5' | 'branch3' | 'none';

export interface OrgSpec {
  /** Full name = 中共 + place + stem + suffix of the type; short name = shortStem + suffix. */
  place: string;
  stem: string;
  shortStem: string;
  type: OrgTypeCode;
  category: OrgCategoryCode;
  divisionCode: string | null;
  address: string | null;
  established: readonly [string, string];
  term: TermPolicy;
  /** Post of the member who is this org's secretary (held in the first branch below it). */
  secretaryPost: string;
  /** Overrides the short name built from `shortStem` (县委, 市委 are not "…党委"). */
  shortName?: string;
  /** Index into `Skeleton.counties`; -1 above the counties. */
  county: number;
}

export interface UnitSpec extends Omit<OrgSpec, 'type'> {
  isJoint: boolean;
  member: Omit<MemberUnit, 'leaderPosts'>;
  /** Secretary's post when the unit is one branch. */
  splitSecretaryPost: string;
  committeePosts: readonly string[];
  /** Stems of the branches when the unit is split (第一, 第二 … or 内科, 外科 …). */
  subStems: readonly string[];
}

export type SkeletonNode =
  | { kind: 'container'; spec: OrgSpec; children: SkeletonNode[] }
  | { kind: 'unit'; spec: UnitSpec; natural: number; size: number };

export interface SkeletonCounty {
  county: County;
  people: CountyPeople;
}

export interface Skeleton {
  root: SkeletonNode;
  counties: SkeletonCounty[];
  /** 河北省石家庄市正定县 … for messages. */
  description: string;
}

/** How much of each county to build; the demo keeps a handful of each. */
export interface TreeLimits {
  townships: number;
  villagesPerTownship: number;
  departments: number;
  schools: number;
  hospitals: number;
  hasPolice: boolean;
  enterprises: number;
  socialOrgs: number;
  retiredBranches: number;
  stateEnterprises: number;
}

export const FULL_TREE: TreeLimits = {
  townships: Number.POSITIVE_INFINITY,
  villagesPerTownship: Number.POSITIVE_INFINITY,
  departments: Number.POSITIVE_INFINITY,
  schools: Number.POSITIVE_INFINITY,
  hospitals: Number.POSITIVE_INFINITY,
  hasPolice: true,
  enterprises: Number.POSITIVE_INFINITY,
  socialOrgs: Number.POSITIVE_INFINITY,
  retiredBranches: 3,
  stateEnterprises: Number.POSITIVE_INFINITY,
};

export const DEMO_TREE: TreeLimits = {
  townships: 3,
  villagesPerTownship: 8,
  departments: 3,
  schools: 1,
  hospitals: 1,
  hasPolice: false,
  enterprises: 2,
  socialOrgs: 1,
  retiredBranches: 1,
  stateEnterprises: 1,
};

// County departments: [stem after the county name, short stem ({x} = 县/区/市/旗), natural size range].
const DEPARTMENTS: readonly (readonly [string, string, number, number])[] = [
  ['委办公室', '{x}委办公室', 20, 45],
  ['人大常委会机关', '{x}人大常委会机关', 15, 35],
  ['人民政府办公室', '{x}政府办公室', 20, 45],
  ['政协机关', '{x}政协机关', 12, 30],
  ['纪委监委机关', '{x}纪委监委机关', 30, 60],
  ['委组织部', '{x}委组织部', 15, 35],
  ['委宣传部', '{x}委宣传部', 12, 30],
  ['委统战部', '{x}委统战部', 8, 20],
  ['委政法委员会', '{x}委政法委', 8, 20],
  ['发展和改革局', '{x}发展改革局', 15, 40],
  ['财政局', '{x}财政局', 25, 60],
  ['人力资源和社会保障局', '{x}人社局', 20, 50],
  ['自然资源和规划局', '{x}自然资源和规划局', 20, 50],
  ['住房和城乡建设局', '{x}住建局', 20, 50],
  ['交通运输局', '{x}交通运输局', 20, 50],
  ['农业农村局', '{x}农业农村局', 30, 70],
  ['水利局', '{x}水利局', 15, 40],
  ['商务局', '{x}商务局', 8, 25],
  ['文化广电和旅游局', '{x}文广旅局', 12, 35],
  ['退役军人事务局', '{x}退役军人事务局', 8, 20],
  ['应急管理局', '{x}应急管理局', 10, 30],
  ['市场监督管理局', '{x}市场监管局', 30, 70],
  ['统计局', '{x}统计局', 8, 20],
  ['医疗保障局', '{x}医保局', 8, 25],
  ['审计局', '{x}审计局', 10, 25],
  ['司法局', '{x}司法局', 15, 40],
  ['民政局', '{x}民政局', 12, 30],
  ['林业局', '{x}林业局', 10, 30],
  ['行政审批局', '{x}行政审批局', 10, 30],
  ['信访局', '{x}信访局', 6, 15],
  ['人民法院', '{x}法院', 40, 90],
  ['人民检察院', '{x}检察院', 25, 50],
  ['总工会', '{x}总工会', 6, 15],
  ['妇女联合会', '{x}妇联', 5, 12],
  ['工业和信息化局', '{x}工信局', 10, 25],
  ['城市管理综合行政执法局', '{x}城管执法局', 20, 60],
  ['供销合作社联合社', '{x}供销社', 8, 25],
  ['融媒体中心', '{x}融媒体中心', 12, 35],
  ['档案馆', '{x}档案馆', 5, 12],
  ['科学技术协会', '{x}科协', 5, 10],
  ['机关事务服务中心', '{x}机关事务服务中心', 8, 20],
  ['公共资源交易中心', '{x}公共资源交易中心', 6, 15],
];

const SCHOOLS: readonly (readonly [string, string, number, number])[] = [
  ['第一中学', '{x}一中', 80, 180],
  ['第二中学', '{x}二中', 50, 120],
  ['实验中学', '{x}实验中学', 40, 100],
  ['职业技术教育中心', '{x}职教中心', 30, 70],
  ['实验小学', '{x}实验小学', 25, 60],
  ['第一小学', '{x}一小', 15, 40],
  ['第二小学', '{x}二小', 15, 40],
  ['第三小学', '{x}三小', 12, 35],
  ['特殊教育学校', '{x}特教学校', 5, 12],
  ['第一幼儿园', '{x}一幼', 6, 18],
  ['教师发展中心', '{x}教师发展中心', 8, 20],
];

const HOSPITALS: readonly (readonly [string, string, number, number, OrgCategoryCode])[] = [
  ['人民医院', '{x}医院', 150, 320, 'hospital'],
  ['中医医院', '{x}中医院', 60, 140, 'hospital'],
  ['妇幼保健院', '{x}妇幼保健院', 20, 50, 'hospital'],
  ['疾病预防控制中心', '{x}疾控中心', 15, 35, 'institution'],
];

const STATE_FIRMS: readonly (readonly [string, number, number])[] = [
  ['城市建设投资集团有限公司', 20, 60],
  ['国有资产运营有限公司', 10, 30],
  ['供水有限公司', 10, 30],
  ['公共交通有限公司', 8, 25],
  ['粮食储备库', 5, 15],
];

const FIRM_BRANDS =
  '宏达 恒通 鑫源 华盛 永兴 金穗 丰润 顺发 新星 瑞丰 广源 天成 隆盛 富民 兴旺 益农 绿源 长青 金龙 万家 福瑞 盛世 汇丰 康达 宏运 博远 中诚 众鑫 嘉禾 东方 鼎盛 佳美 利民 正大 润泽 华通 昌盛 诚信 祥和 三元'.split(
    ' ',
  );
const FIRM_TRADES =
  '机械制造 农业科技 食品 建材 纺织 商贸 物流 电子科技 新能源 农产品加工 生态农业 建筑工程 包装 医药 家具 服装 汽车销售服务 环保科技 网络科技 物业服务 餐饮管理 旅游开发 印刷 钢结构'.split(
    ' ',
  );
const FIRM_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const SOCIAL_ORGS: readonly (readonly [string, number, number])[] = [
  ['个体劳动者私营企业协会', 5, 12],
  ['律师事务所', 3, 10],
  ['会计师事务所', 3, 8],
  ['养老服务中心', 3, 10],
  ['社会工作服务中心', 3, 8],
  ['慈善协会', 3, 8],
  ['物流行业协会', 3, 8],
];
const FORMER_FACTORIES = [
  '纺织厂',
  '化肥厂',
  '农机厂',
  '酒厂',
  '水泥厂',
  '棉纺厂',
  '食品公司',
  '百货公司',
  '粮食局',
  '供销社',
  '机械厂',
  '造纸厂',
];

const ORDINALS = '一二三四五六七八九十';

/** 第一 … 第九十九 (ordinal stems for sub-branches and groups). */
export function ordinal(n: number): string {
  if (n < 1) throw new RangeError(`ordinal out of range: ${n}`);
  if (n > 99) return `第${n}`;
  if (n <= 10) return `第${ORDINALS.charAt(n - 1)}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `第${tens === 1 ? '' : ORDINALS.charAt(tens - 1)}十${ones === 0 ? '' : ORDINALS.charAt(ones - 1)}`;
}

const ordinals = (n: number, suffix = '', prefix = '') =>
  Array.from({ length: n }, (_, i) => `${prefix}${ordinal(i + 1)}${suffix}`);

interface CountyScope {
  index: number;
  county: County;
  x: string;
  /** 河北省石家庄市正定县 */
  fullPlace: string;
  people: CountyPeople;
  rng: SeededRandom;
  firmNames: Set<string>;
  /** Where community residents work or worked. */
  workplaces: string[];
}

const COMMITTEE = ['党支部副书记', '党支部组织委员', '党支部宣传委员', '党支部纪检委员'];

/** Random ISO date within [from, to]. */
export function dateBetween(rng: SeededRandom, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const day = 86_400_000;
  return new Date(a + rng.int(0, Math.max(0, Math.round((b - a) / day))) * day).toISOString().slice(0, 10);
}

export function buildSkeleton(
  tables: DivisionTables,
  region: Region,
  scale: Scale,
  limits: TreeLimits,
  rng: SeededRandom,
): Skeleton {
  const { province } = region;
  const counties: SkeletonCounty[] = [];
  const allCountiesOfProvince = tables.counties.filter((c) => c.provinceCode === province.code);

  const scopeOf = (county: County): CountyScope => {
    const city = region.cities.find((c) => c.counties.includes(county))?.city ?? null;
    const countyRng = rng.fork(`county/${county.code}`);
    const people: CountyPeople = {
      provinceCode: province.code,
      homePlace: `${province.name}${county.name}`,
      otherPlaces: countyRng
        .sample(
          allCountiesOfProvince.filter((c) => c.code !== county.code),
          12,
        )
        .map((c) => `${province.name}${c.name}`),
      ids: new IdNumberAllocator(county.code),
    };
    counties.push({ county, people });
    const x =
      county.name.slice(-1) === '旗'
        ? '旗'
        : /区$/.test(county.name)
          ? '区'
          : /市$/.test(county.name)
            ? '市'
            : '县';
    return {
      index: counties.length - 1,
      county,
      x,
      fullPlace: `${province.name}${city && city.name !== province.name ? city.name : ''}${county.name}`,
      people,
      rng: countyRng,
      firmNames: new Set(),
      workplaces: [],
    };
  };

  if (scale === 'village') {
    const county = region.cities[0]?.counties[0];
    if (!county || !region.township) throw new Error('village scale needs a township');
    const scope = scopeOf(county);
    const villages = tables.villagesOf(county.code).filter((v) => v.townshipCode === region.township?.code);
    const villageLimits = {
      ...limits,
      villagesPerTownship: Math.min(limits.villagesPerTownship, scope.rng.int(9, 12)),
    };
    prepareWorkplaces(scope);
    return {
      root: townshipNode(scope, region.township, villages, villageLimits),
      counties,
      description: `${scope.fullPlace}${townshipDisplayName(region.township.name)}`,
    };
  }

  const countyNodes = (list: County[]) => list.map((county) => countyNode(tables, scopeOf(county), limits));
  const established: [string, string] = ['1945-01-01', '1952-12-31'];
  if (scale === 'county') {
    const county = region.cities[0]?.counties[0];
    if (!county) throw new Error('county scale needs a county');
    const [node] = countyNodes([county]);
    if (!node) throw new Error('unreachable');
    return {
      root: node,
      counties,
      description: `${province.name}${region.cities[0]?.city?.name ?? ''}${county.name}`,
    };
  }
  const cityNode = (entry: Region['cities'][number]): SkeletonNode[] => {
    const children = countyNodes(entry.counties);
    if (!entry.city) return children;
    const short = entry.city.name.replace(/地区$/, '地');
    return [
      {
        kind: 'container',
        spec: {
          place: '',
          stem: entry.city.name,
          shortStem: entry.city.name,
          shortName: `${short}委`,
          type: 'party_committee',
          category: 'government',
          divisionCode: entry.city.code,
          address: `${province.name}${entry.city.name}`,
          established,
          term: 'cycle5',
          secretaryPost: `${short}委书记`,
          county: -1,
        },
        children,
      },
    ];
  };
  if (scale === 'city') {
    const [entry] = region.cities;
    if (!entry) throw new Error('city scale needs a city');
    const [node] = cityNode(entry);
    if (!node) throw new Error('unreachable');
    return { root: node, counties, description: `${province.name}${entry.city?.name ?? ''}` };
  }
  const provinceShort = province.name.endsWith('自治区') ? `${province.name}党` : `${province.name}`;
  return {
    root: {
      kind: 'container',
      spec: {
        place: '',
        stem: province.name,
        shortStem: province.name,
        shortName: `${provinceShort}委`,
        type: 'party_committee',
        category: 'government',
        divisionCode: province.code,
        address: province.name,
        established,
        term: 'cycle5',
        secretaryPost: `${provinceShort}委书记`,
        county: -1,
      },
      children: region.cities.flatMap(cityNode),
    },
    counties,
    description: `${province.name}（${region.cities.reduce((n, c) => n + c.counties.length, 0)} 个区县）`,
  };
}

function prepareWorkplaces(scope: CountyScope) {
  const c = scope.county.name;
  scope.workplaces.push(
    ...DEPARTMENTS.slice(9, 30).map(([stem]) => `${c}${stem}`),
    ...SCHOOLS.slice(0, 6).map(([stem]) => `${c}${stem}`),
    `${c}人民医院`,
    ...FORMER_FACTORIES.map((f) => `${c}${f}`),
  );
  for (let i = 0; i < 12; i++) scope.workplaces.push(firmName(scope));
}

function firmName(scope: CountyScope): string {
  const stem = countyStem(scope.county.name);
  for (;;) {
    const name = `${stem}${scope.rng.pick(FIRM_BRANDS)}${scope.rng.pick(FIRM_TRADES)}${scope.rng.pick(FIRM_FORMS)}`;
    if (!scope.firmNames.has(name)) {
      scope.firmNames.add(name);
      return name;
    }
  }
}

function countyNode(tables: DivisionTables, scope: CountyScope, limits: TreeLimits): SkeletonNode {
  const { county, x, rng } = scope;
  const c = county.name;
  prepareWorkplaces(scope);
  const villages = tables.villagesOf(county.code);
  const byTownship = new Map<string, Village[]>();
  for (const v of villages) {
    const list = byTownship.get(v.townshipCode) ?? [];
    list.push(v);
    byTownship.set(v.townshipCode, list);
  }
  let townships = tables.townshipsOf(county.code).filter((t) => (byTownship.get(t.code)?.length ?? 0) > 0);
  if (townships.length > limits.townships) {
    const preferred = townships.filter((t) => (byTownship.get(t.code)?.length ?? 0) >= 6);
    townships = rng.sample(preferred.length >= limits.townships ? preferred : townships, limits.townships);
  }
  const container = (
    stem: string,
    shortStem: string,
    type: OrgTypeCode,
    category: OrgCategoryCode,
    children: SkeletonNode[],
    secretaryPost = `${shortStem}${type === 'working_committee' ? '党工委' : '党委'}书记`,
  ): SkeletonNode => ({
    kind: 'container',
    spec: {
      place: c,
      stem,
      shortStem,
      type,
      category,
      divisionCode: null,
      address: `${scope.fullPlace}${stem}`,
      established: ['1978-01-01', '2010-12-31'],
      term: 'committee5',
      secretaryPost,
      county: scope.index,
    },
    children,
  });
  const xs = (s: string) => s.replaceAll('{x}', x);

  const departments = DEPARTMENTS.slice(0, limits.departments).map(([stem, short, lo, hi]) =>
    unitNode(scope, {
      stem,
      shortStem: xs(short),
      kind: 'government',
      category: 'government',
      workUnits: [`${c}${stem}`],
      natural: rng.int(lo, hi),
      established: ['1980-01-01', '2005-12-31'],
    }),
  );
  const retired = ordinals(Math.min(limits.retiredBranches, 3)).map((n) =>
    unitNode(scope, {
      stem: `${x}直机关离退休干部${n}`,
      shortStem: `${x}直机关离退休干部${n}`,
      kind: 'retired',
      category: 'government',
      workUnits: DEPARTMENTS.map(([stem]) => `原${c}${stem}`),
      natural: rng.int(30, 70),
      established: ['1990-01-01', '2010-12-31'],
    }),
  );
  const stateFirms = STATE_FIRMS.slice(0, limits.stateEnterprises).map(([stem, lo, hi]) =>
    unitNode(scope, {
      stem: `${c}${stem}`,
      place: '',
      shortStem: `${x}${stem.replace(/有限公司$|集团有限公司$/, '公司')}`,
      kind: 'enterprise',
      category: 'state_enterprise',
      workUnits: [`${c}${stem}`],
      natural: rng.int(lo, hi),
      established: ['1995-01-01', '2015-12-31'],
    }),
  );
  const office = (stem: string, shortStem: string, lo: number, hi: number) =>
    unitNode(scope, {
      stem,
      shortStem,
      kind: 'government',
      category: 'government',
      workUnits: [`${c}${stem.replace(/机关$/, '')}`],
      natural: rng.int(lo, hi),
      established: ['1980-01-01', '2005-12-31'],
    });
  const schools = SCHOOLS.slice(0, limits.schools).map(([stem, short, lo, hi]) =>
    unitNode(scope, {
      stem: `${c}${stem}`,
      place: '',
      shortStem: xs(short),
      kind: 'school',
      category: 'school',
      workUnits: [`${c}${stem}`],
      natural: rng.int(lo, hi),
      established: ['1952-01-01', '2000-12-31'],
    }),
  );
  const hospitals = HOSPITALS.slice(0, limits.hospitals).map(([stem, short, lo, hi, category]) =>
    unitNode(scope, {
      stem: `${c}${stem}`,
      place: '',
      shortStem: xs(short),
      kind: 'hospital',
      category,
      workUnits: [`${c}${stem}`],
      natural: rng.int(lo, hi),
      established: ['1950-01-01', '1990-12-31'],
    }),
  );
  const police: SkeletonNode[] = [];
  if (limits.hasPolice) {
    police.push(
      office('公安局机关', `${x}公安局机关`, 40, 90),
      office('公安局交通警察大队', `${x}交警大队`, 20, 45),
      office('公安局刑事侦查大队', `${x}刑侦大队`, 12, 30),
      ...townships.map((t) => {
        const name = townshipDisplayName(t.name).replace(/(镇|乡|街道|苏木)$/, '');
        const stationStem = `${name.length >= 2 ? name : townshipDisplayName(t.name)}派出所`;
        return office(`公安局${stationStem}`, stationStem, 8, 22);
      }),
    );
  }

  const { firms, joint } = firmUnits(scope, rng.int(15, 30), limits.enterprises, `${x}商贸企业`);
  const social = SOCIAL_ORGS.slice(0, limits.socialOrgs).map(([stem, lo, hi]) => ({
    stem:
      stem.includes('事务所') || stem.includes('服务中心')
        ? `${countyStem(c)}${rng.pick(FIRM_BRANDS)}${stem}`
        : `${c}${stem}`,
    natural: rng.int(lo, hi),
  }));
  const socialSmall = social.filter((s) => s.natural < 5);
  const socialUnits = social
    .filter((s) => s.natural >= 5 || socialSmall.length < 2)
    .map((s) =>
      unitNode(scope, {
        stem: s.stem,
        place: '',
        shortStem: s.stem,
        kind: 'social',
        category: 'social_org',
        workUnits: [s.stem],
        natural: Math.max(5, s.natural),
        established: ['2010-01-01', '2022-12-31'],
      }),
    );
  if (socialSmall.length >= 2) {
    socialUnits.push(
      unitNode(scope, {
        stem: `${x}社会组织`,
        shortStem: `${x}社会组织`,
        kind: 'social',
        category: 'social_org',
        workUnits: socialSmall.map((s) => s.stem),
        natural: socialSmall.reduce((n, s) => n + s.natural, 0),
        isJoint: true,
        established: ['2012-01-01', '2022-12-31'],
      }),
    );
  }

  const townshipNodes = townships.map((t) => townshipNode(scope, t, byTownship.get(t.code) ?? [], limits));
  const children: SkeletonNode[] = [
    container('直属机关', `${x}直机关`, 'working_committee', 'government', [
      ...departments,
      ...retired,
      ...stateFirms,
    ]),
  ];
  if (schools.length > 0) {
    children.push(
      container('教育局', `${x}教育局`, 'party_committee', 'school', [
        office('教育局机关', `${x}教育局机关`, 10, 25),
        ...schools,
      ]),
    );
  }
  if (hospitals.length > 0) {
    children.push(
      container('卫生健康局', `${x}卫健局`, 'party_committee', 'hospital', [
        office('卫生健康局机关', `${x}卫健局机关`, 10, 25),
        ...hospitals,
      ]),
    );
  }
  if (police.length > 0)
    children.push(container('公安局', `${x}公安局`, 'party_committee', 'government', police));
  children.push(...townshipNodes);
  const twoNew = [...firms, ...joint, ...socialUnits];
  if (twoNew.length > 0) {
    children.push(
      container(
        '非公有制经济组织和社会组织',
        `${x}两新组织`,
        'working_committee',
        'private_enterprise',
        twoNew,
        `${x}两新组织党工委书记`,
      ),
    );
  }
  return {
    kind: 'container',
    spec: {
      place: '',
      stem: c,
      shortStem: c,
      shortName: `${c}委`,
      type: 'party_committee',
      category: 'government',
      divisionCode: county.code,
      address: scope.fullPlace,
      established: ['1945-01-01', '1952-12-31'],
      term: 'cycle5',
      secretaryPost: `${x}委书记`,
      county: scope.index,
    },
    children,
  };
}

/** Private firms: those with fewer than 5 members are grouped into one joint branch. */
function firmUnits(scope: CountyScope, count: number, limit: number, jointStem: string) {
  const firms = Array.from({ length: Math.min(count, limit) }, () => ({
    name: firmName(scope),
    natural: scope.rng.logNormalInt(9, 0.7, 2, 200),
  }));
  const small = firms.filter((f) => f.natural < 5);
  const units = firms
    .filter((f) => f.natural >= 5 || small.length < 2)
    .map((f) =>
      unitNode(scope, {
        stem: f.name,
        place: '',
        shortStem: f.name,
        kind: 'enterprise',
        category: 'private_enterprise',
        workUnits: [f.name],
        natural: Math.max(5, f.natural),
        established: ['2006-01-01', '2022-12-31'],
      }),
    );
  const joint =
    small.length >= 2
      ? [
          unitNode(scope, {
            stem: jointStem,
            shortStem: jointStem,
            kind: 'enterprise',
            category: 'private_enterprise',
            workUnits: small.map((f) => f.name),
            natural: small.reduce((n, f) => n + f.natural, 0),
            isJoint: true,
            established: ['2010-01-01', '2022-12-31'],
          }),
        ]
      : [];
  return { firms: units, joint };
}

function townshipNode(
  scope: CountyScope,
  township: Township,
  villages: Village[],
  limits: TreeLimits,
): SkeletonNode {
  const { rng } = scope;
  const name = townshipDisplayName(township.name);
  const kind = townshipKind(township.name);
  const place = `${scope.fullPlace}${name}`;
  const suffix = kind === 'town' ? (name.match(/(镇|乡|苏木)$/)?.[1] ?? '镇') : '';
  const isRuralTown = kind === 'town';
  const type: OrgTypeCode =
    kind === 'subdistrict' || kind === 'park' ? 'working_committee' : 'party_committee';
  // The statistics bulletin counts a township's and a street's own committee as 乡镇 / 城市街道,
  // apart from the villages and communities below it.
  const category: OrgCategoryCode =
    kind === 'town'
      ? 'township'
      : kind === 'subdistrict'
        ? 'street'
        : kind === 'park'
          ? 'park'
          : kind === 'farm'
            ? 'state_enterprise'
            : 'other';
  const secretaryPost =
    kind === 'town'
      ? `${suffix}党委书记`
      : kind === 'subdistrict'
        ? '街道党工委书记'
        : kind === 'park'
          ? '党工委书记、管委会主任'
          : '党委书记';
  const government =
    kind === 'subdistrict'
      ? `${scope.county.name}${name}办事处`
      : kind === 'park'
        ? `${name}管理委员会`
        : `${scope.county.name}${name}人民政府`;

  const children: SkeletonNode[] = [
    unitNode(scope, {
      stem: `${name}机关`,
      shortStem: `${name}机关`,
      kind: 'township',
      category: 'government',
      workUnits: [government],
      natural: rng.int(18, 45),
      address: place,
      divisionCode: township.code,
      established: ['1958-01-01', '1990-12-31'],
      secretaryPost: '党委委员、机关党支部书记',
    }),
  ];
  const chosen =
    villages.length > limits.villagesPerTownship
      ? rng.sample(villages, limits.villagesPerTownship)
      : villages;
  for (const village of chosen) {
    const vName = villageDisplayName(village.name);
    const isUrban = isCommunity(village);
    children.push(
      unitNode(scope, {
        stem: vName,
        place: `${scope.county.name}${name}`,
        shortStem: vName,
        kind: isUrban ? 'community' : 'village',
        category: isUrban ? 'community' : 'rural',
        workUnits: [isUrban ? `${vName.replace(/社区$/, '')}社区居民委员会` : `${vName}村民委员会`],
        otherWorkUnits: isUrban ? scope.workplaces : undefined,
        natural: isUrban
          ? rng.logNormalInt(kind === 'subdistrict' ? 110 : 60, 0.5, 15, 500)
          : rng.logNormalInt(40, 0.5, 8, 220),
        address: `${place}${vName}`,
        orgAddress: `${place}${vName}党群服务中心`,
        divisionCode: village.code,
        established: isUrban ? ['1998-01-01', '2016-12-31'] : ['1950-01-01', '1985-12-31'],
        term: 'cycle5',
        secretaryPost: isUrban ? '党支部书记、居委会主任' : '党支部书记、村委会主任',
        splitSecretaryPost: isUrban ? '党总支书记、居委会主任' : '党总支书记、村委会主任',
        committeePosts: isUrban
          ? ['党支部副书记', '党支部委员、居委会委员', '党支部委员、网格长', '党支部委员、居务监督委员会主任']
          : [
              '党支部副书记',
              '党支部委员、村委会委员',
              '党支部委员、村务监督委员会主任',
              '党支部委员、妇联主席',
            ],
        subStems: isUrban
          ? [...ordinals(6, '网格'), '离退休党员']
          : rng.chance(0.3)
            ? [...ordinals(3), '流动党员', ...ordinals(8).slice(3)]
            : ordinals(9),
      }),
    );
  }
  if (limits.schools > 0 && isRuralTown && rng.chance(0.8)) {
    children.push(
      unitNode(scope, {
        stem: `${name}中心学校`,
        shortStem: `${name}中心学校`,
        kind: 'school',
        category: 'school',
        workUnits: [`${scope.county.name}${name}中心学校`],
        natural: rng.int(8, 35),
        address: place,
        established: ['1960-01-01', '2005-12-31'],
      }),
    );
  }
  if (limits.hospitals > 0 && (isRuralTown ? rng.chance(0.7) : kind === 'subdistrict' && rng.chance(0.5))) {
    const stem = isRuralTown ? `${name}卫生院` : `${name}社区卫生服务中心`;
    children.push(
      unitNode(scope, {
        stem,
        shortStem: stem,
        kind: 'hospital',
        category: 'hospital',
        workUnits: [`${scope.county.name}${stem}`],
        natural: rng.int(5, 18),
        address: place,
        established: ['1958-01-01', '2005-12-31'],
      }),
    );
  }
  const firmCount = kind === 'park' ? rng.int(3, 8) : kind === 'subdistrict' ? rng.int(1, 4) : rng.int(0, 3);
  const { firms, joint } = firmUnits(scope, firmCount, limits.enterprises, `${name}非公企业`);
  children.push(...firms, ...joint);
  return {
    kind: 'container',
    spec: {
      place: scope.county.name,
      stem: name,
      shortStem: name,
      type,
      category,
      divisionCode: township.code,
      address: `${place}${kind === 'subdistrict' ? '办事处' : kind === 'park' ? '管委会' : '人民政府'}`,
      established: kind === 'town' ? ['1950-01-01', '1960-12-31'] : ['1980-01-01', '2015-12-31'],
      term: 'cycle5',
      secretaryPost,
      county: scope.index,
    },
    children,
  };
}

interface UnitInput {
  stem: string;
  shortStem: string;
  /** Default: the county's name. */
  place?: string;
  kind: UnitKind;
  category: OrgCategoryCode;
  workUnits: string[];
  otherWorkUnits?: string[];
  natural: number;
  established: readonly [string, string];
  isJoint?: boolean;
  /** Address prefix of members; default: the county. */
  address?: string;
  orgAddress?: string;
  divisionCode?: string;
  term?: TermPolicy;
  secretaryPost?: string;
  splitSecretaryPost?: string;
  committeePosts?: readonly string[];
  subStems?: readonly string[];
}

const DEFAULT_POSTS: Record<UnitKind, { secretary: string; split: string; subStems: readonly string[] }> = {
  village: { secretary: '党支部书记、村委会主任', split: '党总支书记、村委会主任', subStems: ordinals(9) },
  community: {
    secretary: '党支部书记、居委会主任',
    split: '党总支书记、居委会主任',
    subStems: ordinals(9, '网格'),
  },
  township: { secretary: '机关党支部书记', split: '机关党总支书记', subStems: ordinals(6, '', '机关') },
  government: {
    secretary: '党组成员、机关党支部书记',
    split: '机关党总支书记',
    subStems: [...ordinals(4, '', '机关'), '离退休干部', ...ordinals(12, '', '机关').slice(4)],
  },
  retired: { secretary: '离退休干部党支部书记', split: '离退休干部党总支书记', subStems: ordinals(9) },
  school: {
    secretary: '党支部书记、校长',
    split: '党总支书记',
    subStems: ['行政后勤', ...ordinals(3, '教工'), '离退休教师', ...ordinals(12, '教工').slice(3)],
  },
  hospital: {
    secretary: '党支部书记、院长',
    split: '党委书记',
    subStems: [
      '内科',
      '外科',
      '医技',
      '护理',
      '行政后勤',
      '门诊',
      '妇产儿科',
      '离退休',
      '急诊',
      '药剂',
      '医保',
      '后勤保障',
    ],
  },
  enterprise: {
    secretary: '党支部书记、副总经理',
    split: '党总支书记、董事长',
    subStems: ['生产', '管理', '营销', '技术研发', ...ordinals(8, '车间')],
  },
  social: { secretary: '党支部书记', split: '党总支书记', subStems: ordinals(9) },
};

/** Where the branch meets: the township for township units, else the (first) work unit in the county. */
function orgAddress(scope: CountyScope, input: UnitInput): string {
  if (input.address) return input.address;
  const unit = (input.workUnits[0] ?? '').replace(/^原/, '');
  return `${scope.fullPlace}${unit.startsWith(scope.county.name) ? unit.slice(scope.county.name.length) : unit}`;
}

function unitNode(scope: CountyScope, input: UnitInput): SkeletonNode {
  const defaults = DEFAULT_POSTS[input.kind];
  const isJoint = input.isJoint ?? false;
  return {
    kind: 'unit',
    natural: input.natural,
    size: input.natural,
    spec: {
      place: input.place ?? scope.county.name,
      stem: input.stem,
      shortStem: input.shortStem,
      category: input.category,
      divisionCode: input.divisionCode ?? null,
      address: input.orgAddress ?? orgAddress(scope, input),
      established: input.established,
      term: input.term ?? 'branch3',
      secretaryPost: isJoint ? '联合党支部书记' : (input.secretaryPost ?? defaults.secretary),
      county: scope.index,
      isJoint,
      member: {
        kind: input.kind,
        county: scope.people,
        workUnits: input.workUnits,
        otherWorkUnits: input.otherWorkUnits,
        address: input.address ?? scope.fullPlace,
      },
      splitSecretaryPost: input.splitSecretaryPost ?? defaults.split,
      committeePosts: input.committeePosts ?? COMMITTEE,
      subStems: input.subStems ?? defaults.subStems,
    },
  };
}
