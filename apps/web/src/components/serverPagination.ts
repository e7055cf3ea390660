import type { TablePaginationConfig } from 'antd';
import type { TFunction } from '../i18n/TFunction.ts';

/** What every server-paged table receives: one page of rows, their total, and where it is. */
export interface PagedTableProps<Row> {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The pager of a server-paged table: page size choice and "共 N 条". */
export function serverPagination(
  t: TFunction,
  { page, pageSize, total, onPageChange }: Omit<PagedTableProps<unknown>, 'items' | 'isLoading'>,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (count) => t('common.total', { total: count }),
    onChange: onPageChange,
  };
}
