import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { rulesApi } from '../api/rulesApi.ts';
import type { WarningListParams } from '../api/WarningListParams.ts';
import { ruleKeys } from './ruleKeys.ts';

/** One page of warnings (预警) for an org's subtree, a member, or the whole scope. */
export function useWarnings(params: WarningListParams, isEnabled = true) {
  return useQuery({
    queryKey: ruleKeys.warningList(params),
    queryFn: ({ signal }) => rulesApi.warnings(params, signal),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}
