import { describe, expect, it } from 'vitest';
import { SeededRandom, WeightedTable } from './seededRandom.ts';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range and looks uniform', () => {
    const rng = new SeededRandom('range');
    const counts = new Array(6).fill(0);
    let outside = 0;
    for (let i = 0; i < 60_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      counts[rng.int(1, 6) - 1]++;
    }
    expect(outside).toBe(0);
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('forks streams that depend only on the seed and the label', () => {
    const a = new SeededRandom(7);
    a.next();
    a.next();
    const b = new SeededRandom(7);
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('samples without repetition and keeps the original order', () => {
    const rng = new SeededRandom(1);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const picked = rng.sample(items, 10);
    expect(picked).toHaveLength(10);
    expect([...picked].sort((x, y) => x - y)).toEqual(picked);
    expect(new Set(picked).size).toBe(10);
    expect(rng.sample(items, 99)).toEqual(items);
    expect(rng.shuffle(items).sort((x, y) => x - y)).toEqual(items);
  });

  it('clamps log-normal draws', () => {
    const rng = new SeededRandom(3);
    const values = Array.from({ length: 1000 }, () => rng.logNormalInt(40, 0.8, 8, 200));
    expect(values.filter((v) => v < 8 || v > 200 || !Number.isInteger(v))).toEqual([]);
    expect(values).toContain(8);
  });
});

describe('WeightedTable', () => {
  it('picks in proportion to the weights and never a zero-weight entry', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['z', 0],
    ] as const);
    const rng = new SeededRandom(5);
    const picks = Array.from({ length: 40_000 }, () => table.pick(rng));
    expect(picks).not.toContain('z');
    expect(picks.filter((v) => v === 'b').length / 40_000).toBeCloseTo(0.75, 1);
  });

  it('refuses a table without weight', () => {
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
  });
});
