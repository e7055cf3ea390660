import type { TFunction } from './TFunction.ts';
import { useI18n } from './useI18n.ts';

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
