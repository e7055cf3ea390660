import type { DuesArrearsItem } from '@zhibu/shared/api';
import { Flex, Select, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useDuesArrears } from '../hooks/useDuesArrears.ts';
import { yuan } from '../yuan.ts';

/** 欠交: members owing dues under an org, with the total per org and the run of unpaid months. */
export function ArrearsView({ orgId }: { orgId?: string }) {
  const t = useT();
  const [minMonths, setMinMonths] = useState(1);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const arrears = useDuesArrears({ orgId, minMonths, page, pageSize });
  const columns: TableColumnsType<DuesArrearsItem> = [
    {
      key: 'name',
      title: t('dues.field.name'),
      width: 110,
      render: (_v, a) => <Link to={`/members/${encodeURIComponent(a.memberId)}`}>{a.name}</Link>,
    },
    { key: 'org', title: t('dues.field.org'), render: (_v, a) => a.orgName },
    {
      key: 'standard',
      title: t('dues.field.standard'),
      width: 90,
      align: 'right',
      render: (_v, a) => yuan(a.standardFen),
    },
    {
      key: 'months',
      title: t('dues.field.arrearsMonths'),
      render: (_v, a) => a.arrearsMonths.join('、') || '—',
    },
    {
      key: 'fen',
      title: t('dues.field.arrearsAmount'),
      width: 110,
      align: 'right',
      render: (_v, a) => <Typography.Text type="danger">{yuan(a.arrearsFen)}</Typography.Text>,
    },
    {
      key: 'run',
      title: t('dues.field.run'),
      width: 110,
      render: (_v, a) => (
        <Tag
          color={
            a.consecutiveUnpaidMonths >= 6 ? 'red' : a.consecutiveUnpaidMonths >= 3 ? 'orange' : 'default'
          }
        >
          {t('dues.runShort', { months: a.consecutiveUnpaidMonths })}
        </Tag>
      ),
    },
    { key: 'last', title: t('dues.field.lastPaid'), width: 110, render: (_v, a) => a.lastPaidMonth ?? '—' },
  ];
  if (arrears.error) return <QueryErrorResult error={arrears.error} onRetry={() => void arrears.refetch()} />;
  return (
    <Flex vertical gap={12} data-testid="dues-arrears">
      <Flex wrap gap={24} align="center">
        <Statistic title={t('dues.arrearsMembers')} value={arrears.data?.total ?? 0} />
        <Statistic title={t('dues.arrearsTotal')} value={yuan(arrears.data?.totalFen ?? 0)} suffix="元" />
        <span>
          {t('dues.minMonths')}{' '}
          <Select
            value={minMonths}
            onChange={(v) => {
              setMinMonths(v);
              setPage(1);
            }}
            options={[1, 3, 6].map((n) => ({ value: n, label: t('dues.minMonthsOption', { months: n }) }))}
            style={{ width: 140 }}
          />
        </span>
      </Flex>
      {arrears.data && arrears.data.byOrg.length > 1 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {arrears.data.byOrg
            .slice(0, 10)
            .map((o) => t('dues.byOrg', { org: o.orgName, members: o.members, amount: yuan(o.fen) }))
            .join('；')}
        </Typography.Paragraph>
      ) : null}
      <Table<DuesArrearsItem>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={arrears.data?.items ?? []}
        loading={arrears.isFetching}
        scroll={{ x: 800 }}
        pagination={{
          current: page,
          pageSize,
          total: arrears.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        locale={{ emptyText: t('dues.noArrears') }}
      />
    </Flex>
  );
}
