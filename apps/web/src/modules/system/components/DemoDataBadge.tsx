import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useSystemHealth } from '../hooks/useSystemHealth.ts';

/**
 * A 演示数据 tag while the server reports seeded (fictional) data; nothing otherwise. `compact`
 * (phone header) keeps only the icon, named for screen readers, so the header fits 390 px.
 */
export function DemoDataBadge({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { data } = useSystemHealth();
  if (!data?.isDemo) return null;
  return (
    <Tooltip title={t('app.demoBadgeHint')}>
      <Tag
        color="orange"
        icon={<ExperimentOutlined />}
        data-testid="demo-data-badge"
        aria-label={t('app.demoBadge')}
        style={{ marginInlineEnd: 0 }}
      >
        {compact ? null : t('app.demoBadge')}
      </Tag>
    </Tooltip>
  );
}
