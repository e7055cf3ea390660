import type { Org } from '@zhibu/shared/api';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { OrgPath } from './OrgPath.tsx';

interface OrgSearchResultsProps {
  items: Org[] | undefined;
  total: number;
  isLoading: boolean;
  onPick: (org: Org) => void;
}

/** Orgs matching the tree's search box, each with its path; picking one reveals it in the tree. */
export function OrgSearchResults({ items, total, isLoading, onPick }: OrgSearchResultsProps) {
  const t = useT();
  if (isLoading && !items) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (!items || items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.searchEmpty')} />;
  }
  return (
    <Flex vertical gap={2} role="list" aria-label={t('orgs.searchResults')} data-testid="org-search-results">
      {items.map((org) => (
        <Button
          key={org.id}
          type="text"
          block
          role="listitem"
          onClick={() => onPick(org)}
          style={{
            height: 'auto',
            padding: '4px 8px',
            textAlign: 'start',
            display: 'block',
            whiteSpace: 'normal',
          }}
        >
          <Typography.Text delete={Boolean(org.dissolvedOn)}>{org.name}</Typography.Text>
          <br />
          <OrgPath id={org.id} />
        </Button>
      ))}
      {total > items.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, padding: '4px 8px' }}>
          {t('orgs.searchMore', { shown: items.length, total })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
