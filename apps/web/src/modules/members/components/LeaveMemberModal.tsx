import { LEAVE_REASONS, type LeaveReasonCode } from '@zhibu/shared';
import { LeaveMemberRequest, type Member } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeName } from '../../codes/codeName.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useMemberMutations } from '../hooks/useMemberMutations.ts';

interface LeaveValues {
  reason?: LeaveReasonCode;
  leftOn: Dayjs | null;
  note?: string;
}

interface LeaveMemberModalProps {
  member: Member | null;
  onClose: () => void;
}

/** 减少: take a member off the register with reason and date, after a confirmation. */
export function LeaveMemberModal({ member, onClose }: LeaveMemberModalProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<LeaveValues>();
  const { leave } = useMemberMutations();
  const handleError = useApiErrorHandler();

  return (
    <FormModal<LeaveValues>
      open={member !== null}
      title={t('members.leaveTitle', { name: member?.name ?? '' })}
      form={form}
      okText={t('members.leave')}
      isDanger
      onCancel={onClose}
      isSubmitting={leave.isPending}
      initialValues={{ leftOn: dayjs() }}
      name="member-leave-form"
      testId="member-leave-form"
      onFinish={(values) => {
        const leftOn = toIsoDate(values.leftOn);
        const reason = values.reason;
        if (!member || !leftOn || !reason) return;
        modal.confirm({
          title: t('members.leaveConfirmTitle'),
          content: t('members.leaveConfirm', {
            name: member.name,
            reason: codeName(LEAVE_REASONS, reason),
            date: leftOn,
          }),
          okText: t('members.leave'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () =>
            leave
              .mutateAsync({
                id: member.id,
                body: { leftOn, reason, note: emptyToNull(values.note), version: member.version },
              })
              .then(() => {
                message.success(t('members.leaveDone'));
                onClose();
              })
              .catch((error: unknown) => handleError(error, { form, onConflict: onClose })),
        });
      }}
    >
      <Form.Item
        name="reason"
        label={t('members.field.leftReason')}
        rules={[{ required: true, message: t('common.selectRequired') }]}
      >
        <Select options={codeOptions(LEAVE_REASONS)} autoFocus />
      </Form.Item>
      <Form.Item
        name="leftOn"
        label={t('members.field.leftOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('members.field.leftNote')}
        rules={[zodRule(LeaveMemberRequest.shape.note)]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
