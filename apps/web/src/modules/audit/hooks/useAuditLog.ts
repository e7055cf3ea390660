import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditListParams } from '../api/AuditListParams.ts';
import { auditApi } from '../api/auditApi.ts';

/** One page of the audit log (newest first). */
export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => auditApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
