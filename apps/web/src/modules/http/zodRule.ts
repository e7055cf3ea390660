import type { FormRule } from 'antd';

/** The part of a zod schema a form rule needs (kept structural so the web app needs no zod import). */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
}

/**
 * An antd rule that checks a value with the shared zod schema of that API field, so the form shows
 * the same Chinese message the server would. Empty values pass: requiredness is a separate rule.
 */
export function zodRule(schema: SafeParser): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '');
    },
  };
}
