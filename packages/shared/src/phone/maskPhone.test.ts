import { describe, expect, it } from 'vitest';
import { maskPhone } from './maskPhone.ts';

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps the first 3 and last 4 characters of a landline', () => {
    expect(maskPhone('010-62345678')).toBe('010*****5678');
    expect(maskPhone('0755-2345678')).toBe('075*****5678');
  });

  it('leaves the extension visible', () => {
    expect(maskPhone('010-62345678转12')).toBe('010*****5678-12');
  });

  it('masks unparseable values generically', () => {
    expect(maskPhone(' 400-800-8888 ')).toBe('400*****8888');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('')).toBe('');
  });
});
