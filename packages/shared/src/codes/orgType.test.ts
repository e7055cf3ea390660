import { describe, expect, it } from 'vitest';
import { canHaveChild, lookupOrgType, ORG_TYPES, OrgTypeCode, orgTypeName } from './orgType.ts';

describe('ORG_TYPES', () => {
  it('has one entry per code, in enum order', () => {
    expect(ORG_TYPES.map((t) => t.code)).toEqual(OrgTypeCode.options);
  });

  it('lets nothing sit below a 党小组 and only 党小组 below a branch', () => {
    for (const child of OrgTypeCode.options) expect(canHaveChild('group', child)).toBe(false);
    for (const branch of ['branch', 'joint_branch', 'temporary_branch'] as const) {
      expect(OrgTypeCode.options.filter((child) => canHaveChild(branch, child))).toEqual(['group']);
    }
  });

  it('puts branches, not groups, below committees', () => {
    expect(canHaveChild('party_committee', 'general_branch')).toBe(true);
    expect(canHaveChild('party_committee', 'branch')).toBe(true);
    expect(canHaveChild('party_committee', 'party_committee')).toBe(true);
    expect(canHaveChild('party_committee', 'group')).toBe(false);
    expect(canHaveChild('working_committee', 'party_committee')).toBe(true);
    expect(canHaveChild('general_branch', 'branch')).toBe(true);
    expect(canHaveChild('general_branch', 'general_branch')).toBe(false);
    expect(canHaveChild('general_branch', 'party_committee')).toBe(false);
  });

  it('places 临时党委 and 临时党总支 like their permanent counterparts', () => {
    expect(canHaveChild('party_committee', 'temporary_committee')).toBe(true);
    expect(canHaveChild('working_committee', 'temporary_committee')).toBe(true);
    expect(canHaveChild('temporary_committee', 'temporary_general_branch')).toBe(true);
    expect(canHaveChild('temporary_committee', 'temporary_branch')).toBe(true);
    expect(canHaveChild('temporary_committee', 'party_committee')).toBe(false);
    expect(canHaveChild('temporary_committee', 'group')).toBe(false);
    expect(canHaveChild('party_committee', 'temporary_general_branch')).toBe(true);
    expect(canHaveChild('temporary_general_branch', 'branch')).toBe(true);
    expect(canHaveChild('temporary_general_branch', 'temporary_branch')).toBe(true);
    expect(canHaveChild('temporary_general_branch', 'general_branch')).toBe(false);
    expect(canHaveChild('general_branch', 'temporary_general_branch')).toBe(false);
  });

  it('never lets a type contain a type that could contain it back, except the 党委/党工委 levels', () => {
    // A county 党委 leads 街道党工委 and 机关工委, and those lead 社区/机关 党委 in turn.
    const committees = new Set(['party_committee', 'working_committee']);
    for (const a of OrgTypeCode.options) {
      for (const b of OrgTypeCode.options) {
        if (committees.has(a) && committees.has(b)) continue;
        if (a !== b && canHaveChild(a, b)) expect(canHaveChild(b, a)).toBe(false);
      }
    }
    expect(canHaveChild('party_committee', 'working_committee')).toBe(true);
  });
});

describe('lookupOrgType', () => {
  it.each([
    ['基层党委', 'party_committee'],
    ['党委', 'party_committee'],
    ['基层委员会', 'party_committee'],
    ['party_committee', 'party_committee'],
    ['党工委', 'working_committee'],
    ['党(工)委', 'working_committee'],
    ['党（工）委', 'working_committee'],
    ['党总支', 'general_branch'],
    ['总支部委员会', 'general_branch'],
    ['党总支部', 'general_branch'],
    ['总支', 'general_branch'],
    ['党支部', 'branch'],
    ['支部', 'branch'],
    ['联合党支部', 'joint_branch'],
    ['临时党支部', 'temporary_branch'],
    ['临时党委', 'temporary_committee'],
    ['临时党总支', 'temporary_general_branch'],
    ['临时总支', 'temporary_general_branch'],
    ['党小组', 'group'],
    [' Group ', 'group'],
  ])('%j → %s', (input, code) => {
    expect(lookupOrgType(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '党组', '县委', 'committee']) expect(lookupOrgType(input)).toBeUndefined();
  });

  it('names each type', () => {
    expect(orgTypeName('general_branch')).toBe('党总支');
    expect(orgTypeName('nope')).toBeUndefined();
  });
});
