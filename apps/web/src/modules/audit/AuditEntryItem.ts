import type { AuditEntry } from '@zhibu/shared/api';
import type { Infer } from '../../lib/Infer.ts';

/** One audit log entry (the shared package exports the schema only). */
export type AuditEntryItem = Infer<typeof AuditEntry>;
