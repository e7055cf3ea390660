import type { CodeEntry } from '@zhibu/shared';

/** Select options from a shared code table: value = code, label = the Chinese name. */
export function codeOptions<C extends string>(table: readonly CodeEntry<C>[]): { value: C; label: string }[] {
  return table.map((entry) => ({ value: entry.code, label: entry.name }));
}
