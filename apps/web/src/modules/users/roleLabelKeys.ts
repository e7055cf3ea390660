import type { RoleCode } from '@zhibu/shared/api';
import type { MessageKey } from '../../i18n/MessageKey.ts';

/** Role names in the interface language (the Chinese ones match ROLE_LABELS in @zhibu/shared). */
export const roleLabelKeys: Record<RoleCode, MessageKey> = {
  admin: 'role.admin',
  org_admin: 'role.org_admin',
  officer: 'role.officer',
  member: 'role.member',
};
