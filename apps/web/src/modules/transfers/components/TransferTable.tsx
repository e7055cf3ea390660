import type { Transfer } from '@zhibu/shared/api';
import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { PagedTableProps } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import type { TransferAction } from '../TransferAction.ts';

interface TransferTableProps extends PagedTableProps<Transfer> {
  onAction: (transfer: Transfer, action: TransferAction) => void;
  testId: string;
}

const statusColor: Record<Transfer['status'], string> = {
  initiated: 'blue',
  issued: 'blue',
  accepted: 'green',
  receipt_returned: 'green',
  returned: 'orange',
  cancelled: 'default',
};

/** Transfers of one side, with the buttons the server's abilities allow. */
export function TransferTable({
  items,
  total,
  page,
  pageSize,
  isLoading,
  onPageChange,
  onAction,
  testId,
}: TransferTableProps) {
  const t = useT();
  const columns: TableColumnsType<Transfer> = [
    {
      key: 'member',
      title: t('transfers.field.member'),
      width: 150,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.member.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.member.idNumberMasked}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'kind',
      title: t('transfers.field.kind'),
      width: 120,
      render: (_v, r) => <Tag>{t(`transfers.kind.${r.kind}`)}</Tag>,
    },
    {
      key: 'from',
      title: t('transfers.field.from'),
      width: 200,
      ellipsis: true,
      render: (_v, r) => r.fromOrg.name,
    },
    {
      key: 'to',
      title: t('transfers.field.to'),
      width: 200,
      ellipsis: true,
      render: (_v, r) => r.toOrg.name,
    },
    { key: 'issuedOn', title: t('transfers.field.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    {
      key: 'validUntil',
      title: t('transfers.field.validUntil'),
      width: 150,
      render: (_v, r) => (
        <>
          {r.validUntil}
          {r.isExpired ? (
            <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="transfer-expired">
              {t('transfers.expired')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'status',
      title: t('transfers.field.status'),
      width: 150,
      render: (_v, r) => (
        <Tooltip title={r.returnReason ?? r.cancelReason ?? undefined}>
          <Tag color={statusColor[r.status]} data-testid="transfer-status">
            {t(`transfers.status.${r.status}`)}
          </Tag>
          {r.returnReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.returnReason}
            </Typography.Text>
          ) : null}
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      width: 180,
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.canAccept ? (
            <Button
              size="small"
              type="primary"
              onClick={() => onAction(r, 'accept')}
              data-testid="transfer-accept"
            >
              {t('transfers.accept')}
            </Button>
          ) : null}
          {r.canReturn ? (
            <Button size="small" onClick={() => onAction(r, 'return')} data-testid="transfer-return">
              {t('transfers.return')}
            </Button>
          ) : null}
          {r.canRecordReceipt ? (
            <Button
              size="small"
              type="primary"
              onClick={() => onAction(r, 'receipt')}
              data-testid="transfer-receipt"
            >
              {t('transfers.receipt')}
            </Button>
          ) : null}
          {r.canCancel ? (
            <Button size="small" danger onClick={() => onAction(r, 'cancel')} data-testid="transfer-cancel">
              {t('transfers.cancel')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<Transfer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: onPageChange,
        }}
        locale={{ emptyText: t('transfers.empty') }}
      />
    </div>
  );
}
