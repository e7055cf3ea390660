import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
