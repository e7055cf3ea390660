export type Locale = 'zh-CN' | 'en-US';
