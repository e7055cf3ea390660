import type { RoleCode, User } from '@zhibu/shared/api';
import { App, Form } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useUserMutations } from '../hooks/useUserMutations.ts';
import { RoleFields } from './RoleFields.tsx';

interface AddRoleValues {
  role?: RoleCode;
  orgId?: string | null;
}

/** Give an account one more role, bound to an org. */
export function AddRoleModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddRoleValues>();
  const { addRole } = useUserMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<AddRoleValues>
      open={user !== null}
      title={t('users.addRoleTitle', { name: user?.displayName ?? '' })}
      form={form}
      width={640}
      onCancel={onClose}
      isSubmitting={addRole.isPending}
      initialValues={{ role: 'officer' }}
      name="user-add-role-form"
      testId="user-add-role-form"
      onFinish={(values) => {
        if (!user || !values.role) return;
        addRole.mutate(
          { id: user.id, role: values.role, orgId: values.orgId ?? null },
          {
            onSuccess: () => {
              message.success(t('users.roleAdded'));
              onClose();
            },
            onError: (error) => handleError(error, { form }),
          },
        );
      }}
    >
      <RoleFields />
    </FormModal>
  );
}
