import { findUnsafeText, formatDate, normalizeCell, unsafeTextMessage } from '@zhibu/shared';

/** A formula error value such as #N/A or #REF!, kept apart so it is reported, never imported as text. */
export interface CellError {
  readonly error: string;
  /** Set when the cell is text that cannot be stored (NUL, control characters, lone surrogates). */
  readonly reason?: string;
}

/** A cell as the importers see it: formulas resolved to their cached result, rich text and hyperlinks flattened. */
export type CellInput = string | number | boolean | Date | CellError | null;

// Our exports prefix text beginning with these with an apostrophe (see escapeFormulaText); imports undo it.
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'(?=[=+\-@\t\r])/;
const MAX_DEPTH = 4;

/** Why a cell holding an error value cannot be imported. */
export function cellErrorReason(value: CellError): string {
  if (value.reason) return value.reason;
  return value.error
    ? `单元格是公式错误值 ${value.error}`
    : '单元格是公式，但没有可用的结果（结果是 #N/A 等错误值，或从未计算过）；请在 Excel 中改正并保存后再导入';
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

function textOfRichText(runs: unknown[]): string {
  return runs
    .map((run) => {
      const text = (run as { text?: unknown } | null)?.text;
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

/**
 * Flattens an exceljs cell value. Formulas give their cached result (never re-evaluated), rich text
 * its plain text, a hyperlink its shown text; blank and whitespace-only text is null.
 */
export function toCellInput(value: unknown, depth = 0): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.replace(ESCAPED_FORMULA_START, '');
    // exceljs decodes Excel's _x0000_ escapes, so a cell can hold NUL, which PostgreSQL refuses:
    // report the cell instead of letting it reach the database.
    const unsafe = findUnsafeText(text, true);
    if (unsafe !== null) return { error: '', reason: unsafeTextMessage('单元格', unsafe) };
    return normalizeCell(text) === '' ? null : text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return { error: v.error };
  if (Array.isArray(v.richText)) return toCellInput(textOfRichText(v.richText), depth + 1);
  if ('formula' in v || 'sharedFormula' in v) {
    // exceljs's streaming reader drops a formula's cached error value (#N/A …), leaving no result;
    // a formula never calculated has none either. Either way the cell's value is unknown.
    if (v.result === undefined || (typeof v.result === 'number' && Number.isNaN(v.result)))
      return { error: '' };
    return toCellInput(v.result, depth + 1);
  }
  if ('text' in v) return toCellInput(v.text, depth + 1);
  return null;
}

/**
 * A cell as normalized text (half-width, trimmed, inner whitespace collapsed) for names and codes.
 * Numbers print in plain decimal; dates as YYYY-MM-DD.
 */
export function cellText(value: CellInput): string | null {
  if (value === null || isCellError(value)) return null;
  let text: string;
  if (value instanceof Date) text = formatDate(value);
  else if (typeof value === 'number') {
    text = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  } else text = String(value);
  const normalized = normalizeCell(text);
  return normalized === '' ? null : normalized;
}

/**
 * Text for an exported cell: one beginning with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so that no spreadsheet ever evaluates it as a formula (CSV/formula injection).
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
