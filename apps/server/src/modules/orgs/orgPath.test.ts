import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, idsOnPath, parentPathOf } from './orgPath.ts';

describe('org paths', () => {
  it('appends the id in base 36', () => {
    expect(childPath(null, 1)).toBe('/1/');
    expect(childPath('/1/', 36)).toBe('/1/10/');
    expect(childPath('/1/10/', 1295)).toBe('/1/10/zz/');
  });

  it('finds the parent path of a child and none for a root', () => {
    expect(parentPathOf('/1/')).toBeNull();
    expect(parentPathOf('/1/10/')).toBe('/1/');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (id) => {
        expect(parentPathOf(childPath('/1/6u/', id))).toBe('/1/6u/');
      }),
    );
  });

  it('recovers the ids root first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { minLength: 1, maxLength: 12 }), (ids) => {
        const path = ids.reduce<string | null>((p, id) => childPath(p, id), null) ?? '';
        expect(idsOnPath(path)).toEqual(ids);
      }),
    );
  });

  it('never lets one subtree prefix match a sibling (/1/2/ vs /1/21/)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        fc.pre(a !== b);
        expect(childPath('/1/', b).startsWith(childPath('/1/', a))).toBe(false);
      }),
    );
  });
});
