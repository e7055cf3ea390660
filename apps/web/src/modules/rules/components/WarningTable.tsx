import type { WarningItem } from '@zhibu/shared/api';
import { Flex, Grid, List, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { phonePagination } from '../../../components/phonePagination.ts';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { SeverityTag } from './SeverityTag.tsx';

type WarningTableProps = PagedTableProps<WarningItem>;

/** Warnings with rule, citation, severity, member, since and due. */
export function WarningTable({ items, total, page, pageSize, isLoading, onPageChange }: WarningTableProps) {
  const t = useT();
  // Phones get a card per warning: whom, what, and the article, without scrolling sideways.
  const isPhone = Grid.useBreakpoint().sm === false;
  const columns: TableColumnsType<WarningItem> = [
    {
      key: 'severity',
      title: t('warnings.field.severity'),
      width: 70,
      render: (_v, w) => <SeverityTag severity={w.severity} />,
    },
    {
      key: 'subject',
      title: t('warnings.field.subject'),
      width: 170,
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
      // The message takes the room left, so the citation beside it stays on screen.
      key: 'message',
      title: t('warnings.field.message'),
      render: (_v, w) => (
        <>
          <div>{w.message}</div>
          <Tooltip title={w.rule}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-code={w.rule}>
              {w.ruleTitle}
            </Typography.Text>
          </Tooltip>
        </>
      ),
    },
    {
      key: 'citation',
      title: t('warnings.field.citation'),
      width: 190,
      render: (_v, w) => (
        <>
          <div>{w.citation}</div>
        </>
      ),
    },
    {
      key: 'dates',
      title: `${t('warnings.field.since')} / ${t('warnings.field.due')}`,
      width: 120,
      render: (_v, w) => (
        <>
          <div>{w.since ?? '—'}</div>
          {w.due ? <Typography.Text strong>{w.due}</Typography.Text> : null}
        </>
      ),
    },
  ];
  if (isPhone) {
    return (
      <div data-testid="warning-table">
        <List<WarningItem>
          loading={isLoading}
          dataSource={items}
          locale={{ emptyText: t('warnings.empty') }}
          pagination={phonePagination({ page, pageSize, total, onPageChange })}
          renderItem={(w) => (
            <List.Item key={`${w.rule}|${w.orgId}|${w.memberId}`} data-testid="warning-card">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} align="center">
                  <SeverityTag severity={w.severity} />
                  <Typography.Text strong>
                    {w.memberId && w.memberName ? (
                      <Link to={`/members/${encodeURIComponent(w.memberId)}`}>{w.memberName}</Link>
                    ) : (
                      (w.orgName ?? '—')
                    )}
                  </Typography.Text>
                </Flex>
                <div>{w.message}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {w.citation}
                </Typography.Text>
                {w.due ? (
                  <Typography.Text
                    style={{ fontSize: 12 }}
                  >{`${t('warnings.field.due')} ${w.due}`}</Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      </div>
    );
  }
  return (
    <div data-testid="warning-table">
      <Table<WarningItem>
        rowKey={(w) => `${w.rule}|${w.orgId}|${w.memberId}`}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 820 }}
        pagination={serverPagination(t, { page, pageSize, total, onPageChange })}
        locale={{ emptyText: t('warnings.empty') }}
      />
    </div>
  );
}
