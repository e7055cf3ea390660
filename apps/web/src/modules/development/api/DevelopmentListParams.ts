import type { DevelopmentStageCode } from '@zhibu/shared';

/** A page of the pipeline list: org subtree, stage, overdue only. */
export interface DevelopmentListParams {
  orgId?: string;
  stage?: DevelopmentStageCode;
  isOverdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}
