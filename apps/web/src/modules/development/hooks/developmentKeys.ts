import type { DevelopmentListParams } from '../api/DevelopmentListParams.ts';

/** Query keys of the development pipeline; all start with 'development'. */
export const developmentKeys = {
  all: ['development'] as const,
  board: (orgId: string | undefined) => ['development', 'board', orgId ?? null] as const,
  list: (params: DevelopmentListParams) => ['development', 'list', params] as const,
  person: (id: string) => ['development', 'person', id] as const,
  authorities: ['development', 'authorities'] as const,
};
