import type { OrgCategoryCode, OrgTypeCode } from '@zhibu/shared';
import { addDays, addYears, canHaveChild, compareIsoDate, isoDateParts } from '@zhibu/shared';
import {
  buildSkeleton,
  dateBetween,
  FULL_TREE,
  type OrgSpec,
  ordinal,
  type Skeleton,
  type SkeletonCounty,
  type SkeletonNode,
  type TermPolicy,
  type TreeLimits,
  type UnitSpec,
} from './buildSkeleton.ts';
import { type DivisionTables, loadDivisionTables } from './chinaDivisions.ts';
import { chooseRegion, type Scale } from './chooseRegion.ts';
import { type GeneratedMember, generateMember, type MemberUnit } from './memberGenerator.ts';
import { generatePersonName } from './personNames.ts';
import { SeededRandom } from './seededRandom.ts';
import { SeedInputError } from './seedInputError.ts';

export type { Scale } from './chooseRegion.ts';

/** Members a run makes when `--members` is not given. */
export const DEFAULT_MEMBERS: Readonly<Record<Scale, number>> = {
  village: 500,
  county: 36_000,
  city: 300_000,
  province: 1_000_000,
};
/** City and province runs take one real county per this many members. */
export const MEMBERS_PER_COUNTY = 37_000;
/** The smallest branch the generator makes (the 支部工作条例 asks for 3 full members). */
export const MIN_BRANCH_SIZE = 5;

export interface SeedPlanOptions {
  scale: Scale;
  seed: number | string;
  /** Dates are generated relative to this day (members' ages, probation, terms). */
  today: string;
  members?: number;
  /** A division code that fixes the region (see chooseRegion). */
  division?: string;
  limits?: TreeLimits;
}

export interface PlannedOrg {
  index: number;
  parentIndex: number | null;
  depth: number;
  sortOrder: number;
  name: string;
  shortName: string;
  type: OrgTypeCode;
  category: OrgCategoryCode;
  /** 12 digits: the county's area code (or the province/prefecture code padded) + a sequence. */
  code: string;
  divisionCode: string | null;
  establishedOn: string;
  termStartedOn: string | null;
  termYears: number | null;
  secretaryName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  /** Members registered directly here: branches only. */
  memberCount: number;
  /** Branches: who their members are. */
  unit: MemberUnit | null;
  /** Branches: the members generated with the tree (secretaries, committee members, group leaders). */
  leaders: GeneratedMember[];
  /** Index into `SeedPlan.counties`; -1 above the counties. */
  county: number;
}

export interface SeedPlan {
  scale: Scale;
  seed: string;
  today: string;
  description: string;
  members: number;
  /** Parents before children (pre-order). */
  orgs: PlannedOrg[];
  counties: SkeletonCounty[];
  /** For demo accounts: the first township organization and the first single village branch. */
  sampleTownship: number | null;
  sampleVillageBranch: number | null;
  rng: SeededRandom;
}

/** Lays out the whole tree (orgs with their member counts and leaders); members come later, per branch. */
export function planSeed(options: SeedPlanOptions, tables: DivisionTables = loadDivisionTables()): SeedPlan {
  const rng = new SeededRandom(options.seed);
  const members = options.members ?? DEFAULT_MEMBERS[options.scale];
  if (!Number.isSafeInteger(members) || members < 1) {
    throw new SeedInputError(`党员总数应为正整数，而不是 ${members}`);
  }
  const countyCount =
    options.scale === 'city' || options.scale === 'province'
      ? Math.max(1, Math.round(members / MEMBERS_PER_COUNTY))
      : 1;
  const region = chooseRegion(tables, rng.fork('region'), options.scale, countyCount, options.division);
  const skeleton = buildSkeleton(
    tables,
    region,
    options.scale,
    options.limits ?? FULL_TREE,
    rng.fork('tree'),
  );
  const units = collectUnits(skeleton.root);
  const minimum = units.length * MIN_BRANCH_SIZE;
  if (members < minimum) {
    throw new SeedInputError(
      `${skeleton.description} 有 ${units.length} 个基层单位，至少需要 ${minimum} 名党员`,
    );
  }
  const sizes = scaleSizes(
    units.map((u) => u.natural),
    members,
    MIN_BRANCH_SIZE,
  );
  units.forEach((u, i) => {
    u.size = sizes[i] ?? MIN_BRANCH_SIZE;
  });
  const builder = new PlanBuilder(rng.fork('orgs'), options.today, skeleton);
  builder.emit(skeleton.root, null, 0);
  builder.finish();
  const samples = pickSamples(builder.orgs);
  return {
    scale: options.scale,
    seed: rng.seed,
    today: options.today,
    description: skeleton.description,
    members,
    orgs: builder.orgs,
    counties: skeleton.counties,
    sampleTownship: samples.township,
    sampleVillageBranch: samples.villageBranch,
    rng,
  };
}

