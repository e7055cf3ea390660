import { useQuery } from '@tanstack/react-query';
import { developmentApi } from '../api/developmentApi.ts';
import { developmentKeys } from './developmentKeys.ts';

/** One person with the 25-step checklist. */
export function useDevelopmentPerson(id: string) {
  return useQuery({
    queryKey: developmentKeys.person(id),
    queryFn: ({ signal }) => developmentApi.get(id, signal),
  });
}
