import { NewPassword } from '@zhibu/shared/api';
import { Alert, App, Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useChangePassword } from '../hooks/useChangePassword.ts';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface ChangePasswordModalProps {
  open: boolean;
  /** The account must change its password before going on: no cancel. */
  isForced: boolean;
  onClose: () => void;
}

/** Change one's own password (old + new twice). */
export function ChangePasswordModal({ open, isForced, onClose }: ChangePasswordModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();
  const handleError = useApiErrorHandler();

  return (
    <FormModal<ChangePasswordValues>
      open={open}
      title={t('auth.changePassword')}
      form={form}
      isSubmitting={change.isPending}
      onCancel={() => {
        if (!isForced) onClose();
      }}
      onFinish={(values) =>
        change.mutate(
          { oldPassword: values.oldPassword, newPassword: values.newPassword },
          {
            onSuccess: () => {
              message.success(t('auth.passwordChanged'));
              onClose();
            },
            onError: (error) =>
              handleError(error, {
                form,
                isUnauthorizedExpected: true,
                codeFields: { WRONG_PASSWORD: 'oldPassword' },
              }),
          },
        )
      }
      isCancelable={!isForced}
      name="change-password-form"
      testId="change-password-form"
    >
      {isForced ? (
        <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="oldPassword"
        label={t('auth.oldPassword')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[{ required: true, message: t('auth.passwordRequired') }, zodRule(NewPassword)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('newPassword'))
                throw new Error(t('auth.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
