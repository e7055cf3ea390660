import type { GetDevelopmentPersonResponse, RecordStepRequest, StepDecisionCode } from '@zhibu/shared/api';
import { Alert, App, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDevelopmentMutations } from '../hooks/useDevelopmentMutations.ts';
import { ruleViolationDetail } from '../ruleViolationDetail.ts';
import { stepName } from '../stepName.ts';
import { MemberSelect } from './MemberSelect.tsx';
import { RuleViolationAlert } from './RuleViolationAlert.tsx';

interface Values {
  occurredOn: Dayjs | null;
  responsible?: string;
  documentNo?: string;
  attachmentName?: string;
  note?: string;
  actingOrgId?: string;
  actingOrgName?: string;
  mentorIds?: string[];
  sponsorIds?: string[];
  conclusion?: string;
  trainingDays?: number | null;
  classHours?: number | null;
  publicity?: [Dayjs | null, Dayjs | null] | null;
  vote?: {
    expected?: number;
    present?: number;
    yes?: number;
    no?: number;
    abstain?: number;
    votingFullMembers?: number;
  };
  decision?: StepDecisionCode;
  extensionMonths?: number | null;
  specialReason?: string;
}

interface RecordStepModalProps {
  person: GetDevelopmentPersonResponse;
  step: number | null;
  onClose: () => void;
}

const FILING_STEPS = [4, 8, 18];
const TALK_STEPS = [2, 16];
const COMMITTEE_STEPS = [13, 17, 24];
const VOTE_STEPS = [15, 23];

/**
 * Records one step with the fields that step needs (date, who, document, vote counts …). A
 * refusal by a rule stays in the dialog with the article it cites; nothing is saved.
 */
