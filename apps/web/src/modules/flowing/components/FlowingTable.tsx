import type { FlowingDirectionCode, FlowingRecord } from '@zhibu/shared/api';
import { Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';

interface FlowingTableProps {
  direction: FlowingDirectionCode;
  items: FlowingRecord[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  onPageChange: (page: number) => void;
  onOpen: (record: FlowingRecord) => void;
}

/** A short label for each flowing rule; the tooltip carries the full sentence and its citation. */
function alertLabel(rule: string): MessageKey {
  if (rule.startsWith('T1')) return 'flowing.alert.transfer';
  if (rule.startsWith('T2')) return 'flowing.alert.contact';
  if (rule === 'T3.abroad') return 'flowing.alert.abroad';
  return 'flowing.alert.lost';
}

/** Flowing members with where and since when, the mobility card, last contact and the rules they meet. */
export function FlowingTable({
  direction,
  items,
  total,
  page,
  pageSize,
  isLoading,
  onPageChange,
  onOpen,
}: FlowingTableProps) {
  const t = useT();
  const columns: TableColumnsType<FlowingRecord> = [
    {
      key: 'name',
      title: t('flowing.field.name'),
      width: 100,
      render: (_v, r) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            onOpen(r);
          }}
        >
          {r.name}
        </Typography.Link>
      ),
    },
    {
      key: 'org',
      title: direction === 'out' ? t('flowing.field.org') : t('flowing.field.hostOrg'),
      dataIndex: 'orgName',
      width: 180,
      ellipsis: true,
    },
    {
      key: 'place',
      title: direction === 'out' ? t('flowing.field.placeOut') : t('flowing.field.placeIn'),
      dataIndex: 'place',
      width: 160,
      ellipsis: true,
    },
    {
      key: 'since',
      title: direction === 'out' ? t('flowing.field.since') : t('flowing.field.sinceIn'),
      width: 150,
      render: (_v, r) => (
        <>
          {r.since}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {t('flowing.monthsAway', { months: dayjs().diff(dayjs(r.since), 'month') })}
          </Typography.Text>
        </>
      ),
    },
    ...(direction === 'in'
      ? [
          {
            key: 'home',
            title: t('flowing.field.homeOrgName'),
            dataIndex: 'homeOrgName',
            width: 180,
            ellipsis: true,
          },
        ]
      : []),
    { key: 'card', title: t('flowing.field.mobilityCardNo'), dataIndex: 'mobilityCardNo', width: 130 },
    {
      key: 'last',
      title: t('flowing.field.lastContactOn'),
      width: 120,
      render: (_v, r) => r.lastContactOn ?? '—',
    },
    {
      key: 'alerts',
      title: t('flowing.field.alerts'),
      width: 240,
      render: (_v, r) => (
        <Space size={[4, 4]} wrap>
          {r.lostContactSince ? (
            <Tag color="volcano">{`${t('flowing.field.lostContactSince')} ${r.lostContactSince}`}</Tag>
          ) : null}
          {r.alerts.map((a) => (
            <Tooltip key={a.rule} title={`${a.message}（${a.citation}）`}>
              <Tag color={a.rule.startsWith('T2') ? 'gold' : 'red'} data-testid="flowing-alert">
                {t(alertLabel(a.rule))}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('flowing.field.status'),
      width: 110,
      render: (_v, r) => <Tag>{t(`flowing.status.${r.status}`)}</Tag>,
    },
  ];
  return (
    <div data-testid={`flowing-${direction}`}>
      <Table<FlowingRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        rowClassName="zhibu-clickable-row"
        onRow={(r) => ({ onClick: () => onOpen(r) })}
        pagination={{ current: page, pageSize, total, onChange: onPageChange }}
        locale={{ emptyText: t('flowing.empty') }}
      />
    </div>
  );
}
