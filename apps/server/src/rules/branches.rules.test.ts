import { describe, expect, it } from 'vitest';
import {
  branchRules,
  checkBranchTooFew,
  checkBranchTooLarge,
  checkNoSecretary,
  checkStateOrganStructure,
  checkTermExpired,
  checkTermExpiring,
  checkTermLength,
  checkTermUnknown,
  type OrgFacts,
  termEndOf,
  termYearsOf,
} from './branches.rules.ts';

const org = (over: Partial<OrgFacts> = {}): OrgFacts => ({
  id: 1,
  path: '/1/',
  name: '测试党支部',
  type: 'branch',
  category: 'institution',
  secretaryName: '张书记',
  termStartedOn: null,
  termYears: null,
  members: 10,
  fullMembers: 10,
  ...over,
});
const defaults = Object.fromEntries(branchRules.map((r) => [r.id, r.defaults])) as Record<string, never>;
const P = (id: string) => defaults[id] as never;

describe('B1–B3 citations (DOMAIN.md names the documents; articles read from their text)', () => {
  const article = (id: string) => branchRules.find((r) => r.id === id)?.citation.article;
  it('cites 支部工作条例 第四条 (3+ full members, ≤ 50), 第五条 (fewer → 联合党支部), 第二十条 (7+ → 支委会)', () => {
    expect(article('B1.branch-too-few')).toBe('第四、五条');
    expect(article('B1.branch-too-large')).toBe('第四条');
    expect(article('B2.no-secretary')).toBe('第二十条');
  });
  it('cites 机关基层组织工作条例 第六条 for a 总支 (50–100) and 第五条 for a 基层委员会 (100+)', () => {
    expect(article('B3.state-organ-structure')).toBe('第六条');
  });
});

describe('B1 branch size (支部工作条例 第四、五条)', () => {
  it('warns when a 党支部 has fewer than 3 full members (2 warns, 3 does not)', () => {
    expect(checkBranchTooFew(org({ fullMembers: 2 }), P('B1.branch-too-few'))?.severity).toBe('warning');
    expect(checkBranchTooFew(org({ fullMembers: 3 }), P('B1.branch-too-few'))).toBeNull();
    // A joint branch is the answer to too few members, not a problem.
    expect(
      checkBranchTooFew(org({ type: 'joint_branch', fullMembers: 1 }), P('B1.branch-too-few')),
    ).toBeNull();
  });

  it('warns above 50 members (50 is fine, 51 is not), for every kind of branch only', () => {
    expect(checkBranchTooLarge(org({ members: 50 }), P('B1.branch-too-large'))).toBeNull();
    expect(checkBranchTooLarge(org({ members: 51 }), P('B1.branch-too-large'))?.message).toContain('51');
    expect(
      checkBranchTooLarge(org({ type: 'joint_branch', members: 51 }), P('B1.branch-too-large')),
    ).not.toBeNull();
    expect(
      checkBranchTooLarge(org({ type: 'general_branch', members: 80 }), P('B1.branch-too-large')),
    ).toBeNull();
  });

  it('takes the threshold from the parameters', () => {
    expect(checkBranchTooLarge(org({ members: 31 }), { maxMembers: 30 })).not.toBeNull();
  });
});

describe('B2 secretary and committee (第二十条)', () => {
  it('asks for a committee at 7 full members, a secretary below', () => {
    const p = P('B2.no-secretary');
    expect(checkNoSecretary(org({ secretaryName: null, fullMembers: 6 }), p)?.message).toContain(
      '应设1名书记',
    );
    expect(checkNoSecretary(org({ secretaryName: ' ', fullMembers: 7 }), p)?.message).toContain('支部委员会');
    expect(checkNoSecretary(org({ fullMembers: 7 }), p)).toBeNull();
    expect(checkNoSecretary(org({ type: 'party_committee', secretaryName: null }), p)).toBeNull();
  });
});

