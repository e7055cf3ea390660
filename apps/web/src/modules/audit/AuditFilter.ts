/** Audit log filters as sent to the API (dates YYYY-MM-DD). */
export interface AuditFilter {
  action?: string;
  username?: string;
  from?: string;
  to?: string;
}
