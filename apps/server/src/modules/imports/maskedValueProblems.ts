import type { MemberRecordInput } from '@zhibu/shared';
import type { CellProblem } from './importReport.ts';

// What our masked exports write: 110105********1234, 138****5678, 010-****5678. Digits (and the
// check character X) around a run of asterisks, nothing else.
const MASKED_SHAPE = /^[\dXx\- ]*\*{2,}[\dXx\- ]*$/;

const MASKED_FIELDS = ['idNumber', 'phone'] as const;
type MaskedField = (typeof MASKED_FIELDS)[number];

/** Whether a cell holds a masked identifier, such as one copied from a masked export. */
export function isMaskedValue(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*') && MASKED_SHAPE.test(value.trim());
}

/**
 * The ID-number and phone cells of a row that hold masked values: they cannot be imported, and
 * saying so is more use than a format error (the usual cause is re-importing a masked export).
 */
export function maskedValueProblems(input: MemberRecordInput): CellProblem<MaskedField>[] {
  return MASKED_FIELDS.filter((field) => isMaskedValue(input[field])).map((field) => ({
    field,
    code: 'MASKED_VALUE',
    reason:
      '已脱敏的值，无法导入：请填写完整的号码（“导出完整名册”导出的文件可以直接再导入，脱敏的导出文件不能）',
  }));
}
