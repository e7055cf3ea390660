export interface AuditListParams {
  action?: string;
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
