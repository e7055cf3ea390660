import { Alert, App, Form } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useChangePassword } from '../hooks/useChangePassword.ts';
import type { ChangePasswordValues } from './ChangePasswordFields.tsx';
import { ChangePasswordFields } from './ChangePasswordFields.tsx';

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
                codeFields: { WRONG_PASSWORD: 'oldPassword', PASSWORD_UNCHANGED: 'newPassword' },
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
      <ChangePasswordFields />
    </FormModal>
  );
}
