import type { RoleCode } from '@zhibu/shared/api';

export type Action =
  | 'org.read'
  | 'org.write'
  | 'member.read'
  | 'member.write'
  | 'member.reveal'
  | 'import.orgs'
  | 'import.members'
  | 'user.manage'
  | 'audit.read';

/** What each role may do; where it may do it is the role's org subtree (see scope.ts). */
export const ROLE_ACTIONS: Record<RoleCode, readonly Action[]> = {
  admin: [
    'org.read',
    'org.write',
    'member.read',
    'member.write',
    'member.reveal',
    'import.orgs',
    'import.members',
    'user.manage',
    'audit.read',
  ],
  org_admin: [
    'org.read',
    'org.write',
    'member.read',
    'member.write',
    'member.reveal',
    'import.orgs',
    'import.members',
    'user.manage',
    'audit.read',
  ],
  officer: ['org.read', 'member.read', 'member.write', 'member.reveal', 'import.members'],
  member: ['org.read'],
};

export function roleCan(role: RoleCode, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}
