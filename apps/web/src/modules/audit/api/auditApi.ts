import { apiClient } from '../../http/apiClient.ts';
import type { AuditEntryItem } from '../AuditEntryItem.ts';
import type { AuditListParams } from './AuditListParams.ts';

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) =>
    apiClient.get<{ items: AuditEntryItem[]; total: number }>('/api/v1/audit', { ...params }, signal),
};
