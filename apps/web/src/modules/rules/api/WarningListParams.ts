import type { Severity } from '@zhibu/shared/api';

export interface WarningListParams {
  orgId?: string;
  memberId?: string;
  severity?: Severity;
  rule?: string;
  page: number;
  pageSize: number;
}
