import type { Result } from '../result.ts';
import { toHalfWidth } from '../text/normalizeText.ts';

export type YuanErrorCode = 'EMPTY' | 'NOT_A_NUMBER' | 'NEGATIVE' | 'TOO_PRECISE' | 'TOO_LARGE';

/** Largest amount accepted anywhere in dues: 1 亿元 (keeps fen × rate exact in doubles). */
export const MAX_AMOUNT_FEN = 10_000_000_000;

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount in 元 as typed ('3000', '3000.5', '３０００．０１', '3,000.01') → integer fen, parsed as
 * text so that 3000.01 is exactly 300001 fen (never 300000.99999…).
 */
export function parseYuan(input: string | number): Result<number, YuanErrorCode> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, code: 'NOT_A_NUMBER', message: '金额不是有效的数字' };
    input = String(input);
  }
  const text = toHalfWidth(input)
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  if (text === '') return { ok: false, code: 'EMPTY', message: '请填写金额' };
  if (/^-/.test(text)) return { ok: false, code: 'NEGATIVE', message: '金额不能为负数' };
  if (/^\d+\.\d{3,}$/.test(text))
    return { ok: false, code: 'TOO_PRECISE', message: '金额最多精确到分（两位小数）' };
  const m = YUAN.exec(text);
  if (m === null) return { ok: false, code: 'NOT_A_NUMBER', message: `“${input}”不是有效的金额` };
  const whole = Number(m[1]);
  const fen = whole * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) {
    return { ok: false, code: 'TOO_LARGE', message: '金额过大' };
  }
  return { ok: true, value: fen };
}

/** Fen as 元 text with two decimals: 300001 → '3000.01'. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
