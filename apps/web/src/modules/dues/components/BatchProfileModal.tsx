import { App, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDuesMutations } from '../hooks/useDuesMutations.ts';
import { fenOf } from '../yuan.ts';
import { DuesProfileFields, type DuesProfileValues } from './DuesProfileFields.tsx';

/** 批量核定: one category (and base or amount) for several members of an org, e.g. the farmers of a village. */
export function BatchProfileModal({
  target,
  onClose,
}: {
  target: { orgId: string; members: { id: string; name: string }[] } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DuesProfileValues>();
  const { setProfiles } = useDuesMutations();
  const handleError = useApiErrorHandler();
  const names = target?.members.map((m) => m.name) ?? [];
  return (
    <FormModal<DuesProfileValues>
      open={target !== null}
      title={t('dues.batchProfileTitle', { count: names.length })}
      form={form}
      onCancel={onClose}
      isSubmitting={setProfiles.isPending}
      initialValues={{ category: 'farmer', effectiveFrom: dayjs().startOf('month') }}
      name="dues-batch-profile-form"
      testId="dues-batch-profile-form"
      onFinish={(v) => {
        const effectiveFrom = toIsoDate(v.effectiveFrom);
        if (!target || !v.category || !effectiveFrom) return;
        setProfiles
          .mutateAsync({
            orgId: target.orgId,
            memberIds: target.members.map((m) => m.id),
            category: v.category,
            baseFen: fenOf(v.base),
            amountFen: fenOf(v.amount),
            effectiveFrom,
          })
          .then((res) => {
            message.success(t('dues.batchProfileDone', { count: res.count }));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form }));
      }}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
        {names.join('、')}
      </Typography.Paragraph>
      <DuesProfileFields form={form} allowHardship={false} />
    </FormModal>
  );
}
