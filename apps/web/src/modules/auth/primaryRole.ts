import type { CurrentUser, RoleAssignment, RoleCode } from '@zhibu/shared/api';

const rank: Record<RoleCode, number> = { admin: 0, org_admin: 1, officer: 2, member: 3 };

/** The user's strongest role assignment, shown in the header. */
export function primaryRole(user: CurrentUser): RoleAssignment | undefined {
  return [...user.roles].sort((a, b) => rank[a.role] - rank[b.role])[0];
}
