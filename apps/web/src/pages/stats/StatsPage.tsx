import { PrinterOutlined } from '@ant-design/icons';
import type { MemberStructureResponse, StructureItem } from '@zhibu/shared/api';
import { Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import type { MessageKey } from '../../i18n/MessageKey.ts';
import { useT } from '../../i18n/useT.ts';
import { OrgTree } from '../../modules/orgs/components/OrgTree.tsx';
import { useMemberStructure } from '../../modules/stats/hooks/useMemberStructure.ts';

const percent = (count: number, total: number) => (total > 0 ? Math.round((count * 1000) / total) / 10 : 0);

/** One dimension: a row per category with its count and share of the total. */
function DimensionCard({ title, items, total }: { title: string; items: StructureItem[]; total: number }) {
  return (
    <Card size="small" title={title} className="stats-card">
      <table className="stats-table">
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <th scope="row">{item.name}</th>
              <td className="stats-count">{item.count.toLocaleString('zh-CN')}</td>
              <td className="stats-share">
                <Progress
                  percent={percent(item.count, total)}
                  size="small"
                  format={(p) => `${(p ?? 0).toFixed(1)}%`}
                  aria-label={`${item.name} ${percent(item.count, total)}%`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function StructureCards({ data }: { data: MemberStructureResponse }) {
  const t = useT();
  const { total, ethnicity } = data;
  const ethnicityItems: StructureItem[] = [
    { code: 'han', name: t('stats.ethnicity.han'), count: ethnicity.han },
    { code: 'minority', name: t('stats.ethnicity.minority'), count: ethnicity.minority },
    ...ethnicity.topMinorities.map((m) => ({ ...m, name: `　${m.name}` })),
    { code: 'other', name: t('stats.ethnicity.other'), count: ethnicity.other },
    ...(ethnicity.unknown > 0
      ? [{ code: 'unknown', name: t('stats.unknown'), count: ethnicity.unknown }]
      : []),
  ];
  const dimensions: [MessageKey, StructureItem[]][] = [
    ['stats.byStatus', data.byStatus],
    ['stats.byGender', data.byGender],
    ['stats.byAgeBand', data.byAgeBand],
    ['stats.byEducation', data.byEducation],
    ['stats.byEthnicity', ethnicityItems],
    ['stats.byOrgCategory', data.byOrgCategory.filter((i) => i.count > 0)],
  ];
  return (
    <Row gutter={[16, 16]}>
      {dimensions.map(([key, items]) => (
        <Col key={key} xs={24} xl={12}>
          <DimensionCard title={t(key)} items={items} total={total} />
        </Col>
      ))}
    </Row>
  );
}

/** 党员结构统计: the structure of an org's members (or the caller's whole scope), printable. */
export function StatsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { orgId } = useParams();
  const structure = useMemberStructure(orgId);
  const data = structure.data;

  return (
    <>
      <PageHeader
        title={t('nav.stats')}
        extra={
          <Button
            className="no-print"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!data}
          >
            {t('stats.print')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={8} xl={7} className="no-print">
          <Card size="small" title={t('stats.treeTitle')}>
            <OrgTree
              selectedId={orgId}
              onSelect={(org) => navigate(`/stats/${encodeURIComponent(org.id)}`)}
            />
          </Card>
        </Col>
        <Col xs={24} md={15} lg={16} xl={17} className="print-full">
          {structure.error ? (
            <QueryErrorResult error={structure.error} onRetry={() => void structure.refetch()} />
          ) : !data ? (
            <Card size="small">
              <Skeleton active />
            </Card>
          ) : (
            <Flex vertical gap={16}>
              <Card size="small">
                <Flex wrap gap={32} align="center" justify="space-between">
                  <Statistic
                    title={data.org ? data.org.name : t('stats.wholeScope')}
                    value={data.total}
                    suffix={t('stats.people')}
                    data-testid="stats-total"
                  />
                  <Typography.Text type="secondary">{t('stats.asOf', { date: data.asOf })}</Typography.Text>
                </Flex>
              </Card>
              {data.total === 0 ? (
                <Card size="small">
                  <Empty description={t('stats.empty')} />
                </Card>
              ) : (
                <StructureCards data={data} />
              )}
            </Flex>
          )}
        </Col>
      </Row>
    </>
  );
}
