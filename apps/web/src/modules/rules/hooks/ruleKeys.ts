import type { WarningListParams } from '../api/WarningListParams.ts';

/** Query keys of warnings and rules; a parameter change invalidates both ('rules' and 'warnings'). */
export const ruleKeys = {
  rules: ['rules'] as const,
  warnings: ['warnings'] as const,
  warningList: (params: WarningListParams) => ['warnings', 'list', params] as const,
  summary: (parentId: string | null) => ['warnings', 'summary', parentId] as const,
};
