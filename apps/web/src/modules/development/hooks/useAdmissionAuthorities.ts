import { useQuery } from '@tanstack/react-query';
import { developmentApi } from '../api/developmentApi.ts';
import { developmentKeys } from './developmentKeys.ts';

/** 党委 with the authority to approve admissions, in or above the caller's scope. */
export function useAdmissionAuthorities(isEnabled: boolean) {
  return useQuery({
    queryKey: developmentKeys.authorities,
    queryFn: ({ signal }) => developmentApi.authorities(signal),
    enabled: isEnabled,
  });
}
