import type { CurrentUser } from '@zhibu/shared/api';

/**
 * Whether to offer the user and audit pages. Only a convenience for the menu: the server enforces
 * access and data scope on every request.
 */
export function canAdminister(user: CurrentUser): boolean {
  return user.roles.some((r) => r.role === 'admin' || r.role === 'org_admin');
}
