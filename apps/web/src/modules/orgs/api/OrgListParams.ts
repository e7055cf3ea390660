export interface OrgListParams {
  q?: string;
  parentId?: string;
  page?: number;
  pageSize?: number;
  includeDissolved?: boolean;
}
