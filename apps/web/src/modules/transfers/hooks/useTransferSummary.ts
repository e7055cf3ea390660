import { useQuery } from '@tanstack/react-query';
import { transfersApi } from '../api/transfersApi.ts';
import { transferKeys } from './transferKeys.ts';

/** Counts of 待办 on both sides, for the tab badges. */
export function useTransferSummary() {
  return useQuery({ queryKey: transferKeys.summary, queryFn: ({ signal }) => transfersApi.summary(signal) });
}
