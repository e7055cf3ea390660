import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orgsApi } from '../api/orgsApi.ts';
import { orgKeys } from './orgKeys.ts';

/** Orgs in the caller's scope whose name, short name or pinyin initials match `q`. */
export function useOrgSearch(q: string, options: { includeDissolved?: boolean; pageSize?: number } = {}) {
  const text = q.trim();
  const includeDissolved = options.includeDissolved ?? false;
  return useQuery({
    queryKey: [...orgKeys.search(text, includeDissolved), options.pageSize ?? 20],
    queryFn: ({ signal }) =>
      orgsApi.list(
        { q: text, pageSize: options.pageSize ?? 20, includeDissolved: includeDissolved || undefined },
        signal,
      ),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}
