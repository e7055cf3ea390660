import type { FlowingDirectionCode, FlowingStatusCode } from '@zhibu/shared/api';

/** A page of out- or in-flowing members. */
export interface FlowingListParams {
  direction: FlowingDirectionCode;
  status?: FlowingStatusCode;
  orgId?: string;
  page: number;
  pageSize: number;
}
