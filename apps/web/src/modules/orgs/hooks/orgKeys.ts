/** Query keys for orgs; everything starts with 'orgs' so one invalidation refreshes tree, lists and details. */
export const orgKeys = {
  all: ['orgs'] as const,
  children: (parentId: string | null, includeDissolved: boolean) =>
    ['orgs', 'children', parentId, includeDissolved] as const,
  search: (q: string, includeDissolved: boolean) => ['orgs', 'search', q, includeDissolved] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
};
