import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { orgDetailQuery } from '../hooks/orgDetailQuery.ts';

/** "上级 / 上级 / 本组织" for one org, read from its ancestors. */
export function OrgPath({ id }: { id: string }) {
  const { data } = useQuery(orgDetailQuery(id));
  if (!data) return <Typography.Text type="secondary">…</Typography.Text>;
  const names = [...data.ancestors.map((a) => a.name), data.name];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: names.join(' / ') }}>
      {names.join(' / ')}
    </Typography.Text>
  );
}
