import type { Transfer } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useTransferMutations } from '../hooks/useTransferMutations.ts';
import type { TransferAction } from '../TransferAction.ts';

interface Values {
  on: Dayjs | null;
  reason?: string;
}

const texts: Record<
  TransferAction,
  { title: MessageKey; ok: MessageKey; done: MessageKey; date: MessageKey }
> = {
  accept: {
    title: 'transfers.acceptTitle',
    ok: 'transfers.accept',
    done: 'transfers.acceptedDone',
    date: 'transfers.field.acceptedOn',
  },
  return: {
    title: 'transfers.returnTitle',
    ok: 'transfers.return',
    done: 'transfers.returnedDone',
    date: 'transfers.field.returnedOn',
  },
  receipt: {
    title: 'transfers.receiptTitle',
    ok: 'transfers.receipt',
    done: 'transfers.receiptDone',
    date: 'transfers.field.receiptOn',
  },
  cancel: {
    title: 'transfers.cancelTitle',
    ok: 'transfers.cancel',
    done: 'transfers.cancelledDone',
    date: 'transfers.field.cancelledOn',
  },
};

/** Accept, return (with its reason), record the receipt, or withdraw a pending transfer. */
export function TransferActionModal({
  target,
  onClose,
}: {
  target: { transfer: Transfer; action: TransferAction } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutations = useTransferMutations();
  const handleError = useApiErrorHandler();
  const action = target?.action ?? 'accept';
  const text = texts[action];
  const needsReason = action === 'return' || action === 'cancel';
  const mutation = mutations[action];
  return (
    <FormModal<Values>
      open={target !== null}
      title={t(text.title, { name: target?.transfer.member.name ?? '' })}
      form={form}
      name="transfer-action-form"
      testId="transfer-action-form"
      okText={t(text.ok)}
      isDanger={action === 'cancel'}
      onCancel={onClose}
      isSubmitting={mutation.isPending}
      initialValues={{ on: dayjs() }}
      onFinish={(values) => {
        const on = toIsoDate(values.on);
        if (!target || !on) return;
        const { id, version } = target.transfer;
        const reason = values.reason?.trim() ?? '';
        const request =
          action === 'accept'
            ? mutations.accept.mutateAsync({ id, body: { acceptedOn: on, version } })
            : action === 'return'
              ? mutations.return.mutateAsync({ id, body: { returnedOn: on, reason, version } })
              : action === 'receipt'
                ? mutations.receipt.mutateAsync({ id, body: { receiptOn: on, version } })
                : mutations.cancel.mutateAsync({ id, body: { cancelledOn: on, reason, version } });
        request
          .then(() => {
            message.success(t(text.done));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form, onConflict: onClose }));
      }}
    >
      <Form.Item
        name="on"
        label={t(text.date)}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      {needsReason ? (
        <Form.Item
          name="reason"
          label={action === 'return' ? t('transfers.field.returnReason') : t('transfers.field.cancelReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="transfer-reason" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
