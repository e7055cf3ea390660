import { ApiError } from './ApiError.ts';

/** True for an `ApiError`, optionally with the given HTTP status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
