import { z } from 'zod';
import { PageQuery, PublicId, pageOf } from './common.ts';

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
  action: z.string().max(50).optional(),
  username: z.string().max(50).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});
export const ListAuditResponse = pageOf(AuditEntry);
export type ListAuditResponse = z.infer<typeof ListAuditResponse>;
