import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DevelopmentListParams } from '../api/DevelopmentListParams.ts';
import { developmentApi } from '../api/developmentApi.ts';
import { developmentKeys } from './developmentKeys.ts';

/** One page of people in the pipeline, deadlines first. */
export function useDevelopmentPeople(params: DevelopmentListParams) {
  return useQuery({
    queryKey: developmentKeys.list(params),
    queryFn: ({ signal }) => developmentApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
