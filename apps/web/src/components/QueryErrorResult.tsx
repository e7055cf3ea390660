import { Button, Result } from 'antd';
import { useT } from '../i18n/useT.ts';
import { describeApiError } from '../modules/http/describeApiError.ts';
import { isApiError } from '../modules/http/isApiError.ts';

interface QueryErrorResultProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed read shown in place of its content, with the server's explanation and a retry. */
export function QueryErrorResult({ error, onRetry }: QueryErrorResultProps) {
  const t = useT();
  const status = isApiError(error, 404) ? '404' : isApiError(error, 403) ? '403' : 'error';
  return (
    <Result
      status={status}
      title={t('error.loadFailed')}
      subTitle={describeApiError(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
