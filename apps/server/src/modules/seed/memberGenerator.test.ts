import { addYears, ageOn, checkMemberRecord, compareIsoDate, parseCitizenId } from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import {
  type CountyPeople,
  type GeneratedMember,
  generateMember,
  IdNumberAllocator,
  type MemberUnit,
  UNIT_KINDS,
  type UnitKind,
} from './memberGenerator.ts';
import { SeededRandom } from './seededRandom.ts';

const TODAY = '2026-11-22';

function people(areaCode = '130123', provinceCode = '13'): CountyPeople {
  return {
    provinceCode,
    homePlace: '河北省正定县',
    otherPlaces: ['河北省藁城区', '河北省行唐县'],
    ids: new IdNumberAllocator(areaCode),
  };
}

function unitOf(kind: UnitKind, county: CountyPeople): MemberUnit {
  return {
    kind,
    county,
    workUnits: [`正定县某${kind}单位`],
    otherWorkUnits: ['正定县纺织厂', '正定县财政局'],
    address: '河北省石家庄市正定县正定镇东关村',
    leaderPosts: [],
  };
}

function generate(count: number, seed: number, county = people()): GeneratedMember[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = UNIT_KINDS[i % UNIT_KINDS.length] ?? 'village';
    return generateMember(rng, unitOf(kind, county), {
      today: TODAY,
      leaderPost: i % 50 === 0 ? '党支部书记' : undefined,
    });
  });
}

describe('generateMember', () => {
  const members = generate(9000, 11);

  it('makes members that pass the register’s rules (9,000 across every kind of unit)', () => {
    const failures = members
      .map((m) => ({ m, check: checkMemberRecord(m, TODAY) }))
      .filter((r) => !r.check.ok);
    expect(failures.slice(0, 3)).toEqual([]);
  }, 60_000);

  it('gives valid, unique citizen IDs of the county that agree with birth date and sex', () => {
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(members.length);
    const wrong = members.filter((m) => {
      const id = parseCitizenId(m.idNumber, TODAY);
      return (
        !id.ok ||
        id.value.areaCode !== '130123' ||
        id.value.birthDate !== m.birthDate ||
        id.value.gender !== m.gender
      );
    });
    expect(wrong).toEqual([]);
  });

  it('keeps admission, probation and conversion dates consistent', () => {
    const yearAgo = addYears(TODAY, -1);
    const wrong = members.filter((m) => {
      if (compareIsoDate(m.joinedOn, addYears(m.birthDate, 18)) < 0) return true;
      if (compareIsoDate(m.joinedOn, TODAY) > 0) return true;
      if (m.status === 'probationary')
        return m.confirmedOn !== null || compareIsoDate(m.joinedOn, yearAgo) <= 0;
      if (m.confirmedOn === null) return true;
      return (
        compareIsoDate(m.confirmedOn, addYears(m.joinedOn, 1)) < 0 || compareIsoDate(m.confirmedOn, TODAY) > 0
      );
    });
    expect(wrong).toEqual([]);
    expect(members.some((m) => m.confirmedOn !== null && m.confirmedOn !== addYears(m.joinedOn, 1))).toBe(
      true,
    );
  });

  it('writes 11-digit mobile numbers and leaves some of the oldest without one', () => {
    expect(members.filter((m) => m.phone !== null && !/^1[3-9]\d{9}$/.test(m.phone))).toEqual([]);
    const oldest = members.filter((m) => ageOn(m.birthDate, TODAY) >= 80);
    expect(oldest.some((m) => m.phone === null)).toBe(true);
  });

  it('follows the mixes: ages by unit, probationary share, education by age', () => {
    const share = (list: GeneratedMember[], p: (m: GeneratedMember) => boolean) =>
      list.filter(p).length / list.length;
    const byKind = (kind: UnitKind) => members.filter((_, i) => UNIT_KINDS[i % UNIT_KINDS.length] === kind);
    expect(share(byKind('village'), (m) => ageOn(m.birthDate, TODAY) >= 61)).toBeGreaterThan(0.3);
    expect(share(byKind('government'), (m) => ageOn(m.birthDate, TODAY) >= 61)).toBe(0);
    expect(share(byKind('retired'), (m) => ageOn(m.birthDate, TODAY) >= 61)).toBe(1);
    expect(share(byKind('retired'), (m) => m.status === 'probationary')).toBe(0);
    const probationary = share(members, (m) => m.status === 'probationary');
    expect(probationary).toBeGreaterThan(0.04);
    expect(probationary).toBeLessThan(0.09);
    const oldRural = byKind('village').filter((m) => ageOn(m.birthDate, TODAY) >= 70);
    expect(share(oldRural, (m) => ['70', '80', '90'].includes(m.education))).toBeGreaterThan(0.6);
    expect(share(byKind('school'), (m) => ['11', '14', '20'].includes(m.education))).toBeGreaterThan(0.7);
    expect(
      share(
        byKind('village').filter((m) => ageOn(m.birthDate, TODAY) >= 60),
        (m) => m.gender === 'female',
      ),
    ).toBeLessThan(0.3);
  });

  it('uses the ethnic mix of the province', () => {
    const xinjiang = generate(2000, 3, people('650102', '65'));
    const uyghur = xinjiang.filter((m) => m.ethnicity === '05');
    expect(uyghur.length / xinjiang.length).toBeGreaterThan(0.25);
    expect(uyghur.every((m) => m.name.includes('·'))).toBe(true);
    const hebei = generate(2000, 3);
    expect(hebei.filter((m) => m.ethnicity === '01').length / hebei.length).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed', () => {
    expect(generate(200, 11).map((m) => [m.name, m.idNumber, m.joinedOn])).toEqual(
      members.slice(0, 200).map((m) => [m.name, m.idNumber, m.joinedOn]),
    );
    expect(generate(200, 12).map((m) => m.idNumber)).not.toEqual(
      members.slice(0, 200).map((m) => m.idNumber),
    );
  });
});

describe('IdNumberAllocator', () => {
  it('never hands out a number twice, even for one birth date', () => {
    const ids = new IdNumberAllocator('110105');
    const rng = new SeededRandom(1);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) seen.add(ids.allocate(rng, '1990-01-01', i % 2 ? 'male' : 'female'));
    expect(seen.size).toBe(400);
    expect(ids.size).toBe(400);
  });
});
