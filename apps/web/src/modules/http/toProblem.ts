import type { Problem } from '@zhibu/shared/api';
import { clientErrorCodes } from './clientErrorCodes.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldErrors(value: unknown): Problem['errors'] {
  if (!Array.isArray(value)) return undefined;
  const errors: NonNullable<Problem['errors']> = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.field === 'string') {
      errors.push({
        field: item.field,
        code: typeof item.code === 'string' ? item.code : '',
        message: typeof item.message === 'string' ? item.message : '',
      });
    }
  }
  return errors;
}

/** Reads a response body as a problem document, tolerating bodies that are not one. */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  if (isRecord(body) && typeof body.code === 'string') {
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : statusText,
      status: typeof body.status === 'number' ? body.status : status,
      code: body.code,
      detail: typeof body.detail === 'string' ? body.detail : '',
      errors: toFieldErrors(body.errors),
    };
  }
  return {
    type: 'about:blank',
    title: statusText,
    status,
    code: status === 0 ? clientErrorCodes.network : `HTTP_${status}`,
    detail: '',
  };
}
