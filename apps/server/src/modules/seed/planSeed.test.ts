import { ageOn, canHaveChild, checkMemberRecord } from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_TREE } from './buildSkeleton.ts';
import { loadDivisionTables } from './chinaDivisions.ts';
import {
  DEFAULT_MEMBERS,
  generateBranchMembers,
  isTermExpired,
  type PlannedOrg,
  planSeed,
  type SeedPlan,
  scaleSizes,
} from './planSeed.ts';

const TODAY = '2026-11-22';
const tables = loadDivisionTables();

function memberTotal(plan: SeedPlan): number {
  return plan.orgs.reduce((n, o) => n + o.memberCount, 0);
}

/** Rules every plan keeps: parents first, allowed types, members only in branches, sizes, secretaries. */
function expectWellFormed(plan: SeedPlan) {
  const problems: string[] = [];
  for (const org of plan.orgs) {
    const parent: PlannedOrg | undefined = org.parentIndex === null ? undefined : plan.orgs[org.parentIndex];
    if (org.parentIndex !== null && (!parent || parent.index >= org.index))
      problems.push(`${org.name}: parent after child`);
    if (parent && !canHaveChild(parent.type, org.type))
      problems.push(`${parent.type} → ${org.type}: ${org.name}`);
    if (parent && org.depth !== parent.depth + 1) problems.push(`${org.name}: depth`);
    const isBranch = org.type === 'branch' || org.type === 'joint_branch';
    if (isBranch !== org.memberCount > 0) problems.push(`${org.name}: members outside a branch`);
    if (isBranch && (org.memberCount < 5 || org.memberCount > 60))
      problems.push(`${org.name}: ${org.memberCount}`);
    if (isBranch && org.leaders.length > org.memberCount)
      problems.push(`${org.name}: more leaders than members`);
    if (!org.secretaryName) problems.push(`${org.name}: no secretary`);
    if (!/^\d{12}$/.test(org.code)) problems.push(`${org.name}: code ${org.code}`);
    if (org.termStartedOn && org.termStartedOn > TODAY) problems.push(`${org.name}: term in the future`);
    if (org.termStartedOn && org.establishedOn > org.termStartedOn)
      problems.push(`${org.name}: term before founding`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
  expect(new Set(plan.orgs.map((o) => o.code)).size).toBe(plan.orgs.length);
  expect(memberTotal(plan)).toBe(plan.members);
}

describe('scaleSizes', () => {
  it('splits a total exactly, in proportion, with a floor', () => {
    expect(scaleSizes([1, 1, 2], 100, 5)).toEqual([25, 25, 50]);
    const sizes = scaleSizes([1, 1, 1, 100], 40, 5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.min(...sizes)).toBe(5);
    expect(() => scaleSizes([1, 1], 9, 5)).toThrow(RangeError);
  });
});

describe('planSeed: village scale', () => {
  const plan = planSeed({ scale: 'village', seed: 1, today: TODAY }, tables);

  it('is one real township with about ten village branches', () => {
    expectWellFormed(plan);
    const [root] = plan.orgs;
    expect(root?.parentIndex).toBeNull();
    expect(root?.divisionCode).toMatch(/^\d{9}$/);
    const villages = plan.orgs.filter(
      (o) => o.parentIndex === 0 && o.category === 'rural' && o.divisionCode?.length === 12,
    );
    expect(villages.length).toBeGreaterThanOrEqual(8);
    expect(villages.length).toBeLessThanOrEqual(12);
    expect(plan.members).toBe(DEFAULT_MEMBERS.village);
    expect(plan.sampleTownship).toBe(0);
    expect(plan.sampleVillageBranch).not.toBeNull();
    // The township's own committee is counted as 乡镇 (or 街道), not with its villages.
    expect(['township', 'street']).toContain(root?.category);
  });

  it('gives the same plan for the same seed and another for another seed', () => {
    const again = planSeed({ scale: 'village', seed: 1, today: TODAY }, tables);
    expect(again.orgs.map((o) => [o.name, o.secretaryName, o.memberCount])).toEqual(
      plan.orgs.map((o) => [o.name, o.secretaryName, o.memberCount]),
    );
    const branch = plan.orgs.find((o) => o.memberCount > 0);
    const branchAgain = again.orgs.find((o) => o.memberCount > 0);
    if (!branch || !branchAgain) throw new Error('no branch');
    expect(generateBranchMembers(again, branchAgain).map((m) => m.idNumber)).toEqual(
      generateBranchMembers(plan, branch).map((m) => m.idNumber),
    );
    const other = planSeed({ scale: 'village', seed: 2, today: TODAY }, tables);
    expect(other.orgs.map((o) => o.name)).not.toEqual(plan.orgs.map((o) => o.name));
  }, 60_000);

  it('honours a township code and a member count', () => {
    const fixed = planSeed(
      { scale: 'village', seed: 1, today: TODAY, division: '130123100', members: 300 },
      tables,
    );
    expect(fixed.orgs[0]?.divisionCode).toBe('130123100');
    expect(memberTotal(fixed)).toBe(300);
    expect(() => planSeed({ scale: 'village', seed: 1, today: TODAY, members: 10 }, tables)).toThrow(
      /至少需要/,
    );
  });
});

describe('planSeed: county scale', () => {
  const plan = planSeed({ scale: 'county', seed: 1, today: TODAY }, tables);
  const byParent = (index: number) => plan.orgs.filter((o) => o.parentIndex === index);

  it('builds a real county: 15–25 townships, 10³–10⁴ orgs, the default membership', () => {
    expectWellFormed(plan);
    expect(plan.orgs.length).toBeGreaterThan(1000);
    expect(plan.orgs.length).toBeLessThan(10_000);
    expect(plan.members).toBe(36_000);
    const townships = byParent(0).filter((o) => o.divisionCode?.length === 9);
    expect(townships.length).toBeGreaterThanOrEqual(15);
    expect(townships.length).toBeLessThanOrEqual(25);
    const categories = new Set(plan.orgs.map((o) => o.category));
    for (const c of [
      'township',
      'street',
      'rural',
      'community',
      'government',
      'private_enterprise',
      'school',
      'hospital',
    ] as const) {
      expect(categories).toContain(c);
    }
    const types = new Set(plan.orgs.map((o) => o.type));
    for (const t of ['party_committee', 'general_branch', 'branch', 'joint_branch', 'group'] as const) {
      expect(types).toContain(t);
    }
  });

  it('leaves something for the rules engine: a few large branches, a few expired terms', () => {
    const branches = plan.orgs.filter((o) => o.memberCount > 0);
    const large = branches.filter((o) => o.memberCount > 50);
    expect(large.length).toBeGreaterThan(0);
    expect(large.length / branches.length).toBeLessThan(0.1);
    const expired = plan.orgs.filter((o) => isTermExpired(o, TODAY));
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length / plan.orgs.length).toBeLessThan(0.15);
  });

  it('makes members that all pass checkMemberRecord, with the national mixes (sample of every 4th branch)', () => {
    const sample = plan.orgs
      .filter((o) => o.memberCount > 0 && o.index % 4 === 0)
      .flatMap((o) => generateBranchMembers(plan, o));
    expect(sample.length).toBeGreaterThan(5000);
    const failures = sample.map((m) => checkMemberRecord(m, TODAY)).filter((r) => !r.ok);
    expect(failures.slice(0, 3)).toEqual([]);
    const share = (p: (m: (typeof sample)[number]) => boolean) => sample.filter(p).length / sample.length;
    expect(share((m) => ageOn(m.birthDate, TODAY) >= 61)).toBeGreaterThan(0.22);
    expect(share((m) => ageOn(m.birthDate, TODAY) >= 61)).toBeLessThan(0.38);
    expect(share((m) => m.gender === 'female')).toBeGreaterThan(0.2);
    expect(share((m) => m.gender === 'female')).toBeLessThan(0.4);
    expect(share((m) => m.status === 'probationary')).toBeGreaterThan(0.035);
    expect(share((m) => m.status === 'probationary')).toBeLessThan(0.09);
    expect(new Set(sample.map((m) => m.idNumber)).size).toBe(sample.length);
  }, 60_000);
});

describe('planSeed: demo and larger scales', () => {
  it('trims the county for the demo: 3 townships, ~40 branches, 1,500 members', () => {
    const plan = planSeed(
      { scale: 'county', seed: 2026, today: TODAY, members: 1500, limits: DEMO_TREE },
      tables,
    );
    expectWellFormed(plan);
    const branches = plan.orgs.filter((o) => o.memberCount > 0).length;
    expect(branches).toBeGreaterThan(30);
    expect(branches).toBeLessThan(70);
    const township = plan.orgs[plan.sampleTownship ?? -1];
    const branch = plan.orgs[plan.sampleVillageBranch ?? -1];
    expect(township?.shortName).toMatch(/[乡镇]党委$/);
    expect(branch?.type).toBe('branch');
    expect(branch?.divisionCode?.slice(0, 9)).toBe(township?.divisionCode);
  }, 60_000);

  it('spreads a city run over several real counties of one prefecture', () => {
    const plan = planSeed({ scale: 'city', seed: 1, today: TODAY, members: 80_000 }, tables);
    expectWellFormed(plan);
    const counties = plan.orgs.filter((o) => o.parentIndex === 0);
    expect(counties).toHaveLength(2);
    expect(new Set(counties.map((o) => o.divisionCode?.slice(0, 4))).size).toBe(1);
    expect(plan.counties).toHaveLength(2);
  }, 60_000);
});
