import { describe, expect, it } from 'vitest';
import {
  countyStem,
  isCommunity,
  loadDivisionTables,
  townshipDisplayName,
  townshipKind,
  villageDisplayName,
} from './chinaDivisions.ts';

describe('loadDivisionTables', () => {
  const tables = loadDivisionTables();

  it('holds the 2023 statistical divisions', () => {
    expect(tables.provinces).toHaveLength(31);
    expect(tables.counties.length).toBeGreaterThan(2900);
    expect(tables.provinceOf('130123')?.name).toBe('河北省');
    expect(tables.cityOf('130123')?.name).toBe('石家庄市');
  });

  it('reads one county’s townships and villages, in code order', () => {
    const townships = tables.townshipsOf('130123');
    expect(townships.length).toBeGreaterThan(5);
    expect(townships.every((t) => t.code.startsWith('130123') && t.code.length === 9)).toBe(true);
    const villages = tables.villagesOf('130123');
    expect(villages.length).toBeGreaterThan(100);
    expect(villages.every((v) => v.code.startsWith('130123') && v.code.length === 12)).toBe(true);
    expect(villages.map((v) => v.code)).toEqual([...villages.map((v) => v.code)].sort());
    expect(tables.villagesOf('999999')).toEqual([]);
  });

  it('leaves out virtual communities', () => {
    expect(tables.villagesOf('110112').some((v) => v.name.includes('虚拟'))).toBe(false);
  });
});

describe('division names', () => {
  it('shortens committee names the way people say them', () => {
    expect(villageDisplayName('东关村委会')).toBe('东关村');
    expect(villageDisplayName('东关村民委员会')).toBe('东关村');
    expect(villageDisplayName('银闸社区居委会')).toBe('银闸社区');
    expect(villageDisplayName('银闸社区居民委员会')).toBe('银闸社区');
    expect(villageDisplayName('巴彦嘎查委员会')).toBe('巴彦嘎查');
    expect(townshipDisplayName('漓东街道办事处')).toBe('漓东街道');
  });

  it('tells townships, streets and parks apart', () => {
    expect(townshipKind('城关镇')).toBe('town');
    expect(townshipKind('南高乡')).toBe('town');
    expect(townshipKind('贡宝拉格苏木')).toBe('town');
    expect(townshipKind('漓东街道办事处')).toBe('subdistrict');
    expect(townshipKind('经济技术开发区')).toBe('park');
    expect(townshipKind('国营红星农场')).toBe('farm');
  });

  it('tells communities from villages', () => {
    expect(isCommunity({ code: '130123100001', name: '城关社区居委会', townshipCode: '130123100' })).toBe(
      true,
    );
    expect(isCommunity({ code: '130123100201', name: '东关村委会', townshipCode: '130123100' })).toBe(false);
  });

  it('strips county suffixes and autonomous groups', () => {
    expect(countyStem('正定县')).toBe('正定');
    expect(countyStem('景东彝族自治县')).toBe('景东');
    expect(countyStem('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(countyStem('鄂温克族自治旗')).toBe('鄂温克族');
  });
});
