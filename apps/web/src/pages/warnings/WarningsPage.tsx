import type { Org, Severity } from '@zhibu/shared/api';
import { Card, Col, Flex, Row, Segmented, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { OrgTree } from '../../modules/orgs/components/OrgTree.tsx';
import { OrgWarningBadge } from '../../modules/rules/components/OrgWarningBadge.tsx';
import { WarningTable } from '../../modules/rules/components/WarningTable.tsx';
import { useRules } from '../../modules/rules/hooks/useRules.ts';
import { useWarnings } from '../../modules/rules/hooks/useWarnings.ts';

type SeverityFilter = Severity | 'all';

/** 预警: the org tree with warning counts, and the warnings of the selected subtree with their citations. */
export function WarningsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { orgId } = useParams();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [rule, setRule] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const rules = useRules();
  const warnings = useWarnings({
    orgId,
    severity: severity === 'all' ? undefined : severity,
    rule,
    page,
    pageSize,
  });
  const counts = warnings.data?.counts;
  const badge = useCallback(
    (org: Org, parentId: string | null) => <OrgWarningBadge orgId={org.id} parentId={parentId} />,
    [],
  );
  const ruleOptions = useMemo(
    () =>
      (rules.data?.items ?? [])
        .filter((r) => r.producesWarnings)
        .map((r) => ({ value: r.id, label: `${r.id} ${r.title}` })),
    [rules.data],
  );

  return (
    <>
      <PageHeader title={t('nav.warnings')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={8} xl={7}>
          <Card size="small" title={t('warnings.treeTitle')}>
            <OrgTree
              selectedId={orgId}
              onSelect={(org) => {
                setPage(1);
                navigate(`/warnings/${encodeURIComponent(org.id)}`);
              }}
              titleExtra={badge}
            />
          </Card>
        </Col>
        <Col xs={24} md={15} lg={16} xl={17}>
          <Card size="small">
            <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
              <Segmented<SeverityFilter>
                value={severity}
                onChange={(value) => {
                  setSeverity(value);
                  setPage(1);
                }}
                options={[
                  {
                    value: 'all',
                    label: t('warnings.filter.all', {
                      count: counts ? counts.violation + counts.warning + counts.info : 0,
                    }),
                  },
                  {
                    value: 'violation',
                    label: t('warnings.filter.violation', { count: counts?.violation ?? 0 }),
                  },
                  { value: 'warning', label: t('warnings.filter.warning', { count: counts?.warning ?? 0 }) },
                  { value: 'info', label: t('warnings.filter.info', { count: counts?.info ?? 0 }) },
                ]}
                data-testid="warning-severity"
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('warnings.rulePlaceholder')}
                options={ruleOptions}
                value={rule}
                onChange={(value?: string) => {
                  setRule(value);
                  setPage(1);
                }}
                style={{ minWidth: 280, flex: 1 }}
                aria-label={t('warnings.rulePlaceholder')}
              />
              {warnings.data ? (
                <Typography.Text type="secondary">
                  {t('warnings.evaluatedOn', { date: warnings.data.evaluatedOn })}
                </Typography.Text>
              ) : null}
            </Flex>
            {warnings.error ? (
              <QueryErrorResult error={warnings.error} onRetry={() => void warnings.refetch()} />
            ) : (
              <WarningTable
                items={warnings.data?.items ?? []}
                total={warnings.data?.total ?? 0}
                page={page}
                pageSize={pageSize}
                isLoading={warnings.isFetching}
                onPageChange={(nextPage, nextSize) => {
                  setPage(nextSize === pageSize ? nextPage : 1);
                  setPageSize(nextSize);
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
