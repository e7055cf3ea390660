import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { EDUCATION_LEVELS, ETHNICITIES, GENDERS } from '@zhibu/shared';
import { Button, Card, Col, Descriptions, Row, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import type { MessageKey } from '../../i18n/MessageKey.ts';
import { useT } from '../../i18n/useT.ts';
import { codeName } from '../../modules/codes/codeName.ts';
import { DeadlineList } from '../../modules/development/components/DeadlineList.tsx';
import { RecordStepModal } from '../../modules/development/components/RecordStepModal.tsx';
import { StepChecklist } from '../../modules/development/components/StepChecklist.tsx';
import { WithdrawModal } from '../../modules/development/components/WithdrawModal.tsx';
import { useDevelopmentPerson } from '../../modules/development/hooks/useDevelopmentPerson.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

const statusColor = {
  active: 'blue',
  completed: 'green',
  withdrawn: 'default',
  cancelled: 'default',
} as const;

/** One person's development record: basics, deadlines and the 25-step checklist with recording. */
export function DevelopmentPersonPage() {
  const { personId } = useParams();
  if (!personId) return <NotFoundPage />;
  return <PersonView id={personId} />;
}

function PersonView({ id }: { id: string }) {
  const t = useT();
  const navigate = useNavigate();
  const person = useDevelopmentPerson(id);
  const [step, setStep] = useState<number | null>(null);
  const [isWithdrawing, setIsWithdrawing] = useState(false);
  if (person.isPending) return <PageSpinner />;
  if (person.error) return <QueryErrorResult error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const dates: [MessageKey, string | null][] = [
    ['development.field.appliedOn', p.appliedOn],
    ['development.field.activistOn', p.activistOn],
    ['development.field.candidateOn', p.candidateOn],
    ['development.field.admittedOn', p.admittedOn],
    ['development.field.probationEndsOn', p.probationEndsOn],
    ['development.field.confirmedOn', p.confirmedOn],
    ['development.field.withdrawnOn', p.withdrawnOn],
  ];
  return (
    <>
      <PageHeader
        title={
          <>
            {p.name}
            <Tag color="red" style={{ marginInlineStart: 12 }} data-testid="person-stage">
              {t(`development.stage.${p.stage}` as MessageKey)}
            </Tag>
            <Tag color={statusColor[p.status]} data-testid="person-status">
              {t(`development.status.${p.status}`)}
            </Tag>
          </>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {p.status === 'active' && p.memberId === null ? (
              <Button danger icon={<StopOutlined />} onClick={() => setIsWithdrawing(true)}>
                {t('development.withdraw')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('development.personTitle')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('development.col.org')}>{p.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('members.field.gender')}>
                {codeName(GENDERS, p.gender)}
              </Descriptions.Item>
              <Descriptions.Item label={t('members.field.birthDate')}>{p.birthDate}</Descriptions.Item>
              <Descriptions.Item label={t('development.field.idNumber')}>
                {p.idNumberMasked}
              </Descriptions.Item>
              <Descriptions.Item label={t('development.field.ethnicity')}>
                {codeName(ETHNICITIES, p.ethnicity) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('development.field.education')}>
                {codeName(EDUCATION_LEVELS, p.education) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('development.field.workUnit')}>
                {p.workUnit ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('development.field.phone')}>
                {p.phoneMasked ?? '—'}
              </Descriptions.Item>
              {dates
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <Descriptions.Item key={label} label={t(label)}>
                    {value}
                  </Descriptions.Item>
                ))}
              {p.partyAgeYears !== null ? (
                <Descriptions.Item label={t('development.field.partyAge')}>
                  <span data-testid="person-party-age">
                    {t('development.partyAge', { years: p.partyAgeYears })}
                  </span>
                </Descriptions.Item>
              ) : null}
              {p.withdrawnReason ? (
                <Descriptions.Item label={t('development.field.withdrawReason')}>
                  {p.withdrawnReason}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {p.memberId ? (
              <Link to={`/members/${p.memberId}`} data-testid="person-member-link">
                {t('development.viewMember')}
              </Link>
            ) : null}
          </Card>
          <Card size="small" title={t('development.deadlines')}>
            <DeadlineList deadlines={p.deadlines} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <StepChecklist person={p} onRecord={setStep} />
        </Col>
      </Row>
      <RecordStepModal person={p} step={step} onClose={() => setStep(null)} />
      <WithdrawModal person={p} open={isWithdrawing} onClose={() => setIsWithdrawing(false)} />
    </>
  );
}
