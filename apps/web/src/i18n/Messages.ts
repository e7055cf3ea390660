import type { zhCN } from './zh-CN.ts';

/** Every catalogue has exactly the keys of the Chinese source catalogue. */
export type Messages = { readonly [K in keyof typeof zhCN]: string };
