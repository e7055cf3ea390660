import { describe, expect, it } from 'vitest';
import { lookupOrgCategory, ORG_CATEGORIES, OrgCategoryCode, orgCategoryName } from './orgCategory.ts';

describe('ORG_CATEGORIES', () => {
  it('has one entry per code, in enum order', () => {
    expect(ORG_CATEGORIES.map((c) => c.code)).toEqual(OrgCategoryCode.options);
    expect(orgCategoryName('private_enterprise')).toBe('非公有制企业');
  });
});

describe('lookupOrgCategory', () => {
  it.each([
    ['农村', 'rural'],
    ['社区', 'community'],
    ['机关', 'government'],
    ['事业单位', 'institution'],
    ['国有企业', 'state_enterprise'],
    ['国企', 'state_enterprise'],
    ['非公有制企业', 'private_enterprise'],
    ['非公企业', 'private_enterprise'],
    ['民营企业', 'private_enterprise'],
    ['社会组织', 'social_org'],
    ['学校', 'school'],
    ['医院', 'hospital'],
    ['园区', 'park'],
    ['其他', 'other'],
    ['其它', 'other'],
    ['STATE_ENTERPRISE', 'state_enterprise'],
  ])('%j → %s', (input, code) => {
    expect(lookupOrgCategory(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '企业', '两新组织']) expect(lookupOrgCategory(input)).toBeUndefined();
  });
});
