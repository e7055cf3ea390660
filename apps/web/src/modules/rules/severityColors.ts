import type { Severity } from '@zhibu/shared/api';

export const severityColors: Record<Severity, string> = { violation: 'red', warning: 'orange', info: 'blue' };
