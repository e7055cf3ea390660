import type { TransferListParams } from '../api/TransferListParams.ts';

/** Query keys of transfers; all start with 'transfers'. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (params: TransferListParams) => ['transfers', 'list', params] as const,
  summary: ['transfers', 'summary'] as const,
  destinations: (q: string) => ['transfers', 'destinations', q] as const,
};
