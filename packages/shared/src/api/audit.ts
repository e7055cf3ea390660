import { z } from 'zod';
import { FilterDate, PageQuery, PublicId, pageOf, text } from './common.ts';

export const AuditEntry = z.object({
  id: PublicId,
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const ListAuditRequest = PageQuery.extend({
  action: text('操作').max(50).optional(),
  username: text('用户名').max(50).optional(),
  from: FilterDate.optional().describe('起始日期（含）'),
  to: FilterDate.optional().describe('截止日期（含）'),
});
export const ListAuditResponse = pageOf(AuditEntry);
export type ListAuditResponse = z.infer<typeof ListAuditResponse>;
