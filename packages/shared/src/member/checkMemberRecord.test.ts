import { describe, expect, it } from 'vitest';
import { computeCheckChar } from '../idNumber/citizenId.ts';
import { checkMemberRecord, type MemberRecordInput } from './checkMemberRecord.ts';

const TODAY = '2026-11-22';
function id(birth: string, seq: number): string {
  const body = `110105${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + computeCheckChar(body);
}
const base: MemberRecordInput = {
  name: '张三',
  idNumber: id('1980-05-17', 13),
  status: '正式党员',
  joinedOn: '2005-07-01',
};
const errorsOf = (input: MemberRecordInput) => {
  const r = checkMemberRecord({ ...base, ...input }, TODAY);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('checkMemberRecord', () => {
  it('derives gender and birth date from the ID number and normalizes codes', () => {
    const r = checkMemberRecord(
      {
        ...base,
        idNumber: ` ${id('1980-05-17', 14).toLowerCase()} `,
        ethnicity: '汉',
        education: '大专',
        phone: '+86 138-0013-8000',
      },
      TODAY,
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        gender: 'female',
        birthDate: '1980-05-17',
        ethnicity: '01',
        education: '30',
        phone: '13800138000',
        status: 'full',
      },
    });
  });

  it('reads dates in the formats rosters use', () => {
    for (const joinedOn of [
      '2005-07-01',
      '2005/7/1',
      '2005.07.01',
      '2005年7月1日',
      new Date(Date.UTC(2005, 6, 1)),
    ]) {
      expect(checkMemberRecord({ ...base, joinedOn }, TODAY)).toMatchObject({
        ok: true,
        value: { joinedOn: '2005-07-01' },
      });
    }
  });

  it('takes the 18th birthday as the earliest joining day, 29 February included', () => {
    const born = id('2000-02-29', 13);
    expect(errorsOf({ idNumber: born, joinedOn: '2018-02-28' })).toEqual(['joinedOn:JOINED_UNDER_18']);
    expect(errorsOf({ idNumber: born, joinedOn: '2018-03-01' })).toEqual([]);
    const plain = id('2000-05-17', 13);
    expect(errorsOf({ idNumber: plain, joinedOn: '2018-05-16' })).toEqual(['joinedOn:JOINED_UNDER_18']);
    expect(errorsOf({ idNumber: plain, joinedOn: '2018-05-17' })).toEqual([]);
  });

  it('refuses a joining date after today, and accepts today', () => {
    expect(errorsOf({ joinedOn: '2026-11-23' })).toEqual(['joinedOn:JOINED_IN_FUTURE']);
    expect(errorsOf({ joinedOn: TODAY, status: '预备党员' })).toEqual([]);
  });

  it('checks the confirmation date against status and joining', () => {
    expect(errorsOf({ status: '预备党员', joinedOn: '2026-01-01', confirmedOn: '2026-06-01' })).toEqual([
      'confirmedOn:PROBATIONARY_CONFIRMED',
    ]);
    expect(errorsOf({ confirmedOn: '2005-07-01' })).toEqual(['confirmedOn:CONFIRMED_BEFORE_JOINED']);
    expect(errorsOf({ confirmedOn: '2005-07-02' })).toEqual([]);
    expect(errorsOf({ confirmedOn: '2027-01-01' })).toEqual(['confirmedOn:CONFIRMED_IN_FUTURE']);
  });

  it('reports every bad field at once, each with a Chinese message', () => {
    const r = checkMemberRecord(
      {
        name: ' ',
        idNumber: '110105198005170011',
        gender: '未知',
        ethnicity: '火星',
        education: '幼儿园',
        status: '群众',
        joinedOn: '2005-13-01',
        phone: '123',
      },
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'name:REQUIRED',
      'idNumber:ID_CHECKSUM',
      'gender:GENDER_UNKNOWN',
      'ethnicity:ETHNICITY_UNKNOWN',
      'education:EDUCATION_UNKNOWN',
      'status:STATUS_UNKNOWN',
      'joinedOn:DATE_FORMAT',
      'phone:PHONE_FORMAT',
    ]);
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('flags gender and birth date that disagree with the ID number', () => {
    expect(errorsOf({ gender: '女' })).toEqual(['gender:GENDER_MISMATCH']);
    expect(errorsOf({ gender: '男', birthDate: '1980/5/17' })).toEqual([]);
    expect(errorsOf({ birthDate: '1980-05-18' })).toEqual(['birthDate:BIRTHDATE_MISMATCH']);
  });
});
