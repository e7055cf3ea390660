import { queryOptions } from '@tanstack/react-query';
import type { Org } from '@zhibu/shared/api';
import { orgsApi } from '../api/orgsApi.ts';
import type { OrgChildren } from '../OrgChildren.ts';
import { orgKeys } from './orgKeys.ts';

const pageSize = 200;
/** Beyond this many children of one org the tree shows a hint to search instead. */
const maxPages = 10;

/**
 * Direct children of an org (or the caller's top-level orgs for `null`), all pages up to a cap:
 * a tree node needs its full list, and a very wide level is better searched than scrolled.
 */
export function orgChildrenQuery(parentId: string | null, includeDissolved: boolean) {
  return queryOptions({
    queryKey: orgKeys.children(parentId, includeDissolved),
    queryFn: async ({ signal }): Promise<OrgChildren> => {
      const items: Org[] = [];
      let total = 0;
      for (let page = 1; page <= maxPages; page += 1) {
        const result = await orgsApi.list(
          {
            parentId: parentId ?? undefined,
            page,
            pageSize,
            includeDissolved: includeDissolved || undefined,
          },
          signal,
        );
        items.push(...result.items);
        total = result.total;
        if (items.length >= total || result.items.length < pageSize) break;
      }
      return { items, total };
    },
  });
}
