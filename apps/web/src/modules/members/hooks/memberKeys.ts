import type { MemberListParams } from '../api/MemberListParams.ts';

/** Query keys for members; all start with 'members'. */
export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
  events: (id: string) => ['members', 'events', id] as const,
};
