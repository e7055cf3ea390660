import { DownloadOutlined } from '@ant-design/icons';
import type { ImportJob, ImportReport, ImportRowError } from '@zhibu/shared/api';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { CodeLabel } from '../../codes/CodeLabel.tsx';
import { useDownload } from '../../http/hooks/useDownload.ts';
import { importsApi } from '../api/importsApi.ts';

interface ImportReportViewProps {
  job: ImportJob;
  report: ImportReport;
}

/** Counts of a finished import and the table of rejected rows, with the report as a workbook. */
export function ImportReportView({ job, report }: ImportReportViewProps) {
  const t = useT();
  const { download, isDownloading } = useDownload();
  const errorCount = report.errors.length;
  const badRows = new Set(report.errors.map((e) => e.row)).size;

  const columns: TableColumnsType<ImportRowError> = [
    { key: 'row', title: t('imports.col.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
    { key: 'column', title: t('imports.col.column'), dataIndex: 'column', width: 140 },
    {
      key: 'code',
      title: t('imports.col.code'),
      dataIndex: 'code',
      width: 180,
      render: (code: string) => (
        <Tag>
          <CodeLabel kind="importCode" code={code} />
        </Tag>
      ),
    },
    { key: 'message', title: t('imports.col.message'), dataIndex: 'message' },
  ];

  const summary =
    job.mode === 'dryRun'
      ? {
          type: 'info' as const,
          text: errorCount ? t('imports.summary.dryRunErrors') : t('imports.summary.dryRunOk'),
        }
      : job.mode === 'atomic' && errorCount > 0
        ? { type: 'error' as const, text: t('imports.summary.atomicRejected') }
        : errorCount > 0
          ? { type: 'warning' as const, text: t('imports.summary.partial', { rows: badRows }) }
          : { type: 'success' as const, text: t('imports.summary.done') };

  return (
    <Flex vertical gap={16}>
      <Alert type={summary.type} showIcon title={summary.text} />
      <Row gutter={[12, 12]} data-testid="import-counts">
        {(
          [
            ['total', report.total],
            ['created', report.created],
            ['updated', report.updated],
            ['unchanged', report.unchanged],
            ['errors', badRows],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic
                title={t(`imports.count.${key}`)}
                value={value}
                styles={key === 'errors' && value > 0 ? { content: { color: '#cf1322' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {errorCount > 0 ? (
        <>
          <Flex justify="flex-end">
            <Button
              icon={<DownloadOutlined />}
              loading={isDownloading}
              onClick={() =>
                void download(importsApi.reportPath(job.id), `${t('imports.reportFileName')}.xlsx`)
              }
              data-testid="import-report-download"
            >
              {t('imports.downloadReport')}
            </Button>
          </Flex>
          <div data-testid="import-report-table">
            <Table<ImportRowError>
              rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
              size="small"
              columns={columns}
              dataSource={report.errors}
              scroll={{ x: 'max-content' }}
              pagination={{
                pageSize: 20,
                showSizeChanger: false,
                showTotal: (n) => t('common.total', { total: n }),
              }}
            />
          </div>
        </>
      ) : null}
    </Flex>
  );
}
