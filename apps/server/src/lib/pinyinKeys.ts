import { pinyin } from 'pinyin-pro';

/**
 * Sort and search keys for a Chinese name: full toneless pinyin (`zhangsan`) and initials (`zs`).
 * The embedded engine has no ICU collation, so names sort by this key instead.
 */
export function pinyinKeys(name: string, isPersonName = false): { pinyin: string; initials: string } {
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
