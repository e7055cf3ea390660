import { DownloadOutlined } from '@ant-design/icons';
import type { DuesSummaryResponse } from '@zhibu/shared/api';
import { Button, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useDownload } from '../../http/hooks/useDownload.ts';
import { duesApi } from '../api/duesApi.ts';
import { useDuesSummary } from '../hooks/useDuesSummary.ts';
import { yuan } from '../yuan.ts';

type Month = DuesSummaryResponse['months'][number];

/** 收缴情况: a year by month, as published to the members, with the yearly workbook to download. */
export function DuesSummaryView({ orgId }: { orgId: string }) {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const summary = useDuesSummary(orgId, year);
  const { download, isDownloading } = useDownload();
  const columns: TableColumnsType<Month> = [
    { key: 'month', title: t('dues.field.month'), render: (_v, m) => m.month },
    { key: 'members', title: t('dues.field.owing'), align: 'right', render: (_v, m) => m.members },
    { key: 'payers', title: t('dues.field.payers'), align: 'right', render: (_v, m) => m.payers },
    {
      key: 'standard',
      title: t('dues.field.standardTotal'),
      align: 'right',
      render: (_v, m) => yuan(m.standardFen),
    },
    {
      key: 'collected',
      title: t('dues.field.collected'),
      align: 'right',
      render: (_v, m) => yuan(m.collectedFen),
    },
    { key: 'centre', title: t('dues.field.centre'), align: 'right', render: (_v, m) => yuan(m.centreFen) },
  ];
  if (summary.error) return <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} />;
  const totals = summary.data?.totals;
  return (
    <Flex vertical gap={12} data-testid="dues-summary">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Select
          value={year}
          onChange={setYear}
          options={[0, 1, 2, 3].map((n) => ({ value: thisYear - n, label: `${thisYear - n}年` }))}
          style={{ width: 120 }}
          aria-label={t('dues.year')}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={isDownloading}
          onClick={() =>
            void download(duesApi.summaryXlsxPath, `${t('dues.summaryFileName')}${year}.xlsx`, {
              orgId,
              year,
            })
          }
          data-testid="dues-summary-download"
        >
          {t('dues.downloadSummary')}
        </Button>
      </Flex>
      <Table<Month>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={summary.data?.months ?? []}
        loading={summary.isFetching}
        pagination={false}
        summary={() =>
          totals ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('dues.yearTotal')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                {yuan(totals.standardFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{yuan(totals.collectedFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {yuan(totals.centreFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}
