import { z } from 'zod';

export const ImportKind = z.enum(['orgs', 'members']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportMode = z
  .enum(['dryRun', 'default', 'atomic'])
  .describe('试导入 / 导入正确行 / 全部正确才导入');
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportRowError = z.object({
  row: z.number().int().describe('Excel 行号'),
  column: z.string().describe('列标题'),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** The report shape is fixed: the CLI prints it with --json. */
export const ImportReport = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportJob = z.object({
  id: z.string(),
  kind: ImportKind,
  mode: ImportMode,
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
