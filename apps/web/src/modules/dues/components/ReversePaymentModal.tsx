import type { DuesPayment } from '@zhibu/shared/api';
import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDuesMutations } from '../hooks/useDuesMutations.ts';
import { yuan } from '../yuan.ts';

/** 冲正: cancel one ledger entry with a linked negative entry; the original stays. */
export function ReversePaymentModal({
  payment,
  onClose,
}: {
  payment: DuesPayment | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { reverse } = useDuesMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<{ reason: string }>
      open={payment !== null}
      title={t('dues.reverseTitle')}
      form={form}
      onCancel={onClose}
      isSubmitting={reverse.isPending}
      okText={t('dues.reverse')}
      isDanger
      name="dues-reverse-form"
      testId="dues-reverse-form"
      onFinish={(v) => {
        if (!payment) return;
        reverse
          .mutateAsync({ paymentId: payment.id, body: { reason: v.reason } })
          .then(() => {
            message.success(t('dues.reverseDone'));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form }));
      }}
    >
      {payment ? (
        <Typography.Paragraph>
          {t('dues.reverseExplain', {
            name: payment.memberName,
            month: payment.month ?? t('dues.kind.extra'),
            amount: yuan(payment.amountFen),
          })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="reason"
        label={t('dues.field.reason')}
        rules={[{ required: true, message: t('dues.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
