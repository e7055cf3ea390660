import type { Problem } from '@zhibu/shared/api';
import type { FormInstance } from 'antd';

type FieldError = NonNullable<Problem['errors']>[number];

/**
 * Puts server field errors on the form items of the same name (`errors[].field` is the API field,
 * which is also the Form.Item name). Returns the errors that matched no item.
 */
export function applyFieldErrors(
  form: Pick<FormInstance, 'getFieldsError' | 'setFields'>,
  errors: FieldError[],
): FieldError[] {
  const registered = new Map<string, (string | number)[]>();
  for (const field of form.getFieldsError()) registered.set(field.name.join('.'), field.name);
  const byName = new Map<string, { name: (string | number)[]; messages: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const path = error.field.replace(/^(body|query|params)\./, '').replace(/\[(\d+)\]/g, '.$1');
    const name = registered.get(path) ?? registered.get(path.split('.').pop() ?? '');
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, messages: [] };
    entry.messages.push(error.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()].map(({ name, messages }) => ({ name, errors: messages })));
  return unmatched;
}
