import { useQuery } from '@tanstack/react-query';
import { rulesApi } from '../api/rulesApi.ts';
import { ruleKeys } from './ruleKeys.ts';

/** Every rule with citation, dates and parameters in force. */
export function useRules() {
  return useQuery({
    queryKey: ruleKeys.rules,
    queryFn: ({ signal }) => rulesApi.list(signal),
    staleTime: 300_000,
  });
}
