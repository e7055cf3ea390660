import { toLookupKey } from '@zhibu/shared';
import { cellText, toCellInput } from './cellValue.ts';
import type { ColumnSpec } from './templateColumns.ts';

/** How many rows at the top of a sheet may hold titles, notes and the header. */
export const HEADER_SCAN_ROWS = 30;

/** Where each known column sits in a sheet, found from its header row. */
export interface HeaderMatch<F extends string> {
  /** Excel row number of the header. */
  rowNumber: number;
  /** Field → 1-based column number. */
  columns: Map<F, number>;
  /** Required columns the header lacks. */
  missing: ColumnSpec<F>[];
  /** Headers that were not recognized (序号, unknown columns): ignored. */
  ignored: string[];
}

/**
 * Header text as a lookup key: half-width, no whitespace, lower case, without required-field marks
 * (`*`, `※`), trailing colons and parenthesized hints such as `（必填）` or `(YYYY-MM-DD)`.
 */
export function headerKey(text: string): string {
  return toLookupKey(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[*※:]/g, '');
}

/** Lookup from header key to column spec; built once per kind. */
export function headerIndex<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, ColumnSpec<F>> {
  const index = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) {
    for (const text of [spec.header, ...spec.aliases]) {
      const key = headerKey(text);
      const existing = index.get(key);
      if (existing && existing !== spec) throw new Error(`header ${text} is claimed by two columns`);
      index.set(key, spec);
    }
  }
  return index;
}

/**
 * Reads one row as a header: it counts when it names at least two known columns, one of them a
 * required one (so a merged title such as “党员花名册” above it is skipped). The first column with a
 * given header wins; 序号 and unknown columns are ignored.
 */
export function matchHeaderRow<F extends string>(
  values: readonly unknown[],
  specs: readonly ColumnSpec<F>[],
  rowNumber: number,
  index: Map<string, ColumnSpec<F>> = headerIndex(specs),
): HeaderMatch<F> | null {
  const columns = new Map<F, number>();
  const ignored: string[] = [];
  values.forEach((value, column) => {
    const text = cellText(toCellInput(value));
    if (text === null) return;
    const spec = index.get(headerKey(text));
    if (!spec) ignored.push(text);
    else if (!columns.has(spec.field)) columns.set(spec.field, column);
  });
  const hasRequired = specs.some((s) => s.isRequired && columns.has(s.field));
  if (columns.size < 2 || !hasRequired) return null;
  return { rowNumber, columns, missing: specs.filter((s) => s.isRequired && !columns.has(s.field)), ignored };
}
