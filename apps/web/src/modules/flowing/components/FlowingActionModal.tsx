import type { ContactMethodCode, GetFlowingRecordResponse } from '@zhibu/shared/api';
import { Alert, App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { RuleViolationAlert } from '../../development/components/RuleViolationAlert.tsx';
import { ruleViolationDetail } from '../../development/ruleViolationDetail.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import type { FlowingAction } from '../FlowingAction.ts';
import { useFlowingMutations } from '../hooks/useFlowingMutations.ts';

interface Values {
  on: Dayjs | null;
  method: ContactMethodCode;
  isReached: boolean;
  note?: string;
}

const METHODS: ContactMethodCode[] = ['phone', 'message', 'visit', 'letter', 'other'];
const titles: Record<FlowingAction, MessageKey> = {
  contact: 'flowing.addContact',
  lost: 'flowing.markLostTitle',
  suspend: 'flowing.suspendTitle',
  return: 'flowing.returnTitle',
};
const dateLabels: Record<FlowingAction, MessageKey> = {
  contact: 'flowing.field.contactedOn',
  lost: 'flowing.field.lostContactSince',
  suspend: 'flowing.field.suspendedOn',
  return: 'flowing.field.returnedOn',
};

/** Logs a contact, marks lost contact, suspends (停止党籍, with the T3 check) or ends a flowing record. */
export function FlowingActionModal({
  record,
  action,
  onClose,
}: {
  record: GetFlowingRecordResponse;
  action: FlowingAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const m = useFlowingMutations();
  const handleError = useApiErrorHandler();
  const [violation, setViolation] = useState<string | null>(null);
  const close = () => {
    setViolation(null);
    onClose();
  };
  const a = action ?? 'contact';
  return (
    <FormModal<Values>
      open={action !== null}
      title={t(titles[a], { name: record.name })}
      form={form}
      name="flowing-action-form"
      testId="flowing-action-form"
      isDanger={a === 'suspend'}
      onCancel={close}
      isSubmitting={
        m.addContact.isPending || m.markLost.isPending || m.suspend.isPending || m.return.isPending
      }
      initialValues={{ on: dayjs(), method: 'phone', isReached: true }}
      onFinish={(values) => {
        const on = toIsoDate(values.on);
        if (!on) return;
        const id = record.id;
        const version = record.version;
        const note = emptyToNull(values.note);
        const request =
          a === 'contact'
            ? m.addContact.mutateAsync({
                id,
                body: { contactedOn: on, method: values.method, isReached: values.isReached, note },
              })
            : a === 'lost'
              ? m.markLost.mutateAsync({ id, body: { since: on, note, version } })
              : a === 'suspend'
                ? m.suspend.mutateAsync({ id, body: { suspendedOn: on, note, version } })
                : m.return.mutateAsync({ id, body: { returnedOn: on, note, version } });
        setViolation(null);
        request
          .then(() => {
            message.success(t('flowing.saved'));
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
      {a === 'suspend' ? (
        <Alert type="warning" showIcon title={t('flowing.suspendHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="on"
        label={t(dateLabels[a])}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      {a === 'contact' ? (
        <>
          <Form.Item name="method" label={t('flowing.field.method')}>
            <Select options={METHODS.map((v) => ({ value: v, label: t(`flowing.method.${v}`) }))} />
          </Form.Item>
          <Form.Item name="isReached" valuePropName="checked">
            <Checkbox>{t('flowing.field.isReached')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('flowing.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
