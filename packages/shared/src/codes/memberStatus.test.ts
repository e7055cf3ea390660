import { describe, expect, it } from 'vitest';
import {
  GENDERS,
  GenderCode,
  genderName,
  lookupGender,
  lookupMemberStatus,
  MEMBER_STATUSES,
  MemberStatusCode,
  memberStatusName,
} from './memberStatus.ts';

describe('member status', () => {
  it('has one entry per code', () => {
    expect(MEMBER_STATUSES.map((s) => s.code)).toEqual(MemberStatusCode.options);
    expect(memberStatusName('probationary')).toBe('预备党员');
  });

  it.each([
    ['正式党员', 'full'],
    ['正式', 'full'],
    ['full', 'full'],
    ['预备党员', 'probationary'],
    ['预备', 'probationary'],
    ['中共预备党员', 'probationary'],
  ])('%j → %s', (input, code) => {
    expect(lookupMemberStatus(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '积极分子', '群众']) expect(lookupMemberStatus(input)).toBeUndefined();
  });
});

describe('gender', () => {
  it('has one entry per code', () => {
    expect(GENDERS.map((g) => g.code)).toEqual(GenderCode.options);
    expect(genderName('female')).toBe('女');
  });

  it.each([
    ['男', 'male'],
    ['男性', 'male'],
    ['M', 'male'],
    ['m', 'male'],
    ['1', 'male'],
    [1, 'male'],
    ['male', 'male'],
    ['女', 'female'],
    ['女性', 'female'],
    ['Ｆ', 'female'],
    ['2', 'female'],
    ['FEMALE', 'female'],
  ])('%j → %s', (input, code) => {
    expect(lookupGender(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '0', '9', '未知', 'x']) expect(lookupGender(input)).toBeUndefined();
  });
});
