import { describe, expect, it } from 'vitest';
import {
  lookupPoliticalStatus,
  POLITICAL_STATUSES,
  PoliticalStatusCode,
  politicalStatusName,
} from './politicalStatus.ts';

describe('POLITICAL_STATUSES', () => {
  it('holds codes 01–13 in order', () => {
    const expected = Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(POLITICAL_STATUSES.map((e) => e.code)).toEqual(expected);
    expect([...PoliticalStatusCode.options].sort()).toEqual(expected);
    expect(politicalStatusName('01')).toBe('中共党员');
    expect(politicalStatusName('13')).toBe('群众');
  });
});

describe('lookupPoliticalStatus', () => {
  it.each([
    ['01', '01'],
    ['1', '01'],
    ['中共党员', '01'],
    ['中国共产党党员', '01'],
    ['中共预备党员', '02'],
    ['预备党员', '02'],
    ['共青团员', '03'],
    ['团员', '03'],
    ['民革党员', '04'],
    ['九三学社社员', '10'],
    ['台盟盟员', '11'],
    ['无党派人士', '12'],
    ['群众', '13'],
    ['13', '13'],
  ])('%j → %s', (input, code) => {
    expect(lookupPoliticalStatus(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '14', '0', '国民党']) expect(lookupPoliticalStatus(input)).toBeUndefined();
  });
});
