import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useT } from '../../i18n/useT.ts';
import {
  ChangePasswordFields,
  type ChangePasswordValues,
} from '../../modules/auth/components/ChangePasswordFields.tsx';
import { useChangePassword } from '../../modules/auth/hooks/useChangePassword.ts';
import { useLogout } from '../../modules/auth/hooks/useLogout.ts';
import { useApiErrorHandler } from '../../modules/http/hooks/useApiErrorHandler.ts';

/**
 * Shown instead of the app while the account's password was set by someone else (new account,
 * reset): the server refuses everything else until it is changed. Signing out stays possible.
 */
export function ForcedPasswordChangePage({ displayName }: { displayName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();
  const logout = useLogout();
  const handleError = useApiErrorHandler();

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}
    >
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: 32 } }}>
        <Flex justify="flex-end" style={{ marginTop: -16, marginRight: -16 }}>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, color: '#c8161d' }}>
          {t('auth.changePassword')}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={t('auth.mustChangePassword')}
          description={displayName}
          style={{ marginBottom: 24 }}
        />
        <Form<ChangePasswordValues>
          form={form}
          layout="vertical"
          name="forced-password"
          data-testid="forced-password-form"
          requiredMark={false}
          onFinish={(values) =>
            change.mutate(
              { oldPassword: values.oldPassword, newPassword: values.newPassword },
              {
                onSuccess: () => message.success(t('auth.passwordChanged')),
                onError: (error) =>
                  handleError(error, {
                    form,
                    isUnauthorizedExpected: true,
                    codeFields: { WRONG_PASSWORD: 'oldPassword', PASSWORD_UNCHANGED: 'newPassword' },
                  }),
              },
            )
          }
        >
          <ChangePasswordFields />
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('auth.changePassword')}
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Button>
      </Card>
    </Flex>
  );
}
