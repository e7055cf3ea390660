import { describe, expect, it } from 'vitest';
import { maskCitizenId } from './maskCitizenId.ts';

describe('maskCitizenId', () => {
  it('keeps the area code and the last four', () => {
    expect(maskCitizenId('110105199001011234')).toBe('110105********1234');
    expect(maskCitizenId('11010519491231002x')).toBe('110105********002X');
  });

  it('normalizes first', () => {
    expect(maskCitizenId(' １１０１０５ 19900101 1234 ')).toBe('110105********1234');
  });

  it('masks old 15-digit numbers the same way', () => {
    expect(maskCitizenId('110105900101123')).toBe('110105*****1123');
  });

  it('hides short values completely', () => {
    expect(maskCitizenId('1234567890')).toBe('**********');
    expect(maskCitizenId('')).toBe('');
  });
});
