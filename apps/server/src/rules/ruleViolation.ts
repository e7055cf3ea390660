import { AppError } from '../lib/appError.ts';
import { type Citation, citationText } from './ruleTypes.ts';

/** Refuses an action that breaks a regulation, naming the article (the message ends with the citation). */
export function ruleViolation(
  rule: { id: string; citation: Citation },
  message: string,
  field?: string,
): AppError {
  const detail = `${message}（${citationText(rule.citation)}）`;
  return new AppError('RULE_VIOLATION', detail, [{ field: field ?? '', code: rule.id, message: detail }]);
}
