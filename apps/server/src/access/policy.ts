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
  | 'audit.read'
  | 'dues.read'
  | 'dues.write'
  | 'rule.manage'
  | 'development.read'
  | 'development.write'
  | 'transfer.read'
  | 'transfer.write'
  | 'flowing.read'
  | 'flowing.write';

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
    'dues.read',
    'dues.write',
    // Rule parameters apply to the whole deployment, so only a system-wide administrator tunes them.
    'rule.manage',
    'development.read',
    'development.write',
    'transfer.read',
    'transfer.write',
    'flowing.read',
    'flowing.write',
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
    'dues.read',
    'dues.write',
    'development.read',
    'development.write',
    'transfer.read',
    'transfer.write',
    'flowing.read',
    'flowing.write',
  ],
  officer: [
    'org.read',
    'member.read',
    'member.write',
    'member.reveal',
    'import.members',
    'dues.read',
    'dues.write',
    'development.read',
    'development.write',
    'transfer.read',
    'transfer.write',
    'flowing.read',
    'flowing.write',
  ],
  member: ['org.read'],
};

export function roleCan(role: RoleCode, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}
