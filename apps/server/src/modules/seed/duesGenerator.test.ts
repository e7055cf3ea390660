import {
  addMonthsToMonth,
  computeDuesStandard,
  EMPLOYED_DUES_BANDS,
  monthOf,
  RETIRED_DUES_BANDS,
} from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import { unpaidRun } from '../dues/duesLedger.ts';
import {
  branchDuesHabits,
  type GeneratedDues,
  generateMemberDues,
  HISTORY_MONTHS,
  LAPSE_HISTORY_MONTHS,
} from './duesGenerator.ts';
import {
  type CountyPeople,
  generateMember,
  IdNumberAllocator,
  UNIT_KINDS,
  type UnitKind,
} from './memberGenerator.ts';
import { SeededRandom } from './seededRandom.ts';

const TODAY = '2026-11-22';

function county(): CountyPeople {
  return {
    provinceCode: '13',
    homePlace: '河北省正定县',
    otherPlaces: ['河北省藁城区'],
    ids: new IdNumberAllocator('130123'),
  };
}

interface Sample {
  kind: UnitKind;
  joinedOn: string;
  dues: GeneratedDues;
}

function sample(seed: string, perKind = 400, today = TODAY): Sample[] {
  const people = county();
  const out: Sample[] = [];
  for (const kind of UNIT_KINDS) {
    const rng = new SeededRandom(`${seed}/${kind}`);
    const unit = { kind, county: people, workUnits: ['某单位'], address: '河北省正定县', leaderPosts: [] };
    for (let branch = 0; branch < perKind / 20; branch++) {
      const habits = branchDuesHabits(rng);
      for (let i = 0; i < 20; i++) {
        const member = generateMember(rng, unit, { today });
        out.push({
          kind,
          joinedOn: member.joinedOn,
          dues: generateMemberDues(rng, kind, member, habits, today, '中共正定县某镇委员会'),
        });
      }
    }
  }
  return out;
}

const standardOf = (d: GeneratedDues) => {
  const r = computeDuesStandard(d.profile);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('generateMemberDues', () => {
  const all = sample('a');

  it('gives every member a profile the dues service accepts', () => {
    for (const { dues } of all) expect(computeDuesStandard(dues.profile).ok).toBe(true);
  });

  it('fits the category to the unit: farmers in villages, pensions for retired cadres, wages in offices', () => {
    const share = (kind: UnitKind, category: string) => {
      const of = all.filter((s) => s.kind === kind);
      return of.filter((s) => s.dues.profile.category === category).length / of.length;
    };
    expect(share('village', 'farmer')).toBeGreaterThan(0.5);
    expect(share('retired', 'retired')).toBe(1);
    expect(share('government', 'employed')).toBeGreaterThan(0.9);
    expect(share('community', 'retired')).toBeGreaterThan(0.2);
    for (const category of ['student', 'unemployed', 'relief', 'hardship_reduced', 'annual_salary']) {
      expect(
        all.some((s) => s.dues.profile.category === category),
        category,
      ).toBe(true);
    }
  });

  it('spreads wages over all four bands and pensions over both (P1, P2)', () => {
    const rates = (category: string) =>
      new Set(
        all.filter((s) => s.dues.profile.category === category).map((s) => standardOf(s.dues).basisPoints),
      );
    expect(rates('employed')).toEqual(new Set(EMPLOYED_DUES_BANDS.map((b) => b.basisPoints)));
    expect(rates('retired')).toEqual(new Set(RETIRED_DUES_BANDS.map((b) => b.basisPoints)));
  });

  it('records hardship cases with the decision and an approval before the standard applies (P3, 第七条)', () => {
    const hardship = all.filter((s) => s.dues.profile.category === 'hardship_reduced');
    expect(hardship.length).toBeGreaterThan(0);
    for (const { dues } of hardship) {
      const h = dues.profile.hardship;
      expect(h?.approvedBy).toBe('中共正定县某镇委员会');
      expect(h && h.decidedOn <= h.approvedOn && h.approvedOn <= dues.profile.effectiveFrom).toBe(true);
    }
  });

  it('pays only owed months, from the standard or admission on, collected on or before today', () => {
    for (const { dues, joinedOn } of all) {
      const from = monthOf(dues.profile.effectiveFrom);
      expect(dues.profile.effectiveFrom >= joinedOn).toBe(true);
      for (const p of dues.payments) {
        expect(p.month >= from && p.month <= monthOf(TODAY)).toBe(true);
        expect(p.paidOn >= joinedOn && p.paidOn <= TODAY).toBe(true);
        expect(monthOf(p.paidOn) >= p.month).toBe(true);
      }
      if (standardOf(dues).monthlyFen === 0) continue;
      const earliest = addMonthsToMonth(monthOf(TODAY), -LAPSE_HISTORY_MONTHS);
      expect(from >= earliest).toBe(true);
    }
  });

  it('leaves a realistic minority in arrears: some warned (3–5 months), a few past six', () => {
    const runs = all.map(({ dues, joinedOn }) => {
      const profile = { effectiveFrom: dues.profile.effectiveFrom, standardFen: standardOf(dues).monthlyFen };
      const last = dues.payments.at(-1)?.month ?? null;
      return unpaidRun({ joinedOn, leftOn: null, restoredOn: null }, [profile], last, monthOf(TODAY)).months;
    });
    const warned = runs.filter((n) => n >= 3 && n < 6).length / runs.length;
    const lapsed = runs.filter((n) => n >= 6).length / runs.length;
    expect(warned).toBeGreaterThan(0.015);
    expect(warned).toBeLessThan(0.08);
    expect(lapsed).toBeGreaterThan(0.003);
    expect(lapsed).toBeLessThan(0.03);
    // Most are paid up to last month (or this one).
    expect(runs.filter((n) => n <= 1).length / runs.length).toBeGreaterThan(0.85);
    expect(HISTORY_MONTHS).toBeLessThan(LAPSE_HISTORY_MONTHS);
  });

  it('is deterministic', () => {
    expect(sample('b', 40)).toEqual(sample('b', 40));
    expect(sample('b', 40)).not.toEqual(sample('c', 40));
  });

  it('collects this month only once the branch collection day has passed', () => {
    const early = sample('d', 100, '2026-11-01');
    expect(early.some((s) => s.dues.payments.some((p) => p.month === '2026-11'))).toBe(false);
    const late = sample('d', 100, '2026-11-28');
    expect(late.some((s) => s.dues.payments.some((p) => p.month === '2026-11'))).toBe(true);
  });
});
