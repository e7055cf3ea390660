import type { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
