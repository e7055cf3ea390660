// PostgreSQL refuses U+0000 in text and jsonb, and jsonb (and every UTF-8 encoder) an unpaired
// surrogate; other C0/C1 controls and U+007F are invisible in a form and corrupt exports.
// Tab, line feed and carriage return are allowed where text may span lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnsafeTextCode = 'CONTROL_CHARACTER' | 'LONE_SURROGATE';

/** Why a text cannot be stored as it is, or null when it can. */
export function findUnsafeText(s: string, isMultiline = false): UnsafeTextCode | null {
  if ((isMultiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(s)) return 'CONTROL_CHARACTER';
  if (LONE_SURROGATE.test(s)) return 'LONE_SURROGATE';
  return null;
}

/** The Chinese message for a field whose text cannot be stored. */
export function unsafeTextMessage(label: string, code: UnsafeTextCode): string {
  return code === 'CONTROL_CHARACTER'
    ? `${label}含有不可见的控制字符，请删除后重新填写`
    : `${label}含有无效的字符（不成对的代理项），请重新输入`;
}
