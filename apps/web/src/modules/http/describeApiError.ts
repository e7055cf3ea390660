import type { TFunction } from '../../i18n/TFunction.ts';
import { ApiError } from './ApiError.ts';
import { clientErrorCodes } from './clientErrorCodes.ts';

/** The sentence to show for a failed call: the server's Chinese `detail`, else a generic message. */
export function describeApiError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.problem.detail) return error.problem.detail;
  if (error.code === clientErrorCodes.network) return t('error.network');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status >= 500) return t('error.server');
  return t('error.unexpected');
}
