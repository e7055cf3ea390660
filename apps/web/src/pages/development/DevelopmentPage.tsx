import { PlusOutlined, SafetyCertificateOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { DEVELOPMENT_STAGE_NAMES, type DevelopmentStageCode } from '@zhibu/shared';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import type { MessageKey } from '../../i18n/MessageKey.ts';
import { useT } from '../../i18n/useT.ts';
import { canAdminister } from '../../modules/auth/canAdminister.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { AuthorityDrawer } from '../../modules/development/components/AuthorityDrawer.tsx';
import { CreateApplicantModal } from '../../modules/development/components/CreateApplicantModal.tsx';
import { DevelopmentPeopleTable } from '../../modules/development/components/DevelopmentPeopleTable.tsx';
import { ResumeProbationModal } from '../../modules/development/components/ResumeProbationModal.tsx';
import { StageCards } from '../../modules/development/components/StageCards.tsx';
import { useDevelopmentBoard } from '../../modules/development/hooks/useDevelopmentBoard.ts';
import { useDevelopmentPeople } from '../../modules/development/hooks/useDevelopmentPeople.ts';
import { OrgSelect } from '../../modules/orgs/components/OrgSelect.tsx';
import { useOrg } from '../../modules/orgs/hooks/useOrg.ts';

const STAGES = Object.keys(DEVELOPMENT_STAGE_NAMES) as DevelopmentStageCode[];

/**
 * 发展党员 board: how many people are at each stage in the chosen org's subtree (and how many are
 * overdue), and the people of one stage with their next step and deadline. Org, stage and page
 * live in the URL.
 */
export function DevelopmentPage() {
  const t = useT();
  const user = useAuthenticatedUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const stageParam = params.get('stage') as DevelopmentStageCode | null;
  const stage: DevelopmentStageCode = stageParam && STAGES.includes(stageParam) ? stageParam : 'applicant';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const isOverdue = params.get('overdue') === '1';
  const org = useOrg(orgId);
  const board = useDevelopmentBoard(orgId);
  const listParams = useMemo(
    () => ({ orgId, stage, page, pageSize, isOverdue: isOverdue || undefined }),
    [orgId, stage, page, pageSize, isOverdue],
  );
  const people = useDevelopmentPeople(listParams);
  const [isCreating, setIsCreating] = useState(false);
  const [isResuming, setIsResuming] = useState(false);
  const [isAuthorityOpen, setIsAuthorityOpen] = useState(false);

  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) merged.delete(k);
      else merged.set(k, v);
    }
    setParams(merged);
  };
  const orgOption = orgId && org.data ? { value: orgId, label: org.data.name } : null;

  return (
    <>
      <PageHeader
        title={t('nav.development')}
        extra={
          <>
            {canAdminister(user) ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={() => setIsAuthorityOpen(true)}>
                {t('development.authorities')}
              </Button>
            ) : null}
            <Button icon={<UserSwitchOutlined />} onClick={() => setIsResuming(true)}>
              {t('development.resume')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="development-create"
            >
              {t('development.create')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('development.pickOrg')}</Typography.Text>
          <div style={{ minWidth: 280, flex: 1, maxWidth: 480 }}>
            <OrgSelect
              value={orgId ?? null}
              initialOption={orgOption}
              allowClear
              placeholder={t('development.allOrgs')}
              onChange={(value) => update({ orgId: value, page: null })}
              testId="development-org"
            />
          </div>
        </Flex>
      </Card>
      {board.error ? <QueryErrorResult error={board.error} onRetry={() => void board.refetch()} /> : null}
      <StageCards board={board.data} selected={stage} onSelect={(s) => update({ stage: s, page: null })} />
      <Card
        size="small"
        title={t(`development.stage.${stage}` as MessageKey)}
        extra={
          <Checkbox
            checked={isOverdue}
            onChange={(e) => update({ overdue: e.target.checked ? '1' : null, page: null })}
            data-testid="development-overdue-only"
          >
            {t('development.overdue')}
          </Checkbox>
        }
      >
        {people.error ? (
          <QueryErrorResult error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <DevelopmentPeopleTable
            items={people.data?.items ?? []}
            total={people.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            isLoading={people.isFetching}
            onPageChange={(p, size) =>
              update({ page: String(size === pageSize ? p : 1), pageSize: String(size) })
            }
            onOpen={(p) => navigate(`/development/people/${p.id}`)}
          />
        )}
      </Card>
      <CreateApplicantModal
        open={isCreating}
        org={orgOption}
        onClose={() => setIsCreating(false)}
        onCreated={(person) => {
          setIsCreating(false);
          navigate(`/development/people/${person.id}`);
        }}
      />
      <ResumeProbationModal
        open={isResuming}
        onClose={() => setIsResuming(false)}
        onDone={(person) => {
          setIsResuming(false);
          navigate(`/development/people/${person.id}`);
        }}
      />
      <AuthorityDrawer open={isAuthorityOpen} onClose={() => setIsAuthorityOpen(false)} />
    </>
  );
}
