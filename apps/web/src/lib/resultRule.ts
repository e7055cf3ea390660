import type { FormRule } from 'antd';

type Parse = (raw: string) => { ok: true } | { ok: false; message: string };

/** An antd rule from a shared parser (citizen ID, phone): its Chinese message when the value is rejected. */
export function resultRule(parse: Parse): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = parse(value);
      if (!result.ok) throw new Error(result.message);
    },
  };
}
