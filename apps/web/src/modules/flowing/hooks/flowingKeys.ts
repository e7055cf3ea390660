import type { FlowingListParams } from '../api/FlowingListParams.ts';

/** Query keys of flowing members; all start with 'flowing'. */
export const flowingKeys = {
  all: ['flowing'] as const,
  list: (params: FlowingListParams) => ['flowing', 'list', params] as const,
  detail: (id: string) => ['flowing', 'detail', id] as const,
};
