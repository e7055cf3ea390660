import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Grid, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { useAuthenticatedUser } from '../modules/auth/hooks/useAuthenticatedUser.ts';
import { useLogout } from '../modules/auth/hooks/useLogout.ts';
import { primaryRole } from '../modules/auth/primaryRole.ts';
import { roleLabelKeys } from '../modules/users/roleLabelKeys.ts';

// Loaded on demand: it brings the shared zod schemas, which the sign-in page does not need.
const ChangePasswordModal = lazy(async () => ({
  default: (await import('../modules/auth/components/ChangePasswordModal.tsx')).ChangePasswordModal,
}));

/** Current user and role in the header, with change-password and sign-out. */
export function UserMenu() {
  const t = useT();
  const user = useAuthenticatedUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [isPasswordOpen, setIsPasswordOpen] = useState(false);
  const role = primaryRole(user);
  const roleText = role ? t(roleLabelKeys[role.role]) : '';

  return (
    <>
      <Flex align="center" gap={4}>
        {role && screens.md ? (
          <Tag color="red" data-testid="current-role" title={role.orgName ?? undefined}>
            {role.orgName ? `${roleText} · ${role.orgName}` : roleText}
          </Tag>
        ) : null}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...(role && !screens.md ? [{ key: 'role', label: roleText, disabled: true }] : []),
              { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setIsPasswordOpen(true);
              if (key === 'logout') {
                logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
              }
            },
          }}
        >
          <Button
            type="text"
            icon={<UserOutlined />}
            data-testid="user-menu"
            aria-label={t('header.userMenu')}
          >
            <Typography.Text ellipsis style={{ maxWidth: screens.sm ? 160 : 72 }}>
              {user.displayName}
            </Typography.Text>
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Flex>
      {isPasswordOpen || user.mustChangePassword ? (
        <Suspense fallback={null}>
          <ChangePasswordModal
            open
            isForced={user.mustChangePassword}
            onClose={() => setIsPasswordOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
