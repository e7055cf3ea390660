import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { ApiError } from '../ApiError.ts';
import { applyFieldErrors } from '../applyFieldErrors.ts';
import { describeApiError } from '../describeApiError.ts';

interface ApiErrorHandlerOptions<Values> {
  /** Form whose items receive `errors[].field`. */
  form?: FormInstance<Values>;
  /** Called on 409 VERSION_CONFLICT, after the user is told; reload the record here. */
  onConflict?: () => void;
  /** Error codes that concern one field (e.g. DUPLICATE_ID_NUMBER → idNumber): the detail goes under it. */
  codeFields?: Record<string, string>;
  /** Show a 401 like any other error (sign-in and password forms, where it means "wrong password"). */
  isUnauthorizedExpected?: boolean;
}

/**
 * Shows a failed mutation to the user: field errors onto the form, a version conflict as a
 * dialog (then reload), anything else as a message with the server's `detail`. 401 is left to the
 * global handler, which sends the user to the login page.
 */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  const t = useT();
  return useCallback(
    <Values>(error: unknown, options: ApiErrorHandlerOptions<Values> = {}) => {
      if (error instanceof ApiError && error.status === 401 && !options.isUnauthorizedExpected) return;
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        modal.warning({
          title: t('error.versionConflict.title'),
          content: t('error.versionConflict.content'),
          okText: t('common.reload'),
        });
        options.onConflict?.();
        return;
      }
      const codeField = error instanceof ApiError ? options.codeFields?.[error.code] : undefined;
      const fieldErrors =
        error instanceof ApiError
          ? (error.problem.errors ??
            (codeField ? [{ field: codeField, code: error.code, message: describeApiError(error, t) }] : []))
          : [];
      if (options.form && fieldErrors.length > 0) {
        const unmatched = applyFieldErrors(options.form, fieldErrors);
        const summary = unmatched.map((e) => e.message).join('；');
        message.error(summary || describeApiError(error, t));
        return;
      }
      message.error(describeApiError(error, t));
    },
    [message, modal, t],
  );
}
