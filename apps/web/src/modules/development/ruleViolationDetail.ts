import { ApiError } from '../http/ApiError.ts';

/** The refusal's sentence, ending with the cited article, when a write broke a regulation; else null. */
export function ruleViolationDetail(error: unknown): string | null {
  return error instanceof ApiError && error.code === 'RULE_VIOLATION' ? error.problem.detail : null;
}
