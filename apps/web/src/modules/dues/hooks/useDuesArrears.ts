import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { duesApi } from '../api/duesApi.ts';
import { duesKeys } from './duesKeys.ts';

/** Members in arrears under an org (or the whole scope), most months unpaid first. */
export function useDuesArrears(params: {
  orgId?: string;
  minMonths: number;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: duesKeys.arrears(params),
    queryFn: ({ signal }) => duesApi.arrears(params, signal),
    placeholderData: keepPreviousData,
  });
}
