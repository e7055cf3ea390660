import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useT } from '../../i18n/useT.ts';
import { LoginForm } from '../../modules/auth/components/LoginForm.tsx';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser.ts';
import { describeApiError } from '../../modules/http/describeApiError.ts';
import { DemoDataBadge } from '../../modules/system/components/DemoDataBadge.tsx';

/** Only same-site paths are followed after sign-in (no open redirect through ?next=). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Centred sign-in card. */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const { data: user, isPending, error, refetch, isFetching } = useCurrentUser();

  if (isPending) return <PageSpinner />;
  if (user) return <Navigate to={next} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex justify="flex-end" style={{ marginTop: -16, marginRight: -16 }}>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, color: '#c8161d' }}>
          {t('app.loginTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          {t('auth.loginSubtitle')}
        </Typography.Paragraph>
        <Flex justify="center" style={{ marginTop: -12, marginBottom: 16 }}>
          <DemoDataBadge />
        </Flex>
        {error ? (
          <Alert
            type="warning"
            showIcon
            title={describeApiError(error, t)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" loading={isFetching} onClick={() => void refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
