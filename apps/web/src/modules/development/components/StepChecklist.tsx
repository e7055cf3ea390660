import { STEP_GROUPS } from '@zhibu/shared';
import type { DevelopmentStepRecord, GetDevelopmentPersonResponse } from '@zhibu/shared/api';
import { Button, Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';
import { stepName } from '../stepName.ts';

const COMMITTEE_STEPS = [13, 17, 24];
const statusColor = { done: 'green', next: 'blue', pending: 'default', external: 'purple' } as const;

function RecordLine({ record }: { record: DevelopmentStepRecord }) {
  const t = useT();
  const parts = [
    record.occurredOn,
    record.actingOrg?.name,
    record.responsible,
    record.documentNo,
    record.attachmentName,
    record.decision ? t(`development.decision.${record.decision}`) : null,
    record.mentors.length > 0 ? record.mentors.map((m) => m.name).join('、') : null,
    record.sponsors.length > 0 ? record.sponsors.map((m) => m.name).join('、') : null,
    record.conclusion,
    record.trainingDays !== null ? `${t('development.field.trainingDays')} ${record.trainingDays}` : null,
    record.classHours !== null ? `${t('development.field.classHours')} ${record.classHours}` : null,
    record.publicityFrom
      ? `${t('development.field.publicity')} ${record.publicityFrom}–${record.publicityTo}（${t('development.workingDays', { count: record.publicityWorkingDays ?? 0 })}）`
      : null,
    record.vote
      ? `${t('development.field.voteExpected')} ${record.vote.expected} · ${t('development.field.votePresent')} ${record.vote.present} · ${t('development.field.voteYes')} ${record.vote.yes} · ${t('development.field.voteNo')} ${record.vote.no} · ${t('development.field.voteAbstain')} ${record.vote.abstain}`
      : null,
    record.extensionMonths ? `${t('development.field.extensionMonths')} ${record.extensionMonths}` : null,
    record.specialReason,
    record.note,
  ].filter((p): p is string => Boolean(p));
  return (
    <div>
      <Typography.Text>{parts.join('；')}</Typography.Text>
      {record.recordedBy ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
          {t('development.recordedBy', { name: record.recordedBy })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

interface StepChecklistProps {
  person: GetDevelopmentPersonResponse;
  onRecord: (step: number) => void;
}

/** The 25 steps in their five groups: what was recorded, what is ready now, what comes later. */
export function StepChecklist({ person, onRecord }: StepChecklistProps) {
  const t = useT();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="step-checklist">
      {STEP_GROUPS.map((group) => (
        <Card key={group.code} size="small" title={t(`development.group.${group.code}` as MessageKey)}>
          <List
            dataSource={person.checklist.filter((c) => group.steps.includes(c.step))}
            renderItem={(item) => {
              const canRecord = person.nextSteps.includes(item.step);
              const needsCommittee = COMMITTEE_STEPS.includes(item.step) && !person.canRecordCommitteeSteps;
              const status = canRecord && item.status !== 'done' ? 'next' : item.status;
              const button = canRecord ? (
                <Tooltip title={needsCommittee ? t('development.committeeOnly') : undefined}>
                  <Button
                    size="small"
                    type={item.status === 'done' ? 'default' : 'primary'}
                    disabled={needsCommittee}
                    onClick={() => onRecord(item.step)}
                    data-testid={`record-step-${item.step}`}
                  >
                    {item.status === 'done' ? t('development.recordAgain') : t('development.record')}
                  </Button>
                </Tooltip>
              ) : null;
              return (
                <List.Item actions={button ? [button] : []} data-testid={`step-${item.step}`}>
                  <List.Item.Meta
                    title={
                      <Space>
                        <span>{stepName(t, item.step)}</span>
                        <Tag color={statusColor[status]} data-testid={`step-${item.step}-status`}>
                          {t(`development.check.${status}`)}
                        </Tag>
                      </Space>
                    }
                    description={
                      item.records.length > 0 ? (
                        <Space orientation="vertical" size={2}>
                          {item.records.map((r) => (
                            <RecordLine key={r.id} record={r} />
                          ))}
                        </Space>
                      ) : null
                    }
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      ))}
    </Space>
  );
}
