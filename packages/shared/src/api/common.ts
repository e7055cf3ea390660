import { z } from 'zod';
import { isValidIsoDate } from '../date/isoDate.ts';

/** Opaque external id (never the database's own number). */
export const PublicId = z.string().min(1).max(32).describe('不透明的资源标识');

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码，从 1 开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多 200'),
});

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidIsoDate, '日期不存在')
  .describe('日期 YYYY-MM-DD');

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