/** The branch's members in order: its leaders, then the rest; same plan and branch → same people. */
export function generateBranchMembers(plan: SeedPlan, org: PlannedOrg): GeneratedMember[] {
  if (!org.unit || org.memberCount === 0) return [];
  const rng = plan.rng.fork(`members/${org.code}`);
  const out = [...org.leaders];
  while (out.length < org.memberCount) out.push(generateMember(rng, org.unit, { today: plan.today }));
  return out;
}

type UnitNode = Extract<SkeletonNode, { kind: 'unit' }>;

/**
 * Orgs for the demo accounts: a township organization — a 乡/镇 rather than a 街道 when there is
 * one — and a single-branch village inside it.
 */
function pickSamples(orgs: PlannedOrg[]): { township: number | null; villageBranch: number | null } {
  const townships = orgs.filter(
    (o) =>
      o.divisionCode?.length === 9 &&
      (o.parentIndex === null || orgs[o.parentIndex]?.divisionCode !== o.divisionCode),
  );
  const ordered = [
    ...townships.filter((t) => t.category === 'township'),
    ...townships.filter((t) => t.category !== 'township'),
  ];
  const isVillageBranch = (o: PlannedOrg) => o.type === 'branch' && o.unit?.kind === 'village';
  for (const township of ordered) {
    // Pre-order: a subtree is the run of orgs after its root that lie deeper than it.
    for (let i = township.index + 1; i < orgs.length; i++) {
      const org = orgs[i];
      if (!org || org.depth <= township.depth) break;
      if (isVillageBranch(org)) return { township: township.index, villageBranch: org.index };
    }
  }
  return { township: ordered[0]?.index ?? null, villageBranch: orgs.find(isVillageBranch)?.index ?? null };
}

function collectUnits(node: SkeletonNode, out: UnitNode[] = []): UnitNode[] {
  if (node.kind === 'unit') out.push(node);
  else for (const child of node.children) collectUnits(child, out);
  return out;
}

/**
 * Integer sizes proportional to `weights`, each at least `min`, summing exactly to `total`
 * (largest remainders get the spare members; the largest sizes give back any excess).
 */
