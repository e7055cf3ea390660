import {
  CreateOutgoingLetterRequest,
  type TransferKindCode,
  type TransferReasonCode,
} from '@zhibu/shared/api';
import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { MemberSelect } from '../../development/components/MemberSelect.tsx';
import { RuleViolationAlert } from '../../development/components/RuleViolationAlert.tsx';
import { ruleViolationDetail } from '../../development/ruleViolationDetail.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useTransferMutations } from '../hooks/useTransferMutations.ts';
import { TRANSFER_REASONS } from '../transferReasons.ts';
import { DestinationSelect } from './DestinationSelect.tsx';

interface Values {
  kind: Exclude<TransferKindCode, 'in'>;
  memberId?: string;
  toOrgId?: string;
  destination?: string;
  letterNo?: string;
  issuedOn: Dayjs | null;
  validUntil: Dayjs | null;
  reason: TransferReasonCode;
  note?: string;
}

/** The sending side starts a transfer: to another org of the system, or with a letter to one outside it. */
export function CreateTransferModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, createOut } = useTransferMutations();
  const handleError = useApiErrorHandler();
  const [violation, setViolation] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'within';
  const close = () => {
    setViolation(null);
    onClose();
  };
  const onError = (error: unknown) => {
    const detail = ruleViolationDetail(error);
    if (detail) setViolation(detail);
    else handleError(error, { form });
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('transfers.createTitle')}
      form={form}
      name="transfer-create-form"
      testId="transfer-create-form"
      width={560}
      onCancel={close}
      isSubmitting={create.isPending || createOut.isPending}
      initialValues={{ kind: 'within', issuedOn: dayjs(), validUntil: null, reason: 'work_change' }}
      onFinish={(values) => {
        const issuedOn = toIsoDate(values.issuedOn);
        if (!values.memberId || !issuedOn) return;
        setViolation(null);
        const common = {
          memberId: values.memberId,
          issuedOn,
          validUntil: toIsoDate(values.validUntil),
          reason: values.reason,
          note: emptyToNull(values.note),
        };
        const done = () => {
          message.success(t('transfers.created'));
          close();
        };
        if (values.kind === 'within') {
          if (!values.toOrgId) return;
          create
            .mutateAsync({ ...common, toOrgId: values.toOrgId, letterNo: emptyToNull(values.letterNo) })
            .then(done)
            .catch(onError);
        } else {
          createOut
            .mutateAsync({
              ...common,
              destination: values.destination?.trim() ?? '',
              letterNo: values.letterNo?.trim() ?? '',
            })
            .then(done)
            .catch(onError);
        }
      }}
    >
      <RuleViolationAlert detail={violation} />
      <Alert type="info" showIcon title={t('transfers.inTransitHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="kind" label={t('transfers.field.kind')}>
        <Radio.Group
          optionType="button"
          options={(['within', 'out'] as const).map((k) => ({ value: k, label: t(`transfers.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="memberId"
        label={t('transfers.field.member')}
        rules={[
          { required: true, message: t('common.pleaseSelect', { field: t('transfers.field.member') }) },
        ]}
      >
        <MemberSelect testId="transfer-member" />
      </Form.Item>
      {kind === 'within' ? (
        <Form.Item
          name="toOrgId"
          label={t('transfers.field.to')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('transfers.field.to') }) }]}
        >
          <DestinationSelect />
        </Form.Item>
      ) : (
        <Form.Item
          name="destination"
          label={t('transfers.field.destination')}
          rules={[{ required: true }, zodRule(CreateOutgoingLetterRequest.shape.destination)]}
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item
        name="letterNo"
        label={t('transfers.field.letterNo')}
        rules={kind === 'out' ? [{ required: true }] : []}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="issuedOn"
        label={t('transfers.field.issuedOn')}
        rules={[
          { required: true, message: t('common.pleaseSelect', { field: t('transfers.field.issuedOn') }) },
        ]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="validUntil"
        label={t('transfers.field.validUntil')}
        extra={t('transfers.validUntilHint')}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid="transfer-valid-until" />
      </Form.Item>
      <Form.Item name="reason" label={t('transfers.field.reason')}>
        <Select options={TRANSFER_REASONS.map((r) => ({ value: r, label: t(`transfers.reason.${r}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('transfers.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
