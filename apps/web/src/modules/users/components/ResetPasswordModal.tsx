import { NewPassword, type User } from '@zhibu/shared/api';
import { App, Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useUserMutations } from '../hooks/useUserMutations.ts';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

/** Set a new password for another account. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const { resetPassword } = useUserMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<ResetValues>
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      form={form}
      onCancel={onClose}
      isSubmitting={resetPassword.isPending}
      name="user-reset-password-form"
      testId="user-reset-password-form"
      onFinish={(values) => {
        if (!user) return;
        resetPassword.mutate(
          { id: user.id, password: values.password },
          {
            onSuccess: () => {
              message.success(t('users.passwordReset'));
              onClose();
            },
            onError: (error) => handleError(error, { form }),
          },
        );
      }}
    >
      <Form.Item
        name="password"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[{ required: true, message: t('auth.passwordRequired') }, zodRule(NewPassword)]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('password')) throw new Error(t('auth.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
