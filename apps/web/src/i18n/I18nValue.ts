import type { Locale } from './Locale.ts';
import type { TFunction } from './TFunction.ts';

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
}
