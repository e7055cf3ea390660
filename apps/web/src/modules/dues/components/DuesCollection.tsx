import { useQuery } from '@tanstack/react-query';
import type { OrgTypeCode } from '@zhibu/shared';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { orgChildrenQuery } from '../../orgs/hooks/orgChildrenQuery.ts';
import { useOrg } from '../../orgs/hooks/useOrg.ts';
import { CollectionSheet } from './CollectionSheet.tsx';

/** Orgs above branch level: their members pay through a branch, never in one township-wide batch. */
const ABOVE_BRANCH: ReadonlySet<OrgTypeCode> = new Set([
  'party_committee',
  'working_committee',
  'general_branch',
]);

/**
 * 月度收缴 of one org: the sheet for a branch; for a 党委 or 党总支 a choice of its orgs first, so a
 * township officer cannot record a whole town's dues with one click.
 */
export function DuesCollection({
  orgId,
  month,
  onPick,
}: {
  orgId: string;
  month: string;
  onPick: (orgId: string) => void;
}) {
  const t = useT();
  const org = useOrg(orgId);
  const isAboveBranch = org.data ? ABOVE_BRANCH.has(org.data.type) : false;
  const children = useQuery({ ...orgChildrenQuery(orgId, false), enabled: isAboveBranch });
  if (org.error) return <QueryErrorResult error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Spin style={{ display: 'block', padding: 48 }} />;
  const name = org.data.shortName ?? org.data.name;
  if (!isAboveBranch) return <CollectionSheet orgId={orgId} orgName={name} month={month} />;
  const choices = (children.data?.items ?? []).filter((c) => c.type !== 'group');
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '32px 0' }} data-testid="dues-pick-branch">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('dues.pickBranch', { org: name })}
        style={{ margin: 0 }}
      />
      {children.isLoading ? <Spin /> : null}
      <Flex wrap gap={8} justify="center" style={{ maxWidth: 960 }}>
        {choices.map((c) => (
          <Button key={c.id} onClick={() => onPick(c.id)} title={c.name}>
            {c.shortName ?? c.name}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              {t('dues.pickBranchCount', { count: c.memberCount })}
            </Typography.Text>
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
