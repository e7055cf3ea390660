import type { CodeEntry } from '@zhibu/shared';

/** The Chinese name of a code, the code itself when the table does not know it, '' for none. */
export function codeName(table: readonly CodeEntry[], code: string | null | undefined): string {
  if (!code) return '';
  return table.find((entry) => entry.code === code)?.name ?? code;
}
