import { Card, DatePicker, Empty, Flex, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { ArrearsView } from '../../modules/dues/components/ArrearsView.tsx';
import { DuesCollection } from '../../modules/dues/components/DuesCollection.tsx';
import { DuesSummaryView } from '../../modules/dues/components/DuesSummaryView.tsx';
import { OrgSelect } from '../../modules/orgs/components/OrgSelect.tsx';

const TABS = ['collect', 'arrears', 'summary'] as const;
type Tab = (typeof TABS)[number];

/**
 * 党费: the monthly collection of a branch in one screen, arrears, and the year's figures. Org,
 * month and tab live in the URL so a link opens the same view.
 */
export function DuesPage() {
  const t = useT();
  const user = useAuthenticatedUser();
  const [params, setParams] = useSearchParams();
  const home = user.roles.find((r) => r.orgId !== null);
  const orgId = params.get('orgId') ?? home?.orgId ?? undefined;
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'collect';
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const needOrg = <Empty description={t('dues.pickOrg')} style={{ padding: 48 }} />;

  return (
    <>
      <PageHeader title={t('nav.dues')} />
      <Card size="small">
        <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
          <span style={{ minWidth: 280 }}>
            <OrgSelect
              value={orgId ?? null}
              initialOption={home?.orgId && home.orgName ? { value: home.orgId, label: home.orgName } : null}
              onChange={(value) => set({ orgId: value })}
              testId="dues-org"
            />
          </span>
          {tab === 'collect' ? (
            <DatePicker
              picker="month"
              format="YYYY-MM"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(value) => set({ month: value ? value.format('YYYY-MM') : null })}
              aria-label={t('dues.field.month')}
              data-testid="dues-month"
            />
          ) : null}
          <Typography.Text type="secondary">{t('dues.basis')}</Typography.Text>
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key })}
          items={[
            {
              key: 'collect',
              label: t('dues.tab.collect'),
              children: orgId ? (
                <DuesCollection orgId={orgId} month={month} onPick={(id) => set({ orgId: id })} />
              ) : (
                needOrg
              ),
            },
            { key: 'arrears', label: t('dues.tab.arrears'), children: <ArrearsView orgId={orgId} /> },
            {
              key: 'summary',
              label: t('dues.tab.summary'),
              children: orgId ? <DuesSummaryView orgId={orgId} /> : needOrg,
            },
          ]}
        />
      </Card>
    </>
  );
}
