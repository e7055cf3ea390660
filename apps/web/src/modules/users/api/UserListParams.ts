export interface UserListParams {
  q?: string;
  page: number;
  pageSize: number;
}
