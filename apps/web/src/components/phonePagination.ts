import type { PaginationProps } from 'antd';
import type { PagedTableProps } from './serverPagination.ts';

/** The pager of a server-paged card list on a phone: compact, no size changer. */
export function phonePagination({
  page,
  pageSize,
  total,
  onPageChange,
}: Omit<PagedTableProps<unknown>, 'items' | 'isLoading'>): PaginationProps {
  return { current: page, pageSize, total, simple: true, size: 'small', onChange: onPageChange };
}