describe('B3 机关 structure (机关基层组织工作条例 第五、六条)', () => {
  const gov = (members: number, type: OrgFacts['type'] = 'branch') =>
    org({ category: 'government', members, type });
  const p = P('B3.state-organ-structure');
  it.each([
    [49, null],
    [50, '总部委员会'],
    [99, '总部委员会'],
    [100, '基层委员会'],
  ])('%d members in a 机关 branch → %s', (n, expected) => {
    const f = checkStateOrganStructure(gov(n), p);
    if (expected === null) expect(f).toBeNull();
    else expect(f?.message).toContain(expected === '总部委员会' ? '总支部委员会' : '基层委员会');
  });

  it('cites 第五条 for the committee case and leaves other sectors alone', () => {
    expect(checkStateOrganStructure(gov(100, 'general_branch'), p)?.citation?.article).toBe('第五条');
    expect(checkStateOrganStructure(gov(60, 'general_branch'), p)).toBeNull();
    expect(checkStateOrganStructure(org({ category: 'rural', members: 120 }), p)).toBeNull();
    expect(
      checkStateOrganStructure(org({ category: 'rural', members: 120 }), {
        ...(p as object),
        categories: ['rural'],
      } as never),
    ).not.toBeNull();
  });
});

describe('B4 terms (党章 第三十一条; 2018 任期意见; 选举工作条例 第三条)', () => {
  const p = P('B4.term-expiring') as Parameters<typeof termYearsOf>[1];
  it('uses the recorded length, else the 2018 opinion’s default', () => {
    expect(termYearsOf(org({ termYears: 4 }), p)).toBe(4);
    expect(termYearsOf(org({ type: 'party_committee' }), p)).toBe(5);
    expect(termYearsOf(org({ type: 'general_branch' }), p)).toBe(3);
    expect(termYearsOf(org({ type: 'branch' }), p)).toBe(3);
    expect(termYearsOf(org({ type: 'branch', category: 'rural' }), p)).toBe(5);
    expect(termYearsOf(org({ type: 'general_branch', category: 'community' }), p)).toBe(5);
    expect(termYearsOf(org({ type: 'working_committee' }), p)).toBeNull();
    expect(termYearsOf(org({ type: 'temporary_branch' }), p)).toBeNull();
  });

  // Started 2023-03-15, 3 years: ends 2026-03-15, expired from 2026-03-16; reminders from 90 days before.
  const o = org({ termStartedOn: '2023-03-15' });
  it('ends on the anniversary', () => {
    expect(termEndOf(o, p)).toBe('2026-03-15');
  });

  it.each([
    ['2025-12-14', null],
    ['2025-12-15', 'warning'],
    ['2026-03-15', 'warning'],
    ['2026-03-16', null],
  ])('expiring on %s → %s', (today, severity) => {
    expect(checkTermExpiring(o, p, today)?.severity ?? null).toBe(severity);
  });

  it.each([
    ['2026-03-15', null, null],
    ['2026-03-16', 'violation', '应按期换届'],
    ['2027-03-15', 'violation', '应按期换届'],
    ['2027-03-16', 'violation', '已超过延期换届的最长期限'],
  ])('expired on %s → %s', (today, severity, text) => {
    const f = checkTermExpired(o, P('B4.term-expired'), today);
    expect(f?.severity ?? null).toBe(severity);
    if (text) expect(f?.message).toContain(text);
    if (f) expect(f).toMatchObject({ since: '2026-03-16', due: '2027-03-15' });
  });

  it('takes warnDaysBefore from the parameters', () => {
    expect(checkTermExpiring(o, { ...p, warnDaysBefore: 30 }, '2026-02-12')).toBeNull();
    expect(checkTermExpiring(o, { ...p, warnDaysBefore: 30 }, '2026-02-13')).not.toBeNull();
  });

  it('checks term lengths against the constitution and the village rule', () => {
    const lp = P('B4.term-length');
    expect(checkTermLength(org({ termYears: 2 }), lp)?.severity).toBe('violation');
    expect(checkTermLength(org({ termYears: 3 }), lp)).toBeNull();
    expect(checkTermLength(org({ termYears: 5 }), lp)).toBeNull();
    const village = org({ category: 'rural', termYears: 3, termStartedOn: '2021-01-10' });
    expect(checkTermLength(village, lp)?.message).toContain('每届任期应为 5 年');
    // Terms begun before the opinion (2018-07-12) keep their length until they end.
    expect(checkTermLength({ ...village, termStartedOn: '2018-07-11' }, lp)).toBeNull();
    expect(checkTermLength({ ...village, termStartedOn: '2018-07-12' }, lp)).not.toBeNull();
  });

  it('notes elected orgs without a recorded term start', () => {
    expect(checkTermUnknown(org())?.severity).toBe('info');
    expect(checkTermUnknown(org({ termStartedOn: '2024-01-01' }))).toBeNull();
    expect(checkTermUnknown(org({ type: 'group' }))).toBeNull();
  });
});
