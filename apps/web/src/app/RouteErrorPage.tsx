import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n/useT.ts';

/** Shown when a page fails to load or render (e.g. a stale chunk after a deployment). */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Result
      status={isNotFound ? '404' : 'error'}
      title={isNotFound ? t('error.pageNotFound') : t('error.pageCrashed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
