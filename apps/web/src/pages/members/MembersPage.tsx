import {
  ApartmentOutlined,
  DownloadOutlined,
  SafetyCertificateOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Grid, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { useDownload } from '../../modules/http/hooks/useDownload.ts';
import { membersApi } from '../../modules/members/api/membersApi.ts';
import { MemberDetailDrawer } from '../../modules/members/components/MemberDetailDrawer.tsx';
import { MemberFilters } from '../../modules/members/components/MemberFilters.tsx';
import { MemberFormModal } from '../../modules/members/components/MemberFormModal.tsx';
import { MemberTable } from '../../modules/members/components/MemberTable.tsx';
import { useMembers } from '../../modules/members/hooks/useMembers.ts';
import type { MemberFormTarget } from '../../modules/members/MemberFormTarget.ts';
import type { MemberSearch } from '../../modules/members/MemberSearch.ts';
import { memberSearchFromParams } from '../../modules/members/memberSearchFromParams.ts';
import { memberSearchToParams } from '../../modules/members/memberSearchToParams.ts';
import { toMemberListParams } from '../../modules/members/toMemberListParams.ts';
import { OrgTree } from '../../modules/orgs/components/OrgTree.tsx';
import { useOrg } from '../../modules/orgs/hooks/useOrg.ts';

/**
 * 党员管理: org tree beside the paged member list of the selected org's subtree. Filters, page and
 * the opened member live in the URL, so links, refresh and back all keep the view.
 */
export function MembersPage() {
  const t = useT();
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  // The ID number is searched by POST and kept here, never in the URL (history, logs, shared links).
  const [idNumber, setIdNumber] = useState<string | undefined>(undefined);
  const search = useMemo(
    () => ({ ...memberSearchFromParams(searchParams), idNumber }),
    [searchParams, idNumber],
  );
  const params = useMemo(() => toMemberListParams(search), [search]);
  const members = useMembers(params);
  const selectedOrg = useOrg(search.orgId);
  const openMemberId = searchParams.get('member');
  const { download, isDownloading } = useDownload();
  const [formTarget, setFormTarget] = useState<MemberFormTarget | null>(null);
  const [isTreeOpen, setIsTreeOpen] = useState(false);

  const update = (next: Partial<MemberSearch>, options: { keepMember?: boolean } = {}) => {
    if ('idNumber' in next) setIdNumber(next.idNumber || undefined);
    const merged = memberSearchToParams({ ...search, ...next });
    const member = options.keepMember ? openMemberId : null;
    if (member) merged.set('member', member);
    setSearchParams(merged);
  };
  const openMember = (id: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (id) next.set('member', id);
    else next.delete('member');
    setSearchParams(next);
  };

  const tree = (
    <OrgTree
      selectedId={search.orgId}
      onSelect={(org) => {
        setIsTreeOpen(false);
        update({ orgId: org.id, page: 1 });
      }}
    />
  );
  const orgName = search.orgId ? (selectedOrg.data?.name ?? '…') : t('members.allOrgs');
  const { page: _page, pageSize: _pageSize, ...exportFilter } = params;
  const user = useAuthenticatedUser();
  const canExportFull = user.roles.some((r) => r.role !== 'member');
  const exportFull = () =>
    modal.confirm({
      title: t('members.exportFullTitle'),
      content: t('members.exportFullWarning'),
      okText: t('members.exportFullConfirm'),
      onOk: () =>
        download(membersApi.exportPath, `${t('members.exportFullFileName')}.xlsx`, undefined, {
          ...exportFilter,
          full: true,
        }),
    });

  return (
    <>
      <PageHeader
        title={t('nav.members')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={isDownloading}
              onClick={() =>
                void download(membersApi.exportPath, `${t('members.exportFileName')}.xlsx`, undefined, {
                  ...exportFilter,
                  full: false,
                })
              }
              data-testid="member-export"
              title={t('members.exportMaskedHint')}
            >
              {t('members.exportMasked')}
            </Button>
            {canExportFull ? (
              <Button
                icon={<SafetyCertificateOutlined />}
                loading={isDownloading}
                onClick={exportFull}
                data-testid="member-export-full"
              >
                {t('members.exportFull')}
              </Button>
            ) : null}
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() =>
                setFormTarget({
                  mode: 'create',
                  org:
                    search.orgId && selectedOrg.data
                      ? { value: search.orgId, label: selectedOrg.data.name }
                      : null,
                })
              }
              data-testid="member-create"
            >
              {t('members.create')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {isPhone ? null : (
          <Col md={8} lg={7} xl={6}>
            <Card size="small" title={t('orgs.treeTitle')}>
              {tree}
            </Card>
          </Col>
        )}
        <Col xs={24} md={16} lg={17} xl={18}>
          <Card size="small">
            <Row justify="space-between" align="middle" style={{ marginBottom: 12 }} gutter={8}>
              <Col flex="auto">
                <Typography.Text strong data-testid="member-scope">
                  {orgName}
                </Typography.Text>
                {members.data ? (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t('common.total', { total: members.data.total })}
                  </Typography.Text>
                ) : null}
              </Col>
              {isPhone ? (
                <Col>
                  <Button icon={<ApartmentOutlined />} onClick={() => setIsTreeOpen(true)}>
                    {t('members.pickOrg')}
                  </Button>
                </Col>
              ) : null}
              {search.orgId ? (
                <Col>
                  <Button type="link" onClick={() => update({ orgId: undefined, page: 1 })}>
                    {t('members.clearOrg')}
                  </Button>
                </Col>
              ) : null}
            </Row>
            <MemberFilters value={search} onSearch={(values) => update({ ...values, page: 1 })} />
            {members.error ? (
              <QueryErrorResult error={members.error} onRetry={() => void members.refetch()} />
            ) : (
              <MemberTable
                items={members.data?.items ?? []}
                total={members.data?.total ?? 0}
                page={search.page}
                pageSize={search.pageSize}
                isLoading={members.isFetching}
                onPageChange={(page, pageSize) =>
                  update({ page: pageSize === search.pageSize ? page : 1, pageSize })
                }
                onOpen={(member) => openMember(member.id)}
              />
            )}
          </Card>
        </Col>
      </Row>
      {isPhone ? (
        <Drawer
          open={isTreeOpen}
          onClose={() => setIsTreeOpen(false)}
          placement="left"
          size="85%"
          title={t('members.pickOrg')}
        >
          {tree}
        </Drawer>
      ) : null}
      <MemberDetailDrawer memberId={openMemberId} onClose={() => openMember(null)} />
      <MemberFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(member) => {
          if (formTarget?.mode === 'create') openMember(member.id);
        }}
      />
    </>
  );
}
