import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org } from '@zhibu/shared/api';
import { Empty, Flex, Input, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { orgChildrenQuery } from '../hooks/orgChildrenQuery.ts';
import { orgDetailQuery } from '../hooks/orgDetailQuery.ts';
import { useOrgSearch } from '../hooks/useOrgSearch.ts';
import type { OrgChildren } from '../OrgChildren.ts';
import { OrgSearchResults } from './OrgSearchResults.tsx';
import { OrgTreeTitle } from './OrgTreeTitle.tsx';

interface OrgTreeProps {
  selectedId?: string;
  onSelect: (org: Org) => void;
  includeDissolved?: boolean;
  /** Height for virtual scrolling of very long levels; natural height when omitted. */
  height?: number;
  /** Extra content after a node's title (e.g. a warning badge); `parentId` is null for top nodes. */
  titleExtra?: (org: Org, parentId: string | null) => ReactNode;
}

const moreSuffix = ':more';

/**
 * The org tree of the caller's scope, loaded one level at a time as nodes open, with a search box
 * that lists matching orgs with their path. Cached levels live in TanStack Query, so any org change
 * that invalidates 'orgs' redraws the tree.
 */
export function OrgTree({
  selectedId,
  onSelect,
  includeDissolved = false,
  height,
  titleExtra,
}: OrgTreeProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const [inputText, setInputText] = useState('');
  const [searchText, setSearchText] = useState('');
  const search = useOrgSearch(searchText, { includeDissolved });

  const roots = useQuery(orgChildrenQuery(null, includeDissolved));
  const levels = useQueries({
    queries: loadedKeys.map((id) => orgChildrenQuery(id, includeDissolved)),
  });

  const childrenById = useMemo(() => {
    const map = new Map<string, OrgChildren>();
    loadedKeys.forEach((id, index) => {
      const data = levels[index]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [loadedKeys, levels]);

  const knownOrgs = useMemo(() => {
    const map = new Map<string, Org>();
    for (const org of roots.data?.items ?? []) map.set(org.id, org);
    for (const level of childrenById.values()) for (const org of level.items) map.set(org.id, org);
    return map;
  }, [roots.data, childrenById]);

  const treeData = useMemo(() => {
    const build = (org: Org, parentId: string | null): TreeDataNode => {
      const level = childrenById.get(org.id);
      const title = titleExtra ? (
        <>
          <OrgTreeTitle org={org} />
          {titleExtra(org, parentId)}
        </>
      ) : (
        <OrgTreeTitle org={org} />
      );
      const node: TreeDataNode = { key: org.id, title, isLeaf: !org.hasChildren };
      if (level) {
        node.children = level.items.map((child) => build(child, org.id));
        if (level.total > level.items.length) {
          node.children.push({
            key: `${org.id}${moreSuffix}`,
            title: (
              <Typography.Text type="secondary">
                {t('orgs.treeMore', { count: level.total - level.items.length })}
              </Typography.Text>
            ),
            isLeaf: true,
            selectable: false,
          });
        }
      }
      return node;
    };
    return (roots.data?.items ?? []).map((org) => build(org, null));
  }, [roots.data, childrenById, t, titleExtra]);

  const loadChildren = useCallback(
    async (id: string) => {
      await queryClient.fetchQuery(orgChildrenQuery(id, includeDissolved));
      setLoadedKeys((keys) => (keys.includes(id) ? keys : [...keys, id]));
    },
    [queryClient, includeDissolved],
  );

  /** Opens the tree down to an org (deep link or search pick) so it is visible and selected. */
  const reveal = useCallback(
    async (id: string) => {
      const detail = await queryClient.fetchQuery(orgDetailQuery(id));
      const rootIds = new Set(roots.data?.items.map((o) => o.id) ?? []);
      const start = detail.ancestors.findIndex((a) => rootIds.has(a.id));
      const path = start < 0 ? [] : detail.ancestors.slice(start).map((a) => a.id);
      for (const ancestorId of path) await loadChildren(ancestorId);
      setExpandedKeys((keys) => [...new Set([...keys, ...path])]);
    },
    [queryClient, roots.data, loadChildren],
  );

  // Deep link: reveal a selected org that the loaded part of the tree does not show yet (once per id).
  const revealedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || !roots.data || knownOrgs.has(selectedId) || revealedFor.current === selectedId) return;
    revealedFor.current = selectedId;
    reveal(selectedId).catch(() => undefined);
  }, [selectedId, roots.data, knownOrgs, reveal]);

  const isSearching = searchText.trim().length > 0;

  return (
    <Flex vertical gap={8} data-testid="org-tree">
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        aria-label={t('orgs.searchPlaceholder')}
        value={inputText}
        onSearch={(value) => setSearchText(value)}
        onChange={(event) => {
          setInputText(event.target.value);
          if (event.target.value === '') setSearchText('');
        }}
        data-testid="org-tree-search"
      />
      {isSearching ? (
        <OrgSearchResults
          items={search.data?.items}
          total={search.data?.total ?? 0}
          isLoading={search.isFetching}
          onPick={(org) => {
            setInputText('');
            setSearchText('');
            onSelect(org);
            revealedFor.current = org.id;
            reveal(org.id).catch(() => undefined);
          }}
        />
      ) : roots.isPending ? (
        <Spin style={{ display: 'block', padding: 24 }} />
      ) : roots.error ? (
        <QueryErrorResult error={roots.error} onRetry={() => void roots.refetch()} />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.treeEmpty')} />
      ) : (
        <Tree
          blockNode
          showLine
          height={height}
          treeData={treeData}
          expandedKeys={expandedKeys}
          loadedKeys={loadedKeys}
          selectedKeys={selectedId ? [selectedId] : []}
          onExpand={(keys: Key[]) => setExpandedKeys(keys.map(String))}
          loadData={async (node) => {
            const id = String(node.key);
            if (!id.endsWith(moreSuffix)) await loadChildren(id);
          }}
          onSelect={(_keys, info) => {
            const org = knownOrgs.get(String(info.node.key));
            if (org) onSelect(org);
          }}
          aria-label={t('orgs.treeLabel')}
        />
      )}
    </Flex>
  );
}
