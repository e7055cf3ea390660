import { z } from 'zod';

export const RoleCode = z.enum(['admin', 'org_admin', 'officer', 'member']);
export type RoleCode = z.infer<typeof RoleCode>;
export const ROLE_LABELS: Record<RoleCode, string> = {
  admin: '系统管理员',
  org_admin: '组织管理员',
  officer: '党务工作者',
  member: '党员',
};
