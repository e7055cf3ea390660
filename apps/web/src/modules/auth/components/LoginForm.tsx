import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@zhibu/shared/api';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { applyFieldErrors } from '../../http/applyFieldErrors.ts';
import { describeApiError } from '../../http/describeApiError.ts';
import { isApiError } from '../../http/isApiError.ts';
import { useLogin } from '../hooks/useLogin.ts';

interface LoginFormProps {
  onSignedIn: () => void;
}

/** Username and password; the server's reason (wrong password, locked …) is shown above the fields. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const t = useT();
  const [form] = Form.useForm<LoginRequest>();
  const login = useLogin();
  const [errorText, setErrorText] = useState<string | null>(null);

  return (
    <Form<LoginRequest>
      form={form}
      layout="vertical"
      size="large"
      name="login"
      data-testid="login-form"
      aria-label={t('auth.loginTitle')}
      onValuesChange={() => setErrorText(null)}
      onFinish={(values) => {
        setErrorText(null);
        login.mutate(values, {
          onSuccess: onSignedIn,
          onError: (error) => {
            const problemErrors = isApiError(error) ? (error.problem.errors ?? []) : [];
            const unmatched = problemErrors.length ? applyFieldErrors(form, problemErrors) : [];
            if (problemErrors.length === 0 || unmatched.length > 0) setErrorText(describeApiError(error, t));
          },
        });
      }}
    >
      {errorText ? (
        <Alert
          type="error"
          showIcon
          title={errorText}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          role="alert"
        />
      ) : null}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          maxLength={50}
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          maxLength={200}
          data-testid="login-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
        {t('auth.login')}
      </Button>
    </Form>
  );
}
