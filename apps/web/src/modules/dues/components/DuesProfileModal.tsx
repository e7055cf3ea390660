import { App, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDuesMutations } from '../hooks/useDuesMutations.ts';
import { fenOf } from '../yuan.ts';
import { DuesProfileFields, type DuesProfileValues } from './DuesProfileFields.tsx';

/** 核定党费标准 for one member: a new profile from a date on (the old one stays in the history). */
export function DuesProfileModal({
  member,
  onClose,
}: {
  member: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DuesProfileValues>();
  const { setProfile } = useDuesMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<DuesProfileValues>
      open={member !== null}
      title={t('dues.profileTitle', { name: member?.name ?? '' })}
      form={form}
      onCancel={onClose}
      isSubmitting={setProfile.isPending}
      initialValues={{ effectiveFrom: dayjs().startOf('month') }}
      name="dues-profile-form"
      testId="dues-profile-form"
      onFinish={(v) => {
        const effectiveFrom = toIsoDate(v.effectiveFrom);
        if (!member || !v.category || !effectiveFrom) return;
        const isHardship = v.category === 'hardship_reduced';
        setProfile
          .mutateAsync({
            memberId: member.id,
            body: {
              category: v.category,
              baseFen: fenOf(v.base),
              amountFen: fenOf(v.amount),
              effectiveFrom,
              note: emptyToNull(v.note),
              hardship: isHardship
                ? {
                    reason: v.hardshipReason ?? '',
                    decidedOn: toIsoDate(v.hardshipDecidedOn) ?? '',
                    approvedBy: v.hardshipApprovedBy ?? '',
                    approvedOn: toIsoDate(v.hardshipApprovedOn) ?? '',
                  }
                : null,
            },
          })
          .then(() => {
            message.success(t('common.saved'));
            onClose();
          })
          .catch((error: unknown) =>
            handleError(error, { form, codeFields: { HARDSHIP_DECISION_REQUIRED: 'hardshipReason' } }),
          );
      }}
    >
      <DuesProfileFields form={form} />
      <Form.Item name="note" label={t('dues.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
