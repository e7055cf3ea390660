import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import type { FlowingDirectionCode, FlowingStatusCode } from '@zhibu/shared/api';
import { Button, Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { CreateFlowingModal } from '../../modules/flowing/components/CreateFlowingModal.tsx';
import { FlowingDrawer } from '../../modules/flowing/components/FlowingDrawer.tsx';
import { FlowingTable } from '../../modules/flowing/components/FlowingTable.tsx';
import { useFlowing } from '../../modules/flowing/hooks/useFlowing.ts';

const STATUSES: FlowingStatusCode[] = ['active', 'returned', 'transferred', 'suspended'];

/** 流动党员: members away (流出) and members of other orgs here (流入), each with alerts and a contact log. */
export function FlowingPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const direction: FlowingDirectionCode = params.get('direction') === 'in' ? 'in' : 'out';
  const statusParam = params.get('status') as FlowingStatusCode | null;
  const status: FlowingStatusCode = statusParam && STATUSES.includes(statusParam) ? statusParam : 'active';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useFlowing({ direction, status, page, pageSize: 20 });
  const [creating, setCreating] = useState<FlowingDirectionCode | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const table = list.error ? (
    <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <FlowingTable
      direction={direction}
      items={list.data?.items ?? []}
      total={list.data?.total ?? 0}
      page={page}
      pageSize={20}
      isLoading={list.isFetching}
      onPageChange={(p) => setParams({ direction, status, page: String(p) })}
      onOpen={(r) => setOpenId(r.id)}
    />
  );
  return (
    <>
      <PageHeader
        title={t('nav.flowing')}
        extra={
          <>
            <Button icon={<LoginOutlined />} onClick={() => setCreating('in')}>
              {t('flowing.createIn')}
            </Button>
            <Button
              type="primary"
              icon={<LogoutOutlined />}
              onClick={() => setCreating('out')}
              data-testid="flowing-create-out"
            >
              {t('flowing.createOut')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={direction}
          onChange={(key) => setParams({ direction: key, status })}
          tabBarExtraContent={
            <Select<FlowingStatusCode>
              value={status}
              onChange={(value) => setParams({ direction, status: value })}
              options={STATUSES.map((s) => ({ value: s, label: t(`flowing.status.${s}`) }))}
              style={{ width: 160 }}
            />
          }
          items={[
            { key: 'out', label: t('flowing.out'), children: direction === 'out' ? table : null },
            { key: 'in', label: t('flowing.in'), children: direction === 'in' ? table : null },
          ]}
        />
      </Card>
      <CreateFlowingModal direction={creating} onClose={() => setCreating(null)} />
      <FlowingDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
