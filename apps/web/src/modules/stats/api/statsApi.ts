import type { MemberStructureResponse } from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';

export const statsApi = {
  memberStructure: (orgId: string | undefined, signal?: AbortSignal) =>
    apiClient.get<MemberStructureResponse>('/api/v1/stats/members', { orgId }, signal),
};
