import { CheckOutlined, DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { duesCategoryName } from '@zhibu/shared';
import type { DuesSheetRow } from '@zhibu/shared/api';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Grid,
  InputNumber,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDownload } from '../../http/hooks/useDownload.ts';
import { duesApi } from '../api/duesApi.ts';
import { useDuesMutations } from '../hooks/useDuesMutations.ts';
import { useDuesSheet } from '../hooks/useDuesSheet.ts';
import { fenOf, yuan } from '../yuan.ts';
import { BatchProfileModal } from './BatchProfileModal.tsx';
import { DuesStateTag } from './DuesStateTag.tsx';

const COLLECTABLE = new Set(['unpaid', 'partial', 'no_standard']);

function defaultAmount(row: DuesSheetRow): string | null {
  if (row.standardFen === null) return null;
  const due = row.standardFen - row.paidFen;
  return due > 0 ? (due / 100).toFixed(2) : null;
}

/**
 * 月度收缴 in one screen: every member of the org for the month with the standard filled in; tick who
 * paid (all who owe are ticked), adjust an amount if needed, and one 确认收缴 writes them together.
 */
export function CollectionSheet({
  orgId,
  orgName,
  month,
}: {
  orgId: string;
  orgName: string;
  month: string;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const sheet = useDuesSheet(orgId, month);
  const { collect } = useDuesMutations();
  const handleError = useApiErrorHandler();
  const { download, isDownloading } = useDownload();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [selected, setSelected] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string | null>>({});
  const [paidOn, setPaidOn] = useState<Dayjs | null>(dayjs());
  const [batchTarget, setBatchTarget] = useState<{
    orgId: string;
    members: { id: string; name: string }[];
  } | null>(null);
  const rows = sheet.data?.rows;

  // A fresh sheet (other org or month, or after a save): everyone who owes is ticked with the standard.
  useEffect(() => {
    if (!rows) return;
    setSelected(rows.filter((r) => r.state === 'unpaid' || r.state === 'partial').map((r) => r.memberId));
    setAmounts(Object.fromEntries(rows.map((r) => [r.memberId, defaultAmount(r)])));
  }, [rows]);

  const chosen = useMemo(() => (rows ?? []).filter((r) => selected.includes(r.memberId)), [rows, selected]);
  const totalFen = chosen.reduce((sum, r) => sum + (fenOf(amounts[r.memberId]) ?? 0), 0);
  const missingStandard = (rows ?? []).filter((r) => r.state === 'no_standard');

  const confirm = () => {
    const invalid = chosen.filter((r) => !fenOf(amounts[r.memberId]));
    if (invalid.length > 0) {
      message.error(t('dues.amountMissing', { names: invalid.map((r) => r.name).join('、') }));
      return;
    }
    const date = paidOn?.format('YYYY-MM-DD');
    if (!date) {
      message.error(t('common.dateRequired'));
      return;
    }
    modal.confirm({
      title: t('dues.collectConfirmTitle', { org: orgName }),
      content: t('dues.collectConfirm', {
        org: orgName,
        month,
        count: chosen.length,
        amount: yuan(totalFen),
        date,
      }),
      okText: t('dues.collect'),
      cancelText: t('common.cancel'),
      onOk: () =>
        collect
          .mutateAsync({
            orgId,
            month,
            paidOn: date,
            items: chosen.map((r) => ({ memberId: r.memberId, amountFen: fenOf(amounts[r.memberId]) ?? 0 })),
          })
          .then((res) => {
            message.success(t('dues.collectDone', { count: res.count, amount: yuan(res.totalFen) }));
            if (res.centreFen > 0) message.info(t('dues.paidToCentre', { amount: yuan(res.centreFen) }));
          })
          .catch((error: unknown) => handleError(error)),
    });
  };

  const columns: TableColumnsType<DuesSheetRow> = [
    {
      key: 'name',
      title: t('dues.field.name'),
      width: isPhone ? 84 : 110,
      fixed: 'start',
      render: (_v, r) => (
        <Flex vertical>
          <Link to={`/members/${encodeURIComponent(r.memberId)}`}>{r.name}</Link>
          {r.status === 'probationary' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dues.probationary')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('dues.field.category'),
      width: 150,
      responsive: ['md'],
      render: (_v, r) =>
        r.category ? (
          <>
            {duesCategoryName(r.category)}
            {r.baseFen !== null ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('dues.baseShort', { amount: yuan(r.baseFen) })}
              </Typography.Text>
            ) : null}
          </>
        ) : (
          <Tag>{t('dues.state.no_standard')}</Tag>
        ),
    },
    {
      key: 'standard',
      title: t('dues.field.standard'),
      width: 90,
      responsive: ['sm'],
      align: 'right',
      render: (_v, r) => yuan(r.standardFen),
    },
    {
      key: 'paid',
      title: t('dues.field.paid'),
      width: 90,
      responsive: ['sm'],
      align: 'right',
      render: (_v, r) => (r.paidFen !== 0 ? yuan(r.paidFen) : ''),
    },
    {
      key: 'amount',
      title: t('dues.field.collectAmount'),
      width: isPhone ? 112 : 150,
      render: (_v, r) =>
        COLLECTABLE.has(r.state) ? (
          <InputNumber<string>
            stringMode
            size="small"
            min="0.01"
            precision={2}
            suffix="元"
            value={amounts[r.memberId] ?? null}
            onChange={(value) => {
              setAmounts((prev) => ({ ...prev, [r.memberId]: value }));
              if (value && !selected.includes(r.memberId)) setSelected((prev) => [...prev, r.memberId]);
            }}
            aria-label={t('dues.amountFor', { name: r.name })}
            data-testid="dues-amount"
            style={{ width: isPhone ? 100 : 130 }}
          />
        ) : null,
    },
    {
      key: 'state',
      title: t('dues.field.state'),
      width: isPhone ? 64 : 90,
      render: (_v, r) => <DuesStateTag state={r.state} />,
    },
    {
      key: 'arrears',
      title: t('dues.field.arrears'),
      responsive: ['md'],
      render: (_v, r) => (
        <Flex gap={4} wrap align="center">
          {r.arrearsMonths.length > 0 ? (
            <Tooltip title={r.arrearsMonths.join('、')}>
              <Typography.Text type="danger">
                {t('dues.arrearsShort', { months: r.arrearsMonths.length, amount: yuan(r.arrearsFen) })}
              </Typography.Text>
            </Tooltip>
          ) : null}
          {r.consecutiveUnpaidMonths >= 3 ? (
            <Tag color={r.consecutiveUnpaidMonths >= 6 ? 'red' : 'orange'}>
              {t('dues.runShort', { months: r.consecutiveUnpaidMonths })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (sheet.error) return <QueryErrorResult error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const totals = sheet.data?.totals;

  return (
    <Flex vertical gap={12} data-testid="dues-sheet">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Text type="secondary">
          {totals
            ? t('dues.sheetTotals', {
                members: totals.members,
                paid: totals.paidCount,
                unpaid: totals.unpaidCount,
                standard: yuan(totals.standardFen),
                collected: yuan(totals.paidFen),
              })
            : ''}
        </Typography.Text>
        <Flex gap={8} wrap>
          {missingStandard.length > 0 ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() =>
                setBatchTarget({
                  orgId,
                  members: missingStandard.map((r) => ({ id: r.memberId, name: r.name })),
                })
              }
              data-testid="dues-batch-profile"
            >
              {t('dues.batchProfile', { count: missingStandard.length })}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={isDownloading}
            onClick={() =>
              void download(duesApi.sheetXlsxPath, `${t('dues.sheetFileName')}${month}.xlsx`, {
                orgId,
                month,
              })
            }
            data-testid="dues-sheet-download"
          >
            {t('dues.downloadSheet')}
          </Button>
        </Flex>
      </Flex>
      <Table<DuesSheetRow>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={sheet.isFetching}
        pagination={false}
        // On a phone only name, standard, amount and state remain: no sideways scroll.
        scroll={{ x: isPhone ? undefined : 900, y: 'calc(100vh - 380px)' }}
        sticky
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (r) => ({ disabled: !COLLECTABLE.has(r.state), 'aria-label': r.name }),
        }}
        onRow={(r) => ({
          style:
            r.arrearsMonths.length > 0 || r.consecutiveUnpaidMonths >= 3
              ? { background: '#fff2f0' }
              : undefined,
        })}
        locale={{ emptyText: t('dues.sheetEmpty') }}
      />
      <Flex
        wrap
        gap={12}
        align="center"
        justify="flex-end"
        style={{
          position: 'sticky',
          bottom: 0,
          background: '#fff',
          padding: '8px 0',
          borderTop: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text data-testid="dues-selection-total">
          {t('dues.selection', { count: chosen.length, amount: yuan(totalFen) })}
        </Typography.Text>
        <span>
          {t('dues.field.paidOn')}{' '}
          <DatePicker
            value={paidOn}
            onChange={setPaidOn}
            format={dateFormat}
            allowClear={false}
            aria-label={t('dues.field.paidOn')}
          />
        </span>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={chosen.length === 0}
          loading={collect.isPending}
          onClick={confirm}
          data-testid="dues-collect"
        >
          {t('dues.collect')}
        </Button>
      </Flex>
      <BatchProfileModal target={batchTarget} onClose={() => setBatchTarget(null)} />
    </Flex>
  );
}
