import { describe, expect, it } from 'vitest';
import { lookupOrgCategory, ORG_CATEGORIES, OrgCategoryCode, orgCategoryName } from './orgCategory.ts';

describe('ORG_CATEGORIES', () => {
  it('has one entry per code, in enum order', () => {
    expect(ORG_CATEGORIES.map((c) => c.code)).toEqual(OrgCategoryCode.options);
    expect(orgCategoryName('private_enterprise')).toBe('非公有制企业');
  });

  it("starts with the statistics bulletin's own order: 街道, 乡镇, 社区, 村", () => {
    expect(ORG_CATEGORIES.slice(0, 4).map((c) => c.name)).toEqual(['街道', '乡镇', '社区', '农村']);
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
    ['街道', 'street'],
    ['城市街道', 'street'],
    ['街道办事处', 'street'],
    ['乡镇', 'township'],
    ['乡', 'township'],
    ['镇', 'township'],
    ['乡镇街道', 'township'],
    ['乡镇（街道）', 'township'],
    ['社区（居委会）', 'community'],
    ['建制村', 'rural'],
  ])('%j → %s', (input, code) => {
    expect(lookupOrgCategory(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '企业', '两新组织']) expect(lookupOrgCategory(input)).toBeUndefined();
  });
});
