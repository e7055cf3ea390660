import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TransferListParams } from '../api/TransferListParams.ts';
import { transfersApi } from '../api/transfersApi.ts';
import { transferKeys } from './transferKeys.ts';

/** One page of incoming or outgoing transfers. */
export function useTransfers(params: TransferListParams) {
  return useQuery({
    queryKey: transferKeys.list(params),
    queryFn: ({ signal }) => transfersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
