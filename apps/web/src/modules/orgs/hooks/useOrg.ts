import { useQuery } from '@tanstack/react-query';
import { orgDetailQuery } from './orgDetailQuery.ts';

/** One org with its ancestors; idle without an id. */
export function useOrg(id: string | undefined) {
  return useQuery({ ...orgDetailQuery(id ?? ''), enabled: Boolean(id) });
}
