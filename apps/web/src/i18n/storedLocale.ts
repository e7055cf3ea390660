import type { Locale } from './Locale.ts';

const storageKey = 'zhibu.locale';

/** The language choice kept in localStorage; Chinese unless English was chosen. */
export const storedLocale = {
  read(): Locale {
    try {
      return localStorage.getItem(storageKey) === 'en-US' ? 'en-US' : 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  },
  write(locale: Locale): void {
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // private mode or storage disabled: the choice lasts for this page only
    }
  },
};
