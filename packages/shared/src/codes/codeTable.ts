import { toLookupKey } from '../text/normalizeText.ts';

/** One row of a code table: stable code, canonical Chinese name, other spellings seen in real data. */
export type CodeEntry<C extends string = string> = {
  readonly code: C;
  readonly name: string;
  readonly aliases?: readonly string[];
};

export type LookupOptions = {
  /** Further folding applied to table keys and input alike, e.g. dropping a trailing 族. */
  readonly fold?: (key: string) => string;
  /** Width of zero-padded numeric codes, so that 1, '1' and '001' all find '01'. */
  readonly codeWidth?: number;
};

/** Lookup by code, name or alias, ignoring width, whitespace and case; undefined when nothing matches. */
export type Lookup<E> = (input: string | number) => E | undefined;

/** Name of a code; known codes always have one. */
export type NameOf<C extends string> = {
  (code: C): string;
  (code: string): string | undefined;
};

/** Builds the lookup once; throws at module load when two entries claim the same key. */
export function createLookup<E extends CodeEntry>(
  table: readonly E[],
  options: LookupOptions = {},
): Lookup<E> {
  const fold = options.fold ?? ((key: string) => key);
  const keyOf = (s: string): string => fold(toLookupKey(s));
  const index = new Map<string, E>();
  for (const entry of table) {
    for (const spelling of [entry.code, entry.name, ...(entry.aliases ?? [])]) {
      const key = keyOf(spelling);
      const existing = index.get(key);
      if (key === '' || (existing !== undefined && existing !== entry)) {
        throw new Error(`Code table key ${JSON.stringify(spelling)} is empty or ambiguous`);
      }
      index.set(key, entry);
    }
  }
  const width = options.codeWidth;
  return (input) => {
    let key = keyOf(String(input));
    if (width !== undefined && /^\d+$/.test(key)) key = String(Number(key)).padStart(width, '0');
    return key === '' ? undefined : index.get(key);
  };
}

export function createNameOf<C extends string>(table: readonly CodeEntry<C>[]): NameOf<C> {
  const names = new Map<string, string>(table.map((e) => [e.code, e.name]));
  return ((code: string) => names.get(code)) as NameOf<C>;
}
