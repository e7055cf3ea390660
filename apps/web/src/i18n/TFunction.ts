import type { MessageKey } from './MessageKey.ts';

/** Looks a message up and fills `{name}` placeholders. */
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;
