import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/MessageKey.ts';

interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  /** Offered only to admin / org_admin (the server checks again). */
  isAdminOnly: boolean;
}

/** The side menu, one entry per domain. */
export const navItems: NavItem[] = [
  { path: '/orgs', labelKey: 'nav.orgs', icon: <ApartmentOutlined />, isAdminOnly: false },
  { path: '/members', labelKey: 'nav.members', icon: <TeamOutlined />, isAdminOnly: false },
  { path: '/imports', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, isAdminOnly: false },
  { path: '/users', labelKey: 'nav.users', icon: <SafetyCertificateOutlined />, isAdminOnly: true },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, isAdminOnly: true },
];
