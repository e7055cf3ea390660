import { Badge, Tooltip } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useWarningSummary } from '../hooks/useWarningSummary.ts';
import { severityColors } from '../severityColors.ts';

/** The warning count of an org's subtree beside its tree node, coloured by the most serious kind. */
export function OrgWarningBadge({ orgId, parentId }: { orgId: string; parentId: string | null }) {
  const t = useT();
  const { data } = useWarningSummary(parentId);
  const item = data?.items.find((i) => i.orgId === orgId);
  if (!item || item.total === 0) return null;
  const color =
    item.violation > 0
      ? severityColors.violation
      : item.warning > 0
        ? severityColors.warning
        : severityColors.info;
  return (
    <Tooltip
      title={t('warnings.badgeTooltip', {
        violation: item.violation,
        warning: item.warning,
        info: item.info,
      })}
    >
      <Badge
        count={item.total}
        overflowCount={999}
        size="small"
        color={color}
        style={{ marginInlineStart: 6 }}
        data-testid="org-warning-badge"
      />
    </Tooltip>
  );
}
