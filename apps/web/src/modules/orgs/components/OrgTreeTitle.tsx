import type { Org } from '@zhibu/shared/api';
import { Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';

/** A tree node: name, member count and a mark when dissolved. */
export function OrgTreeTitle({ org }: { org: Org }) {
  const t = useT();
  return (
    <span>
      <Typography.Text delete={Boolean(org.dissolvedOn)} type={org.dissolvedOn ? 'secondary' : undefined}>
        {org.shortName || org.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
        {t('orgs.memberCountShort', { count: org.memberCount })}
      </Typography.Text>
      {org.dissolvedOn ? (
        <Tag style={{ marginInlineStart: 6 }} variant="filled">
          {t('orgs.dissolved')}
        </Tag>
      ) : null}
    </span>
  );
}