export function scaleSizes(weights: readonly number[], total: number, min: number): number[] {
  if (total < min * weights.length) throw new RangeError(`total ${total} < ${weights.length} × ${min}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (w * total) / sum : total / weights.length));
  const sizes = exact.map((v) => Math.max(min, Math.floor(v)));
  let diff = total - sizes.reduce((s, v) => s + v, 0);
  if (diff > 0) {
    const order = exact
      .map((v, i) => [v - Math.floor(v), i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; diff > 0; k = (k + 1) % order.length, diff--) {
      const i = order[k]?.[1] ?? 0;
      sizes[i] = (sizes[i] ?? 0) + 1;
    }
  }
  while (diff < 0) {
    const order = sizes.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [v, i] of order) {
      if (diff === 0 || v <= min) break;
      sizes[i] = v - 1;
      diff++;
    }
  }
  return sizes;
}

function orgNames(type: OrgTypeCode, place: string, stem: string, shortStem: string): [string, string] {
  switch (type) {
    case 'party_committee':
      return [`中共${place}${stem}委员会`, `${shortStem}党委`];
    case 'working_committee':
      return [`中共${place}${stem}工作委员会`, `${shortStem}党工委`];
    case 'general_branch':
      return [`中共${place}${stem}总支部委员会`, `${shortStem}党总支`];
    case 'branch':
      return [`中共${place}${stem}支部委员会`, `${shortStem}党支部`];
    case 'joint_branch':
      return [`中共${place}${stem}联合支部委员会`, `${shortStem}联合党支部`];
    case 'temporary_branch':
      return [`中共${place}${stem}临时支部委员会`, `${shortStem}临时党支部`];
    case 'temporary_committee':
      return [`中共${place}${stem}临时委员会`, `${shortStem}临时党委`];
    case 'temporary_general_branch':
      return [`中共${place}${stem}临时总支部委员会`, `${shortStem}临时党总支`];
    case 'group':
      return [`${place}${stem}党小组`, `${shortStem}党小组`];
  }
}

const BRANCH_COMMITTEE = ['党支部副书记', '党支部组织委员', '党支部宣传委员', '党支部纪检委员'];

class PlanBuilder {
  readonly orgs: PlannedOrg[] = [];
  /** Orgs waiting for their secretary, who will be a member of the next branch emitted. */
  private pending: { org: PlannedOrg; post: string }[] = [];
  private readonly sequences = new Map<string, number>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly today: string,
    private readonly skeleton: Skeleton,
  ) {}

  emit(node: SkeletonNode, parent: PlannedOrg | null, sortOrder: number) {
    if (node.kind === 'unit') {
      this.emitUnit(node, parent, sortOrder);
      return;
    }
    // Names follow the intended type (…工作委员会); the stored type must be one the type table allows
    // under the parent. ORG_TYPES has no 党委 → 党工委 edge (县委 → 街道党工委), so such 工委 are
    // stored as party_committee until the table allows it.
    const type = !parent || canHaveChild(parent.type, node.spec.type) ? node.spec.type : 'party_committee';
    const names = orgNames(node.spec.type, node.spec.place, node.spec.stem, node.spec.shortStem);
    const org = this.addOrg(node.spec, type, parent, sortOrder, names);
    if (node.spec.county < 0) this.assignStandaloneSecretary(org);
    else this.pending.push({ org, post: node.spec.secretaryPost });
    node.children.forEach((child, i) => {
      this.emit(child, org, i + 1);
    });
  }

  /** Orgs still waiting (a container without branches below) get a secretary who is not generated as a member. */
  finish() {
    for (const { org } of this.pending.splice(0)) this.assignStandaloneSecretary(org);
  }

  private assignStandaloneSecretary(org: PlannedOrg) {
    const rng = this.rng.fork(`secretary/${org.code}`);
    const birthYear = isoDateParts(this.today).year - rng.int(45, 58);
    const name = generatePersonName(rng, { gender: rng.chance(0.15) ? 'female' : 'male', birthYear });
    org.secretaryName = name;
    org.contactName = name;
  }

  private nextCode(prefix: string): string {
    const n = (this.sequences.get(prefix) ?? 0) + 1;
    this.sequences.set(prefix, n);
    return `${prefix}${String(n).padStart(6, '0')}`;
  }

  private addOrg(
    spec: Omit<OrgSpec, 'type' | 'secretaryPost'>,
    type: OrgTypeCode,
    parent: PlannedOrg | null,
    sortOrder: number,
    names?: [string, string],
  ): PlannedOrg {
    const [name, shortName] = names ?? orgNames(type, spec.place, spec.stem, spec.shortStem);
    const county = this.skeleton.counties[spec.county]?.county;
    const prefix = county ? county.code : (spec.divisionCode ?? '').padEnd(6, '0');
    const rng = this.rng;
    const term = type === 'group' ? termOf(rng, 'none', this.today) : termOf(rng, spec.term, this.today);
    const latestEstablished = term.start ? addDays(term.start, -30) : addDays(this.today, -30);
    let establishedOn = parent && type === 'group' ? parent.establishedOn : spec.established[0];
    if (type !== 'group') {
      const [from, to] = spec.established;
      const upper = compareIsoDate(to, latestEstablished) < 0 ? to : latestEstablished;
      establishedOn =
        compareIsoDate(from, upper) <= 0 ? dateBetween(rng, from, upper) : addDays(upper, -rng.int(0, 365));
      if (
        parent &&
        compareIsoDate(establishedOn, parent.establishedOn) < 0 &&
        compareIsoDate(parent.establishedOn, upper) <= 0
      ) {
        establishedOn = dateBetween(rng, parent.establishedOn, upper);
      }
    }
    const org: PlannedOrg = {
      index: this.orgs.length,
      parentIndex: parent?.index ?? null,
      depth: parent ? parent.depth + 1 : 0,
      sortOrder,
      name,
      shortName: spec.shortName ?? shortName,
      type,
      category: spec.category,
      code: this.nextCode(prefix),
      divisionCode: spec.divisionCode,
      establishedOn,
      termStartedOn: term.start,
      termYears: term.years,
      secretaryName: null,
      contactName: null,
      contactPhone: null,
      address: spec.address,
      memberCount: 0,
      unit: null,
      leaders: [],
      county: spec.county,
    };
    this.orgs.push(org);
    return org;
  }

  private emitUnit(node: UnitNode, parent: PlannedOrg | null, sortOrder: number) {
    const { spec, size } = node;
    const isSingle = size <= 50 || (size <= 60 && this.rng.chance(0.5));
    if (isSingle) {
      this.emitBranch(
        spec,
        spec.isJoint ? 'joint_branch' : 'branch',
        spec.stem,
        spec.shortStem,
        size,
        parent,
        sortOrder,
        spec.secretaryPost,
        spec.committeePosts,
        spec.member,
      );
      return;
    }
    // 党总支 for up to 150 members with 2–4 branches; above that a 基层党委 (B3: 100+ members).
    const type: OrgTypeCode = size <= 150 ? 'general_branch' : 'party_committee';
    const count =
      type === 'general_branch' ? Math.min(4, Math.max(2, Math.ceil(size / 42))) : Math.ceil(size / 42);
    const org = this.addOrg(spec, type, parent, sortOrder);
    const post =
      type === 'party_committee'
        ? spec.splitSecretaryPost.replace('党总支', '党委')
        : spec.splitSecretaryPost;
    this.pending.push({ org, post });
    const sizes = scaleSizes(
      Array.from({ length: count }, () => 0.7 + this.rng.next() * 0.6),
      size,
      3,
    );
    sizes.forEach((subSize, j) => {
      const subStem = spec.subStems[j] ?? ordinal(j + 1);
      const isRetiredBranch =
        /离退休/.test(subStem) && spec.member.kind !== 'community' && spec.member.kind !== 'village';
      const member: Omit<MemberUnit, 'leaderPosts'> = isRetiredBranch
        ? {
            ...spec.member,
            kind: 'retired',
            workUnits: spec.member.workUnits.map((w) => `原${w.replace(/^原/, '')}`),
          }
        : spec.member;
      this.emitBranch(
        { ...spec, shortName: undefined, established: [org.establishedOn, this.today] },
        'branch',
        `${spec.stem}${subStem}`,
        `${spec.shortStem}${subStem}`,
        subSize,
        org,
        j + 1,
        '党支部书记',
        BRANCH_COMMITTEE,
        member,
      );
    });
  }

  private emitBranch(
    spec: UnitSpec,
    type: OrgTypeCode,
    stem: string,
    shortStem: string,
    size: number,
    parent: PlannedOrg | null,
    sortOrder: number,
    secretaryPost: string,
    committeePosts: readonly string[],
    member: Omit<MemberUnit, 'leaderPosts'>,
  ): PlannedOrg {
    const rng = this.rng;
    const org = this.addOrg({ ...spec, stem, shortStem, shortName: undefined }, type, parent, sortOrder);
    org.memberCount = size;
    org.unit = { ...member, leaderPosts: [] };
    // 支部工作条例 第十条: 7+ full members elect a committee (3–5); fewer, a secretary and maybe a deputy.
    const committee = committeePosts.slice(0, size >= 7 ? rng.int(2, committeePosts.length) : rng.int(0, 1));
    const groupCount = size >= 15 && rng.chance(0.25) ? Math.min(3, Math.max(2, Math.floor(size / 10))) : 0;
    const pending = this.pending.splice(0);
    const room = Math.max(0, size - 1);
    const carried = pending.slice(0, room);
    for (const p of pending.slice(room)) this.assignStandaloneSecretary(p.org);
    const groupPosts = Array.from({ length: groupCount }, (_, g) => `${ordinal(g + 1)}党小组组长`);
    const posts = [...carried.map((p) => p.post), secretaryPost, ...committee, ...groupPosts].slice(0, size);
    const leaderRng = rng.fork(`leaders/${org.code}`);
    org.leaders = posts.map((post) =>
      generateMember(leaderRng, org.unit as MemberUnit, { today: this.today, leaderPost: post }),
    );
    carried.forEach((p, i) => {
      const leader = org.leaders[i];
      if (!leader) return;
      p.org.secretaryName = leader.name;
      p.org.contactName = leader.name;
      p.org.contactPhone = leader.phone;
    });
    const secretary = org.leaders[carried.length];
    const organizer = org.leaders.find((l) => l.post?.includes('组织委员')) ?? secretary;
    org.secretaryName = secretary?.name ?? null;
    org.contactName = organizer?.name ?? null;
    org.contactPhone = organizer?.phone ?? null;
    for (let g = 0; g < groupCount; g++) {
      const label = ordinal(g + 1);
      const group = this.addOrg(
        { ...spec, stem, shortStem, shortName: undefined, divisionCode: null },
        'group',
        org,
        g + 1,
        [`${spec.place}${stem}党支部${label}党小组`, `${label}党小组`],
      );
      const leader = org.leaders.find((l) => l.post === `${label}党小组组长`);
      group.secretaryName = leader?.name ?? null;
      group.contactName = leader?.name ?? null;
      group.contactPhone = leader?.phone ?? null;
    }
    return org;
  }
}

/**
 * Term of office (B4): village and community organizations and township committees are elected
 * together every 5 years (2021, 2026 …, in the first months of the year); other committees serve
 * 5 years and branches 3, elected at their own dates. A few terms have run out, so the rules
 * engine has expired terms to flag.
 */
export function termOf(
  rng: SeededRandom,
  policy: TermPolicy,
  today: string,
): { start: string | null; years: number | null } {
  switch (policy) {
    case 'none':
      return { start: null, years: null };
    case 'cycle5': {
      let year = 2021 + 5 * Math.floor((isoDateParts(today).year - 2021) / 5);
      if (compareIsoDate(`${year}-04-30`, today) > 0) year -= 5;
      if (rng.chance(0.05)) year -= 5;
      return { start: dateBetween(rng, `${year}-01-05`, `${year}-04-30`), years: 5 };
    }
    case 'committee5':
      return { start: addDays(today, -rng.int(30, 1950)), years: 5 };
    case 'branch3':
      return { start: addDays(today, -rng.int(30, 1200)), years: 3 };
  }
}

/** Whether a term has run past its length on `today` (used by tests and the summary). */
export function isTermExpired(org: Pick<PlannedOrg, 'termStartedOn' | 'termYears'>, today: string): boolean {
  if (!org.termStartedOn || !org.termYears) return false;
  return compareIsoDate(addYears(org.termStartedOn, org.termYears), today) < 0;
}
