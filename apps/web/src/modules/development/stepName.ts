import type { MessageKey } from '../../i18n/MessageKey.ts';
import type { TFunction } from '../../i18n/TFunction.ts';

/** "第7步 确定发展对象" in the current language. */
export function stepName(t: TFunction, no: number): string {
  return t('development.stepLabel', { no, name: t(`development.step.${no}` as MessageKey) });
}
