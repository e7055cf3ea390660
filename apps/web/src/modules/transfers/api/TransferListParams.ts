import type { TransferBoxCode } from '@zhibu/shared/api';

/** A page of one side's transfers. */
export interface TransferListParams {
  box: TransferBoxCode;
  state: 'pending' | 'closed' | 'all';
  page: number;
  pageSize: number;
}
