import { formatFen, parseYuan } from '@zhibu/shared';

/** Fen shown as 元 with two decimals ('—' for none). */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen);
}

/** An amount typed in 元 (InputNumber in string mode) as fen, exactly; null when empty or invalid. */
export function fenOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parseYuan(String(value));
  return parsed.ok ? parsed.value : null;
}
