import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { duesCategoryName } from '@zhibu/shared';
import type { DuesPayment } from '@zhibu/shared/api';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Flex,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useMemberDues } from '../hooks/useMemberDues.ts';
import { yuan } from '../yuan.ts';
import { DuesProfileModal } from './DuesProfileModal.tsx';
import { DuesStateTag } from './DuesStateTag.tsx';
import { RecordPaymentModal } from './RecordPaymentModal.tsx';
import { ReversePaymentModal } from './ReversePaymentModal.tsx';

/** 党费 on a member's page: standard, the last 12 months, arrears, the ledger with 冲正, and the standard's history. */
export function MemberDuesPanel({ memberId, isActive }: { memberId: string; isActive: boolean }) {
  const t = useT();
  const dues = useMemberDues(memberId);
  const [isProfileOpen, setIsProfileOpen] = useState(false);
  const [isPayOpen, setIsPayOpen] = useState(false);
  const [reversing, setReversing] = useState<DuesPayment | null>(null);

  if (dues.isPending) return <Spin />;
  if (dues.error) return <QueryErrorResult error={dues.error} onRetry={() => void dues.refetch()} />;
  const d = dues.data;
  const c = d.current;

  const columns: TableColumnsType<DuesPayment> = [
    { key: 'paidOn', title: t('dues.field.paidOn'), width: 110, render: (_v, p) => p.paidOn },
    {
      key: 'month',
      title: t('dues.field.month'),
      width: 100,
      render: (_v, p) => p.month ?? t('dues.kind.extra'),
    },
    {
      key: 'amount',
      title: t('dues.field.amount'),
      width: 110,
      align: 'right',
      render: (_v, p) => (
        <Typography.Text type={p.amountFen < 0 ? 'danger' : undefined} delete={p.reversedById !== null}>
          {yuan(p.amountFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'kind',
      title: t('dues.field.kind'),
      width: 150,
      render: (_v, p) => (
        <Flex gap={4} wrap>
          <Tag>{t(`dues.kind.${p.kind}`)}</Tag>
          {p.centreFen !== 0 ? <Tag color="red">{t('dues.toCentre')}</Tag> : null}
          {p.reversedById ? <Tag>{t('dues.reversed')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'note', title: t('dues.field.note'), render: (_v, p) => p.note ?? '' },
    { key: 'by', title: t('dues.field.recordedBy'), width: 100, render: (_v, p) => p.recordedBy ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_v, p) =>
        p.kind !== 'reversal' && !p.reversedById ? (
          <Button size="small" type="link" danger onClick={() => setReversing(p)}>
            {t('dues.reverse')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="member-dues">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('dues.title')}
        </Typography.Title>
        {isActive ? (
          <Flex gap={8} wrap>
            <Button
              icon={<SettingOutlined />}
              onClick={() => setIsProfileOpen(true)}
              data-testid="dues-set-profile"
            >
              {t('dues.setProfile')}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setIsPayOpen(true)}
              data-testid="dues-record-payment"
            >
              {t('dues.recordPayment')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {c ? (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'category', label: t('dues.field.category'), children: duesCategoryName(c.category) },
            {
              key: 'base',
              label: t('dues.field.base'),
              children: c.baseFen === null ? '—' : `${yuan(c.baseFen)} 元`,
            },
            {
              key: 'rate',
              label: t('dues.field.rate'),
              children:
                c.rate === null ? t('dues.fixedAmount') : `${(c.rate * 100).toFixed(1).replace(/\.0$/, '')}%`,
            },
            {
              key: 'standard',
              label: t('dues.field.standard'),
              children: <Typography.Text strong>{yuan(c.standardFen)} 元</Typography.Text>,
            },
            { key: 'effectiveFrom', label: t('dues.field.effectiveFrom'), children: c.effectiveFrom },
            { key: 'reviewedOn', label: t('dues.field.reviewedOn'), children: c.reviewedOn ?? '—' },
            ...(c.hardship
              ? [
                  {
                    key: 'hardship',
                    label: t('dues.field.hardship'),
                    span: 'filled' as const,
                    children: t('dues.hardshipText', {
                      reason: c.hardship.reason,
                      decidedOn: c.hardship.decidedOn,
                      approvedBy: c.hardship.approvedBy,
                      approvedOn: c.hardship.approvedOn,
                    }),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={t('dues.noProfile')} />
      )}
      {d.arrearsFen > 0 || d.consecutiveUnpaidMonths >= 3 ? (
        <Alert
          type={d.consecutiveUnpaidMonths >= 6 ? 'error' : 'warning'}
          showIcon
          title={t('dues.arrearsAlert', {
            months: d.arrearsMonths.length,
            amount: yuan(d.arrearsFen),
            run: d.consecutiveUnpaidMonths,
          })}
          data-testid="dues-arrears-alert"
        />
      ) : null}
      <Flex wrap gap={4}>
        {[...d.months].reverse().map((m) => (
          <Tooltip
            key={m.month}
            title={`${m.month}：${t('dues.paidOf', { paid: yuan(m.paidFen), standard: yuan(m.standardFen) })}`}
          >
            <span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 2 }}>
                {Number(m.month.slice(5))}月
              </Typography.Text>
              <DuesStateTag state={m.state} />
            </span>
          </Tooltip>
        ))}
      </Flex>
      <Table<DuesPayment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={d.payments}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dues.noPayments')} />,
        }}
      />
      {d.profiles.length > 1 ? (
        <details>
          <summary>{t('dues.profileHistory', { count: d.profiles.length })}</summary>
          <ul style={{ margin: '8px 0' }}>
            {d.profiles.map((p) => (
              <li key={p.id}>
                {p.effectiveFrom} {duesCategoryName(p.category)}
                {p.baseFen !== null ? `，${t('dues.field.base')} ${yuan(p.baseFen)} 元` : ''}，
                {t('dues.field.standard')} {yuan(p.standardFen)} 元{p.recordedBy ? `（${p.recordedBy}）` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <DuesProfileModal
        member={isProfileOpen ? { id: memberId, name: d.name } : null}
        onClose={() => setIsProfileOpen(false)}
      />
      <RecordPaymentModal
        member={isPayOpen ? { id: memberId, name: d.name, standardFen: c?.standardFen ?? null } : null}
        onClose={() => setIsPayOpen(false)}
      />
      <ReversePaymentModal payment={reversing} onClose={() => setReversing(null)} />
    </Flex>
  );
}
