import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PersonalDataCipher } from './personalDataCipher.ts';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('decrypts what it encrypts, with a fresh IV each time', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('110105');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('refuses tampered ciphertext', () => {
    const sealed = cipher.encrypt('13800138000');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('hashes deterministically per key and per kind', () => {
    expect(cipher.hash('idNumber', 'x')).toBe(cipher.hash('idNumber', 'x'));
    expect(cipher.hash('idNumber', 'x')).not.toBe(cipher.hash('phone', 'x'));
    expect(new PersonalDataCipher(randomBytes(32)).hash('idNumber', 'x')).not.toBe(
      cipher.hash('idNumber', 'x'),
    );
  });

  it('needs a 32-byte key', () => {
    expect(() => new PersonalDataCipher(randomBytes(16))).toThrow();
  });
});