export function RecordStepModal({ person, step, onClose }: RecordStepModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { recordStep } = useDevelopmentMutations();
  const handleError = useApiErrorHandler();
  const [violation, setViolation] = useState<string | null>(null);
  const close = () => {
    setViolation(null);
    onClose();
  };
  const no = step ?? 0;
  const committees = person.committees.filter((c) => (no === 13 ? true : c.canApprove));
  const decision = Form.useWatch('decision', form);

  return (
    <FormModal<Values>
      open={step !== null}
      title={t('development.recordTitle', { no, name: t(`development.step.${no}` as MessageKey) })}
      form={form}
      name="development-step-form"
      testId="development-step-form"
      width={600}
      onCancel={close}
      isSubmitting={recordStep.isPending}
      initialValues={{
        occurredOn: dayjs(),
        actingOrgId: committees[0]?.id,
        decision: no === 23 ? 'convert' : no === 17 || no === 24 ? 'approve' : undefined,
        vote: VOTE_STEPS.includes(no) ? { no: 0, abstain: 0 } : undefined,
      }}
      onFinish={(values) => {
        const occurredOn = toIsoDate(values.occurredOn);
        if (!occurredOn || step === null) return;
        const [from, to] = values.publicity ?? [null, null];
        const v = values.vote;
        const body: RecordStepRequest = {
          step,
          occurredOn,
          version: person.version,
          responsible: emptyToNull(values.responsible),
          documentNo: emptyToNull(values.documentNo),
          attachmentName: emptyToNull(values.attachmentName),
          note: emptyToNull(values.note),
          actingOrgId: values.actingOrgId ?? null,
          actingOrgName: emptyToNull(values.actingOrgName),
          mentorIds: values.mentorIds,
          sponsorIds: values.sponsorIds,
          conclusion: emptyToNull(values.conclusion),
          trainingDays: values.trainingDays ?? null,
          classHours: values.classHours ?? null,
          publicityFrom: toIsoDate(from),
          publicityTo: toIsoDate(to),
          vote:
            v && VOTE_STEPS.includes(step)
              ? {
                  expected: v.expected ?? 0,
                  present: v.present ?? 0,
                  yes: v.yes ?? 0,
                  no: v.no ?? 0,
                  abstain: v.abstain ?? 0,
                  votingFullMembers: v.votingFullMembers ?? 0,
                }
              : null,
          decision: values.decision ?? null,
          extensionMonths: values.extensionMonths ?? null,
          specialReason: emptyToNull(values.specialReason),
        };
        setViolation(null);
        recordStep
          .mutateAsync({ id: person.id, body })
          .then(() => {
            message.success(t('development.recorded'));
            close();
          })
          .catch((error: unknown) => {
            const detail = ruleViolationDetail(error);
            if (detail) setViolation(detail);
            else handleError(error, { form, onConflict: close });
          });
      }}
    >
      <RuleViolationAlert detail={violation} />
      <Typography.Paragraph type="secondary">{stepName(t, no)}</Typography.Paragraph>
      <Form.Item
        name="occurredOn"
        label={t('development.field.occurredOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid="step-date" />
      </Form.Item>

      {COMMITTEE_STEPS.includes(no) ? (
        <Form.Item
          name="actingOrgId"
          label={t('development.field.actingOrg')}
          rules={[{ required: true, message: t('common.selectRequired') }]}
        >
          <Select
            options={committees.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="step-committee"
          />
        </Form.Item>
      ) : null}
      {FILING_STEPS.includes(no) ? (
        <Form.Item name="actingOrgName" label={t('development.field.actingOrgName')}>
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      {no === 5 ? (
        <Form.Item
          name="mentorIds"
          label={t('development.field.mentors')}
          rules={[
            { required: true, message: t('common.pleaseSelect', { field: t('development.field.mentors') }) },
          ]}
        >
          <MemberSelect isMultiple status="full" testId="step-mentors" />
        </Form.Item>
      ) : null}
      {no === 7 ? (
        <Form.Item
          name="publicity"
          label={t('development.field.publicity')}
          extra={t('development.publicityHint')}
        >
          <DatePicker.RangePicker format={dateFormat} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {no === 9 ? (
        <Form.Item
          name="sponsorIds"
          label={t('development.field.sponsors')}
          rules={[
            { required: true, message: t('common.pleaseSelect', { field: t('development.field.sponsors') }) },
          ]}
        >
          <MemberSelect isMultiple testId="step-sponsors" />
        </Form.Item>
      ) : null}
      {no === 10 ? (
        <Form.Item name="conclusion" label={t('development.field.conclusion')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="step-conclusion" />
        </Form.Item>
      ) : null}
      {no === 11 ? (
        <Space size="large" wrap>
          <Form.Item name="trainingDays" label={t('development.field.trainingDays')}>
            <InputNumber min={0} max={366} step={0.5} data-testid="step-training-days" />
          </Form.Item>
          <Form.Item name="classHours" label={t('development.field.classHours')}>
            <InputNumber min={0} max={2000} data-testid="step-class-hours" />
          </Form.Item>
        </Space>
      ) : null}
      {VOTE_STEPS.includes(no) ? (
        <>
          <Typography.Text strong>{t('development.field.vote')}</Typography.Text>
          <Alert type="info" title={t('development.voteHint')} style={{ margin: '8px 0 12px' }} />
          <Space size="middle" wrap>
            {(
              [
                ['expected', 'development.field.voteExpected'],
                ['present', 'development.field.votePresent'],
                ['yes', 'development.field.voteYes'],
                ['no', 'development.field.voteNo'],
                ['abstain', 'development.field.voteAbstain'],
                ['votingFullMembers', 'development.field.voteFull'],
              ] as const
            ).map(([key, label]) => (
              <Form.Item key={key} name={['vote', key]} label={t(label)} rules={[{ required: true }]}>
                <InputNumber min={0} max={100000} data-testid={`vote-${key}`} />
              </Form.Item>
            ))}
          </Space>
        </>
      ) : null}
      {no === 23 ? (
        <>
          <Form.Item
            name="decision"
            label={t('development.field.decision')}
            rules={[
              {
                required: true,
                message: t('common.pleaseSelect', { field: t('development.field.decision') }),
              },
            ]}
          >
            <Radio.Group
              options={(['convert', 'extend', 'cancel'] as const).map((d) => ({
                value: d,
                label: t(`development.decision.${d}`),
              }))}
            />
          </Form.Item>
          {decision === 'extend' ? (
            <Form.Item name="extensionMonths" label={t('development.field.extensionMonths')}>
              <InputNumber min={1} max={24} />
            </Form.Item>
          ) : null}
        </>
      ) : null}
      {no === 17 || no === 24 ? (
        <Form.Item
          name="decision"
          label={t('development.field.decision')}
          rules={[
            { required: true, message: t('common.pleaseSelect', { field: t('development.field.decision') }) },
          ]}
        >
          <Radio.Group
            options={(['approve', 'reject'] as const).map((d) => ({
              value: d,
              label: t(`development.decision.${d}`),
            }))}
          />
        </Form.Item>
      ) : null}
      {no === 17 ? (
        <Form.Item name="specialReason" label={t('development.field.specialReason')}>
          <Input maxLength={500} />
        </Form.Item>
      ) : null}

      <Form.Item
        name="responsible"
        label={TALK_STEPS.includes(no) ? t('development.field.talker') : t('development.field.responsible')}
        rules={TALK_STEPS.includes(no) ? [{ required: true }] : []}
      >
        <Input maxLength={100} data-testid="step-responsible" />
      </Form.Item>
      <Space size="middle" style={{ display: 'flex' }} wrap>
        <Form.Item name="documentNo" label={t('development.field.documentNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="attachmentName" label={t('development.field.attachmentName')}>
          <Input maxLength={200} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('development.field.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
