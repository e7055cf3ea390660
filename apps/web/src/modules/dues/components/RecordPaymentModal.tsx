import { App, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDuesMutations } from '../hooks/useDuesMutations.ts';
import { fenOf } from '../yuan.ts';

interface Values {
  kind: 'monthly' | 'extra';
  month: Dayjs | null;
  amount: string | null;
  paidOn: Dayjs | null;
  note?: string;
}

/** 登记交纳: one month (current, back-payment within the limit, or ahead) or a voluntary extra payment. */
export function RecordPaymentModal({
  member,
  onClose,
}: {
  member: { id: string; name: string; standardFen: number | null; month?: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { pay } = useDuesMutations();
  const handleError = useApiErrorHandler();
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal<Values>
      open={member !== null}
      title={t('dues.payTitle', { name: member?.name ?? '' })}
      form={form}
      onCancel={onClose}
      isSubmitting={pay.isPending}
      initialValues={{
        kind: 'monthly',
        month: member?.month ? dayjs(`${member.month}-01`) : dayjs(),
        amount: member?.standardFen ? (member.standardFen / 100).toFixed(2) : null,
        paidOn: dayjs(),
      }}
      name="dues-pay-form"
      testId="dues-pay-form"
      onFinish={(v) => {
        const amountFen = fenOf(v.amount);
        const paidOn = toIsoDate(v.paidOn);
        if (!member || !amountFen || !paidOn) return;
        pay
          .mutateAsync({
            memberId: member.id,
            kind: v.kind,
            month: v.kind === 'monthly' ? v.month?.format('YYYY-MM') : undefined,
            amountFen,
            paidOn,
            note: emptyToNull(v.note),
          })
          .then((p) => {
            message.success(
              p.centreFen > 0
                ? t('dues.paidToCentre', { amount: (p.centreFen / 100).toFixed(2) })
                : t('dues.paidDone'),
            );
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form }));
      }}
    >
      <Form.Item name="kind" label={t('dues.field.kind')}>
        <Radio.Group
          options={[
            { value: 'monthly', label: t('dues.kind.monthly') },
            { value: 'extra', label: t('dues.kind.extra') },
          ]}
        />
      </Form.Item>
      {kind !== 'extra' ? (
        <Form.Item
          name="month"
          label={t('dues.field.month')}
          rules={[{ required: true, message: t('common.selectRequired') }]}
          extra={t('dues.backPaymentHint')}
        >
          <DatePicker picker="month" format="YYYY-MM" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="amount"
        label={t('dues.field.amount')}
        rules={[{ required: true, message: t('dues.amountRequired') }]}
      >
        <InputNumber<string> stringMode min="0.01" precision={2} suffix="元" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        name="paidOn"
        label={t('dues.field.paidOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} />
      </Form.Item>
      <Form.Item name="note" label={t('dues.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
