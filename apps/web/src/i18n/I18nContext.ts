import { createContext } from 'react';
import type { I18nValue } from './I18nValue.ts';

export const I18nContext = createContext<I18nValue | null>(null);
