import { ImportOutlined, SendOutlined } from '@ant-design/icons';
import type { Transfer, TransferBoxCode } from '@zhibu/shared/api';
import { Badge, Button, Card, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { CreateTransferModal } from '../../modules/transfers/components/CreateTransferModal.tsx';
import { RegisterIncomingModal } from '../../modules/transfers/components/RegisterIncomingModal.tsx';
import { TransferActionModal } from '../../modules/transfers/components/TransferActionModal.tsx';
import { TransferTable } from '../../modules/transfers/components/TransferTable.tsx';
import { useTransferSummary } from '../../modules/transfers/hooks/useTransferSummary.ts';
import { useTransfers } from '../../modules/transfers/hooks/useTransfers.ts';
import type { TransferAction } from '../../modules/transfers/TransferAction.ts';

type State = 'pending' | 'closed' | 'all';

/** 组织关系转接: 待接收 and 已发出 for the orgs in scope, each side with its own actions. */
export function TransfersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const box: TransferBoxCode = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const stateParam = params.get('state');
  const state: State = stateParam === 'closed' || stateParam === 'all' ? stateParam : 'pending';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = 20;
  const list = useTransfers({ box, state, page, pageSize });
  const summary = useTransferSummary();
  const [isCreating, setIsCreating] = useState(false);
  const [isRegistering, setIsRegistering] = useState(false);
  const [target, setTarget] = useState<{ transfer: Transfer; action: TransferAction } | null>(null);
  const set = (next: Record<string, string>) => setParams({ box, state, ...next });

  const table = list.error ? (
    <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <TransferTable
      testId={`transfers-${box}`}
      items={list.data?.items ?? []}
      total={list.data?.total ?? 0}
      page={page}
      pageSize={pageSize}
      isLoading={list.isFetching}
      onPageChange={(p) => set({ page: String(p) })}
      onAction={(transfer, action) => setTarget({ transfer, action })}
    />
  );
  return (
    <>
      <PageHeader
        title={t('nav.transfers')}
        extra={
          <>
            <Button
              icon={<ImportOutlined />}
              onClick={() => setIsRegistering(true)}
              data-testid="transfer-register-in"
            >
              {t('transfers.registerIn')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="transfer-create"
            >
              {t('transfers.create')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={box}
          onChange={(key) => setParams({ box: key, state })}
          tabBarExtraContent={
            <Segmented<State>
              value={state}
              onChange={(value) => set({ state: value })}
              options={(['pending', 'closed', 'all'] as const).map((s) => ({
                value: s,
                label: t(`transfers.state.${s}`),
              }))}
              data-testid="transfer-state"
            />
          }
          items={[
            {
              key: 'incoming',
              label: (
                <span data-testid="tab-incoming">
                  {t('transfers.incoming')} <Badge count={summary.data?.incomingPending ?? 0} size="small" />
                </span>
              ),
              children: box === 'incoming' ? table : null,
            },
            {
              key: 'outgoing',
              label: (
                <span data-testid="tab-outgoing">
                  {t('transfers.outgoing')}{' '}
                  <Badge count={summary.data?.outgoingPending ?? 0} size="small" color="blue" />
                </span>
              ),
              children: box === 'outgoing' ? table : null,
            },
          ]}
        />
      </Card>
      <CreateTransferModal open={isCreating} onClose={() => setIsCreating(false)} />
      <RegisterIncomingModal open={isRegistering} onClose={() => setIsRegistering(false)} />
      <TransferActionModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
