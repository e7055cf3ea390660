import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { enUS } from './en-US.ts';
import { formatMessage } from './formatMessage.ts';
import { I18nContext } from './I18nContext.ts';
import type { I18nValue } from './I18nValue.ts';
import type { Locale } from './Locale.ts';
import type { Messages } from './Messages.ts';
import { storedLocale } from './storedLocale.ts';
import { zhCN } from './zh-CN.ts';

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = catalogues[locale]['app.documentTitle'];
}

/** Holds the interface language; switching updates dayjs, <html lang> and localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale.read();
    applyLocale(initial);
    return initial;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    storedLocale.write(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = catalogues[locale];
    return { locale, setLocale, t: (key, params) => formatMessage(messages[key], params) };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
