import { z } from 'zod';
import { addYears, isValidIsoDate, todayInShanghai } from '../date/isoDate.ts';
import { findUnsafeText, unsafeTextMessage } from '../text/safeText.ts';
import { DATE_RANGES, type DateRange, NUMBER_LIMITS } from './limits.ts';

/** Opaque external id (never the database's own number). */
export const PublicId = z.string().min(1).max(32).describe('不透明的资源标识');

export const PageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(NUMBER_LIMITS.maxPage, `页码不超过 ${NUMBER_LIMITS.maxPage}`)
    .default(1)
    .describe('页码，从 1 开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多 200'),
});

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidIsoDate, '日期不存在')
  .describe('日期 YYYY-MM-DD');

/**
 * Text from a client, trimmed: refuses control characters (NUL, ESC …; tab and line breaks only when
 * `isMultiline`) and unpaired surrogates, which PostgreSQL cannot store, with a message naming the field.
 * Every free-text field and filter of a request uses this instead of z.string().
 */
export function text(label: string, options: { isMultiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .check((ctx) => {
      const code = findUnsafeText(ctx.value, options.isMultiline);
      if (code !== null)
        ctx.issues.push({
          code: 'custom',
          message: unsafeTextMessage(label, code),
          input: ctx.value,
          params: { code },
        });
    });
}

/** Whether every string (and key) in a JSON value can be stored in a jsonb column. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return findUnsafeText(value, true) === null;
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => findUnsafeText(k) === null && isStorableJson(v));
  }
  return true;
}

/** Optional, clearable free text of at most `max` characters. */
export function optionalText(label: string, max: number, options: { isMultiline?: boolean } = {}) {
  return text(label, options).max(max, `${label}不超过 ${max} 个字`).nullable().optional();
}

function rangeEnd(range: DateRange): string {
  return range.max ?? addYears(todayInShanghai(), range.yearsAhead ?? 0);
}

/** A real calendar day within a plausible range (see DATE_RANGES), named in the message. */
export function dateIn(range: DateRange, label = '日期') {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isValidIsoDate, `${label}不存在`)
    .check((ctx) => {
      if (!isValidIsoDate(ctx.value)) return;
      const max = rangeEnd(range);
      if (ctx.value < range.min || ctx.value > max) {
        ctx.issues.push({
          code: 'custom',
          message: `${label}应在 ${range.min} 至 ${max} 之间`,
          input: ctx.value,
          params: { code: 'DATE_OUT_OF_RANGE' },
        });
      }
    })
    .describe(`日期 YYYY-MM-DD（${range.min} 起）`);
}

/** Dates in list filters (1900-01-01 to 2100-12-31). */
export const FilterDate = dateIn(DATE_RANGES.filter);

/** Optimistic-concurrency version as read with the record. */
export const Version = z.number().int().min(0).max(NUMBER_LIMITS.maxVersion).describe('读取时的版本号');

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** RFC 9457 problem details, with a stable `code` and a Chinese `detail`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('稳定的错误码，客户端据此分支'),
  detail: z.string().describe('中文说明'),
  errors: z
    .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
    .optional()
    .describe('字段级错误'),
});
export type Problem = z.infer<typeof Problem>;

export const OkResponse = z.object({ ok: z.literal(true) });
