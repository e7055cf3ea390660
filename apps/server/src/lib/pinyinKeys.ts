import { pinyin, polyphonic } from 'pinyin-pro';

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

/** A full-pinyin token is cut to this many letters (≈ 5 syllables); a longer query is cut alike. */
export const SEARCH_TOKEN_LENGTH = 24;
/** At most this many readings of one stretch of a name are kept (a name full of polyphones). */
const MAX_VARIANTS = 16;

/**
 * The pinyin search key of one or more names (an org's full and short name, a person's name):
 * space-separated tokens, each starting at one syllable of a name — the initials from there to the
 * end (`cyc`, `yc`) and the full pinyin from there, cut to {@link SEARCH_TOKEN_LENGTH} letters
 * (`changyancun`, `yancun`). A polyphonic character contributes every reading (长 → chang and
 * zhang), the reading pinyin-pro picks in context first. A query matches when the key contains
 * ` ` + query, i.e. at the start of any syllable: see {@link searchKeyPattern}.
 */
export function pinyinSearchKey(names: readonly (string | null | undefined)[], isPersonName = false): string {
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const syllables = readingsOf(name, isPersonName);
    for (let start = 0; start < syllables.length; start++) {
      const rest = syllables.slice(start);
      for (const t of spell(rest, (r) => r.slice(0, 1), Number.POSITIVE_INFINITY)) tokens.add(t);
      for (const t of spell(rest, (r) => r, SEARCH_TOKEN_LENGTH)) tokens.add(t);
    }
  }
  return tokens.size === 0 ? '' : ` ${[...tokens].join(' ')}`;
}

/** The LIKE pattern that finds `query` (letters and digits, any case) in a search key. */
export function searchKeyPattern(query: string): string {
  return `% ${query.toLowerCase().slice(0, SEARCH_TOKEN_LENGTH)}%`;
}

/** True when a search text is one that the pinyin key can answer (latin letters, maybe digits). */
export function isPinyinQuery(query: string): boolean {
  return /^[a-z][a-z0-9]*$/i.test(query);
}

/**
 * Per syllable of `name`, its readings: a Han character's readings (the contextual one first), a run
 * of latin letters or digits as itself; punctuation and spaces separate and are dropped.
 */
function readingsOf(name: string, isPersonName: boolean): string[][] {
  const out: string[][] = [];
  const chars = [...name];
  const contextual = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: isPersonName ? 'head' : 'off',
    nonZh: 'removed',
  });
  let hanIndex = 0;
  let run = '';
  const flush = () => {
    if (run) out.push([run]);
    run = '';
  };
  for (const ch of chars) {
    if (/\p{Script=Han}/u.test(ch)) {
      flush();
      const all = polyphonic(ch, { toneType: 'none', type: 'array' })[0] ?? [];
      const first = contextual[hanIndex];
      hanIndex++;
      const spelled = [first, ...all].filter((r): r is string => !!r);
      // ü is typed as v (lv for 绿) or as u: keep both.
      const readings = [
        ...new Set([...spelled.map(clean), ...spelled.map((r) => clean(r.replace(/ü/g, 'v')))]),
      ].filter(Boolean);
      if (readings.length > 0) out.push(readings);
    } else if (/[a-z0-9]/i.test(ch)) {
      run += ch.toLowerCase();
    } else {
      flush();
    }
  }
  flush();
  return out;
}

function clean(reading: string): string {
  return reading
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Spells a run of syllables in every combination of their readings (at most {@link MAX_VARIANTS}),
 * each part mapped by `part` and the whole cut to `maxLength` letters.
 */
function spell(
  syllables: readonly string[][],
  part: (reading: string) => string,
  maxLength: number,
): string[] {
  let variants = [''];
  for (const readings of syllables) {
    if (variants.every((v) => v.length >= maxLength)) break;
    const next = new Set<string>();
    for (const v of variants) {
      for (const r of readings) {
        if (next.size >= MAX_VARIANTS) break;
        next.add((v + part(r)).slice(0, maxLength));
      }
    }
    variants = [...next];
  }
  return variants.filter(Boolean);
}
