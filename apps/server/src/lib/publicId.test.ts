import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from './publicId.ts';

describe('publicId', () => {
  it('round-trips every safe positive id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => decodeId(encodeId(n)) === n),
    );
  });

  it('is opaque: consecutive ids do not look consecutive', () => {
    expect(encodeId(1)).not.toBe('1');
    expect(encodeId(2).slice(0, 3)).not.toBe(encodeId(1).slice(0, 3));
    expect(encodeId(1).length).toBeGreaterThanOrEqual(6);
  });

  it('rejects non-canonical and hostile strings', () => {
    for (const bad of ['', '1', 'abc', '../../etc', "1' or 1=1", 'x'.repeat(40), '全角字符']) {
      expect(decodeId(bad)).toBeNull();
    }
  });
});
