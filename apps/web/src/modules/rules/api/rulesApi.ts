import type {
  ListRulesResponse,
  ListWarningsResponse,
  RuleInfo,
  UpdateRuleParamsRequest,
  WarningSummaryResponse,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { WarningListParams } from './WarningListParams.ts';

export const rulesApi = {
  warnings: (params: WarningListParams, signal?: AbortSignal) =>
    apiClient.get<ListWarningsResponse>('/api/v1/warnings', { ...params }, signal),
  summary: (parentId: string | null, signal?: AbortSignal) =>
    apiClient.get<WarningSummaryResponse>('/api/v1/warnings/summary', { parentId }, signal),
  list: (signal?: AbortSignal) => apiClient.get<ListRulesResponse>('/api/v1/rules', undefined, signal),
  updateParams: (id: string, body: UpdateRuleParamsRequest) =>
    apiClient.patch<RuleInfo>(`/api/v1/rules/${encodeURIComponent(id)}/params`, body),
};
