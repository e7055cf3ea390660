import type { ImportReport, ImportRowError } from '@zhibu/shared/api';
import type { ColumnSpec } from './templateColumns.ts';

/**
 * Row-level codes an import report may carry besides the members module's own validation codes
 * (ID_FORMAT, ID_CHECKSUM, GENDER_MISMATCH, BIRTHDATE_MISMATCH, JOINED_UNDER_18,
 * PROBATIONARY_CONFIRMED, ETHNICITY_UNKNOWN, EDUCATION_UNKNOWN, PHONE_FORMAT, DATE_FORMAT …).
 */
export const IMPORT_ERROR_CODES = {
  /** No row in the first rows of any sheet looks like the template header. */
  HEADER_NOT_FOUND: '找不到表头',
  /** The header lacks a column every row needs. */
  COLUMN_MISSING: '缺少必需的列',
  /** The row cap was reached; the rest of the file was not read. */
  TOO_MANY_ROWS: '超过行数上限',
  /** The report lists only the first errors. */
  TOO_MANY_ERRORS: '错误过多',
  /** A required cell is blank. */
  REQUIRED: '必填',
  /** The cell holds a formula error value (#N/A, #REF! …). */
  CELL_ERROR: '公式错误值',
  /** The named org does not exist, is dissolved, or lies outside the caller's data scope (indistinguishable on purpose). */
  ORG_NOT_FOUND: '找不到党组织',
  /** The name matches several orgs; the message lists them. */
  ORG_AMBIGUOUS: '党组织名称不唯一',
  /** The same person (ID number) or org (name under one parent) appears on an earlier row of the file. */
  DUPLICATE_IN_FILE: '与前面的行重复',
  /** The ID number belongs to a member outside the caller's scope (where is not revealed). */
  ID_NUMBER_TAKEN: '已在其他党组织登记',
  /** The hour's "registered elsewhere" answers are used up: rows not in scope were not checked or written. */
  ID_CHECK_LIMIT: '核对次数已达上限',
  /** An ID number or phone cell holds a masked value (from a masked export). */
  MASKED_VALUE: '已脱敏的值',
  /** The member has left the register; imports do not edit such records. */
  MEMBER_LEFT: '已减少的党员',
  ORG_TYPE_UNKNOWN: '组织类型无法识别',
  ORG_CATEGORY_UNKNOWN: '组织类别无法识别',
  /** The parent's type does not allow a child of this type. */
  ORG_TYPE_NO_CHILDREN: '上级组织下不能设立此类型',
  /** The org's new type does not fit its parent or its children (the org form's rule). */
  ORG_TYPE_CHANGE_INVALID: '组织类型与上下级不相容',
  /** The row's parent is defined on a row of the same file that failed; the message names that row. */
  PARENT_ROW_FAILED: '上级组织所在行未能导入',
  /** Only system administrators may create top-level orgs. */
  PARENT_REQUIRED: '须填写上级组织',
  /** An org row names itself as its parent. */
  PARENT_IS_SELF: '上级组织不能是自己',
  DATE_IN_FUTURE: '日期晚于今天',
  TOO_SHORT: '太短',
  TOO_LONG: '太长',
} as const;

/** Reports list at most this many errors, so a wrong file cannot produce a report of hundreds of megabytes. */
export const MAX_REPORTED_ERRORS = 10_000;

/** A problem found on one cell, before it is placed in a report. */
export interface CellProblem<F extends string = string> {
  field: F;
  code: string;
  /** Chinese reason; a leading field label (`出生日期：`) is dropped when shown under that column. */
  reason: string;
}

/** Longest message kept: reasons quote cell text, and a hostile file must not blow up the report. */
const MAX_MESSAGE_LENGTH = 300;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `第 7 行「公民身份号码」：校验位错误` */
export function rowMessage(row: number, column: string, reason: string): string {
  let text = clip(reason, MAX_MESSAGE_LENGTH);
  if (column && text.startsWith(column)) text = text.slice(column.length).replace(/^[：:]\s*/, '');
  if (text === '') text = reason;
  return column ? `第 ${row} 行「${column}」：${text}` : `第 ${row} 行：${text}`;
}

/** Accumulates an import's counts and errors in the fixed report shape. */
export class ReportBuilder<F extends string> {
  total = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  /** Rows with at least one error. */
  errorRows = 0;
  private readonly errors: ImportRowError[] = [];
  private dropped = 0;
  private readonly order: Map<F, number>;

  constructor(private readonly specs: readonly ColumnSpec<F>[]) {
    this.order = new Map(specs.map((s, i) => [s.field, i]));
  }

  private push(error: ImportRowError) {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
    else this.dropped += 1;
  }

  /** Adds one bad row's problems, in template column order. */
  addRow(row: number, problems: CellProblem<F>[]) {
    if (problems.length === 0) return;
    this.errorRows += 1;
    const sorted = [...problems].sort(
      (a, b) => (this.order.get(a.field) ?? 99) - (this.order.get(b.field) ?? 99),
    );
    for (const p of sorted) {
      const column = this.specs.find((s) => s.field === p.field)?.header ?? '';
      this.push({ row, column, code: p.code, message: rowMessage(row, column, p.reason) });
    }
  }

  /** A problem with the file rather than a row (no header, missing column, too many rows). */
  addFileError(row: number, column: string, code: keyof typeof IMPORT_ERROR_CODES, message: string) {
    this.push({ row, column, code, message: clip(message, MAX_MESSAGE_LENGTH) });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0 || this.dropped > 0;
  }

  /** The report; with `isRejected` (atomic mode with errors) nothing counts as written. */
  toReport(isRejected = false): ImportReport {
    const errors = [...this.errors];
    if (this.dropped > 0) {
      errors.push({
        row: 0,
        column: '',
        code: 'TOO_MANY_ERRORS',
        message: `错误过多：只列出前 ${MAX_REPORTED_ERRORS} 条，另有 ${this.dropped} 条未列出，请先改正后重新导入`,
      });
    }
    return {
      total: this.total,
      created: isRejected ? 0 : this.created,
      updated: isRejected ? 0 : this.updated,
      unchanged: isRejected ? 0 : this.unchanged,
      errors,
    };
  }
}

/** Lowest common ancestor of materialized paths (`/1/k3/` and `/1/9a/` → `/1/`), or null when none. */
export function commonPath(paths: Iterable<string>): string | null {
  let common: string[] | null = null;
  for (const path of paths) {
    const labels = path.split('/').filter((s) => s.length > 0);
    if (common === null) common = labels;
    else {
      let i = 0;
      while (i < common.length && i < labels.length && common[i] === labels[i]) i += 1;
      common = common.slice(0, i);
    }
    if (common.length === 0) return null;
  }
  return common === null ? null : `/${common.join('/')}/`;
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** Thrown between chunks when the server shuts down during an import. */
export class ImportAbortedError extends Error {
  constructor() {
    super('import aborted');
  }
}
