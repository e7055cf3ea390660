import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { canAdminister } from '../modules/auth/canAdminister.ts';
import { useAuthenticatedUser } from '../modules/auth/hooks/useAuthenticatedUser.ts';
import { DemoDataBadge } from '../modules/system/components/DemoDataBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navItems } from './navItems.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Side menu by domain (a drawer on phones), header with user, language and sign-out, page outlet. */
export function AppLayout() {
  const t = useT();
  const user = useAuthenticatedUser();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: lay out for desktop until told otherwise.
  const isPhone = screens.md === false;
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);

  const isAdmin = canAdminister(user);
  const items: MenuProps['items'] = navItems
    .filter((item) => isAdmin || !item.isAdminOnly)
    .map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }));
  const selected = navItems.find((item) => location.pathname.startsWith(item.path))?.path;

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setIsDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.label')}
    />
  );

  const brand = (isShort: boolean) => (
    <Typography.Text strong style={{ color: '#c8161d', fontSize: 16, whiteSpace: 'nowrap' }}>
      {isShort ? t('app.shortName') : t('app.name')}
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          size={240}
          title={brand(false)}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={200}
          collapsible
          collapsed={isCollapsed}
          trigger={null}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <Flex align="center" justify="center" style={{ height: 64 }}>
            {brand(isCollapsed)}
          </Flex>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={8}>
            {isPhone ? (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setIsDrawerOpen(true)}
                  aria-label={t('nav.open')}
                  data-testid="nav-drawer-button"
                />
                {brand(true)}
                <DemoDataBadge compact />
              </>
            ) : (
              <Button
                type="text"
                icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setIsCollapsed((value) => !value)}
                aria-label={isCollapsed ? t('nav.expand') : t('nav.collapse')}
              />
            )}
            {isPhone ? null : <DemoDataBadge />}
          </Flex>
          <Flex align="center" gap={4}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
