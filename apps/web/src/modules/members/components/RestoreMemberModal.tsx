import { LEAVE_REASONS } from '@zhibu/shared';
import type { Member } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeName } from '../../codes/codeName.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useRestoreMember } from '../hooks/useRestoreMember.ts';

interface RestoreValues {
  restoredOn: Dayjs | null;
  reason: string;
}

/** 恢复党籍 after 停止党籍, or 撤销减少 when a reduction was recorded in error; both keep the history. */
export function RestoreMemberModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RestoreValues>();
  const restore = useRestoreMember();
  const handleError = useApiErrorHandler();
  const isSuspension = member?.leftReason === 'suspended';
  return (
    <FormModal<RestoreValues>
      open={member !== null}
      title={
        isSuspension
          ? t('members.restoreSuspendedTitle', { name: member?.name ?? '' })
          : t('members.restoreTitle', { name: member?.name ?? '' })
      }
      form={form}
      onCancel={onClose}
      isSubmitting={restore.isPending}
      okText={isSuspension ? t('members.restoreSuspended') : t('members.restore')}
      initialValues={{ restoredOn: dayjs() }}
      name="member-restore-form"
      testId="member-restore-form"
      onFinish={(v) => {
        const restoredOn = toIsoDate(v.restoredOn);
        if (!member || !restoredOn) return;
        restore
          .mutateAsync({ id: member.id, body: { restoredOn, reason: v.reason, version: member.version } })
          .then(() => {
            message.success(t('members.restoreDone'));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form, onConflict: onClose }));
      }}
    >
      {member ? (
        <Typography.Paragraph type="secondary">
          {t('members.restoreExplain', {
            reason: codeName(LEAVE_REASONS, member.leftReason),
            date: member.leftOn ?? '',
          })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="restoredOn"
        label={t('members.field.restoredOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('members.field.restoreReason')}
        rules={[{ required: true, message: t('members.restoreReasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
