import { pinyin } from 'pinyin-pro';

/**
 * Sort and search keys for a Chinese name: full toneless pinyin (`zhangsan`) and initials (`zs`).
 * The embedded engine has no ICU collation, so names sort by this key instead.
 */
export function pinyinKeys(name: string, isPersonName = false): { pinyin: string; initials: string } {
  // Names repeat (a roster of 10⁵ holds a few thousand distinct ones): converting one costs ≈ 10 µs.
  const key = `${isPersonName ? 'p' : 'o'}${name}`;
  const known = memo.get(key);
  if (known) return known;
  const keys = computeKeys(name, isPersonName);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, keys);
  return keys;
}

const MEMO_MAX = 50_000;
const memo = new Map<string, { pinyin: string; initials: string }>();

function computeKeys(name: string, isPersonName: boolean): { pinyin: string; initials: string } {
  const options = { toneType: 'none', type: 'array', surname: isPersonName ? 'head' : 'off' } as const;
  const full = pinyin(name, options);
  const initials = pinyin(name, { ...options, pattern: 'first' });
  return {
    pinyin: full
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
    initials: initials
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
  };
}
