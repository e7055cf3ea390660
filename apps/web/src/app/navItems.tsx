import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  SafetyCertificateOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
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
  { path: '/development', labelKey: 'nav.development', icon: <UserAddOutlined />, isAdminOnly: false },
  { path: '/transfers', labelKey: 'nav.transfers', icon: <SwapOutlined />, isAdminOnly: false },
  { path: '/flowing', labelKey: 'nav.flowing', icon: <EnvironmentOutlined />, isAdminOnly: false },
  { path: '/dues', labelKey: 'nav.dues', icon: <AccountBookOutlined />, isAdminOnly: false },
  { path: '/warnings', labelKey: 'nav.warnings', icon: <AlertOutlined />, isAdminOnly: false },
  { path: '/stats', labelKey: 'nav.stats', icon: <BarChartOutlined />, isAdminOnly: false },
  { path: '/imports', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, isAdminOnly: false },
  { path: '/users', labelKey: 'nav.users', icon: <SafetyCertificateOutlined />, isAdminOnly: true },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, isAdminOnly: true },
  { path: '/rules', labelKey: 'nav.rules', icon: <BookOutlined />, isAdminOnly: true },
];
