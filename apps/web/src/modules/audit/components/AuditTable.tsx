import { Flex, Grid, List, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { phonePagination } from '../../../components/phonePagination.ts';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { formatDateTime } from '../../../lib/formatDateTime.ts';
import { CodeLabel } from '../../codes/CodeLabel.tsx';
import type { AuditEntryItem } from '../AuditEntryItem.ts';
import { AuditChanges } from './AuditChanges.tsx';

type AuditTableProps = PagedTableProps<AuditEntryItem>;

/** Audit entries; a row with before/after data expands to show them. */
export function AuditTable({ items, total, page, pageSize, isLoading, onPageChange }: AuditTableProps) {
  const t = useT();
  // Phones get a card per entry: what, when, the summary and who, without scrolling sideways.
  const isPhone = Grid.useBreakpoint().sm === false;
  const columns: TableColumnsType<AuditEntryItem> = [
    { key: 'at', title: t('audit.field.at'), width: 170, render: (_v, e) => formatDateTime(e.at) },
    { key: 'username', title: t('audit.field.username'), width: 120, render: (_v, e) => e.username ?? '—' },
    {
      key: 'action',
      title: t('audit.field.action'),
      width: 160,
      render: (_v, e) => (
        <Tag>
          <CodeLabel kind="auditAction" code={e.action} />
        </Tag>
      ),
    },
    {
      key: 'entity',
      title: t('audit.field.entity'),
      width: 180,
      render: (_v, e) =>
        e.entityType ? (
          <Typography.Text>
            <CodeLabel kind="entityType" code={e.entityType} />
            {e.entityId ? <Typography.Text type="secondary"> #{e.entityId}</Typography.Text> : null}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'summary', title: t('audit.field.summary'), render: (_v, e) => e.summary ?? '' },
    { key: 'ip', title: t('audit.field.ip'), width: 130, render: (_v, e) => e.ip ?? '' },
  ];
  if (isPhone) {
    return (
      <div data-testid="audit-table">
        <List<AuditEntryItem>
          loading={isLoading}
          dataSource={items}
          locale={{ emptyText: t('audit.empty') }}
          pagination={phonePagination({ page, pageSize, total, onPageChange })}
          renderItem={(e) => (
            <List.Item key={e.id} data-testid="audit-card">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    <CodeLabel kind="auditAction" code={e.action} />
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                  </Typography.Text>
                </Flex>
                {e.summary ? <div>{e.summary}</div> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[e.username, e.ip].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </div>
    );
  }
  return (
    <div data-testid="audit-table">
      <Table<AuditEntryItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (e) => e.before !== null || e.after !== null,
          expandedRowRender: (e) => <AuditChanges entry={e} />,
        }}
        pagination={serverPagination(t, { page, pageSize, total, onPageChange })}
        locale={{ emptyText: t('audit.empty') }}
      />
    </div>
  );
}
