import type { GetDevelopmentPersonResponse } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDevelopmentMutations } from '../hooks/useDevelopmentMutations.ts';

interface Values {
  withdrawnOn: Dayjs | null;
  reason?: string;
}

/** Ends the pipeline of someone not (yet) admitted, with date and reason. */
export function WithdrawModal({
  person,
  open,
  onClose,
}: {
  person: GetDevelopmentPersonResponse;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { withdraw } = useDevelopmentMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<Values>
      open={open}
      title={t('development.withdrawTitle', { name: person.name })}
      form={form}
      name="development-withdraw-form"
      isDanger
      okText={t('development.withdraw')}
      onCancel={onClose}
      isSubmitting={withdraw.isPending}
      initialValues={{ withdrawnOn: dayjs() }}
      onFinish={(values) => {
        const withdrawnOn = toIsoDate(values.withdrawnOn);
        if (!withdrawnOn || !values.reason) return;
        withdraw
          .mutateAsync({
            id: person.id,
            body: { withdrawnOn, reason: values.reason.trim(), version: person.version },
          })
          .then(() => {
            message.success(t('development.withdrawn'));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form, onConflict: onClose }));
      }}
    >
      <Form.Item
        name="withdrawnOn"
        label={t('development.field.withdrawnOn')}
        rules={[
          {
            required: true,
            message: t('common.pleaseSelect', { field: t('development.field.withdrawnOn') }),
          },
        ]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('development.field.withdrawReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
