import type { WarningItem } from '@zhibu/shared/api';
import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { SeverityTag } from './SeverityTag.tsx';

interface WarningTableProps {
  items: WarningItem[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Warnings with rule, citation, severity, member, since and due. */
export function WarningTable({ items, total, page, pageSize, isLoading, onPageChange }: WarningTableProps) {
  const t = useT();
  const columns: TableColumnsType<WarningItem> = [
    {
      key: 'severity',
      title: t('warnings.field.severity'),
      width: 80,
      render: (_v, w) => <SeverityTag severity={w.severity} />,
    },
    {
      key: 'subject',
      title: t('warnings.field.subject'),
      width: 180,
      render: (_v, w) => (
        <>
          <div>{w.orgName ?? '—'}</div>
          {w.memberId && w.memberName ? (
            <Link to={`/members/${encodeURIComponent(w.memberId)}`}>{w.memberName}</Link>
          ) : null}
        </>
      ),
    },
    {
      key: 'message',
      title: t('warnings.field.message'),
      width: 380,
      render: (_v, w) => (
        <>
          <div>{w.message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.ruleTitle}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'citation',
      title: t('warnings.field.citation'),
      width: 220,
      render: (_v, w) => (
        <>
          <div>{w.citation}</div>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {w.rule}
          </Typography.Text>
        </>
      ),
    },
    { key: 'since', title: t('warnings.field.since'), width: 110, render: (_v, w) => w.since ?? '—' },
    {
      key: 'due',
      title: t('warnings.field.due'),
      width: 110,
      render: (_v, w) => (w.due ? <Typography.Text strong>{w.due}</Typography.Text> : '—'),
    },
  ];
  return (
    <div data-testid="warning-table">
      <Table<WarningItem>
        rowKey={(w) => `${w.rule}|${w.orgId}|${w.memberId}`}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 1180 }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: onPageChange,
        }}
        locale={{ emptyText: t('warnings.empty') }}
      />
    </div>
  );
}
