import { CreateUserRequest, type RoleCode } from '@zhibu/shared/api';
import { App, Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useUserMutations } from '../hooks/useUserMutations.ts';
import { RoleFields } from './RoleFields.tsx';

interface CreateUserValues {
  username: string;
  displayName: string;
  password: string;
  role?: RoleCode;
  orgId?: string | null;
}

const shape = CreateUserRequest.shape;

/** New account with its first role and the org that role is bound to. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserValues>();
  const { create } = useUserMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<CreateUserValues>
      open={open}
      title={t('users.createTitle')}
      form={form}
      width={640}
      onCancel={onClose}
      isSubmitting={create.isPending}
      initialValues={{ role: 'officer' }}
      name="user-create-form"
      testId="user-create-form"
      onFinish={(values) => {
        if (!values.role) return;
        create.mutate(
          {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            role: values.role,
            orgId: values.orgId ?? null,
          },
          {
            onSuccess: () => {
              message.success(t('users.created'));
              onClose();
            },
            onError: (error) => handleError(error, { form, codeFields: { DUPLICATE_USERNAME: 'username' } }),
          },
        );
      }}
    >
      <Form.Item
        name="username"
        label={t('users.field.username')}
        rules={[
          { required: true, whitespace: true, message: t('auth.usernameRequired') },
          zodRule(shape.username),
        ]}
      >
        <Input maxLength={32} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.field.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('users.displayNameRequired') },
          zodRule(shape.displayName),
        ]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.field.password')}
        extra={t('auth.passwordRule')}
        rules={[{ required: true, message: t('auth.passwordRequired') }, zodRule(shape.password)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <RoleFields />
    </FormModal>
  );
}
