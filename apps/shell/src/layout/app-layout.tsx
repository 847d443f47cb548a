import { LockOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth/use-me';
import { useRemotes } from '../federation/remotes';
import { useLiveEvents } from '../live/use-live-events';
import { NotificationBell } from '../notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { buildNavItems, navKeyForPath } from './nav-items';
import { PageSkeleton } from './page-skeleton';

/** Header with role-based navigation (a drawer on phones) around the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const remotes = useRemotes();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useLiveEvents(!!me);

  const items = useMemo(() => buildNavItems(me?.roles ?? [], remotes.data ?? []), [me, remotes.data]);
  const menuItems: MenuProps['items'] = useMemo(() => {
    const label = (i: (typeof items)[number]) => t(i.labelKey, { defaultValue: i.fallback ?? i.key });
    const personal = items.filter((i) => !i.department).map((i) => ({ key: i.key, label: label(i) }));
    const departments = items.filter((i) => i.department).map((i) => ({ key: i.key, label: label(i) }));
    if (!departments.length) return personal;
    return wide
      ? [...personal, ...departments]
      : [
          ...personal,
          { type: 'group' as const, key: 'departments', label: t('nav.departments'), children: departments },
        ];
  }, [items, t, wide]);

  const go: MenuProps['onClick'] = ({ key }) => {
    const item = items.find((i) => i.key === key);
    if (item) void navigate(item.path);
    setDrawerOpen(false);
  };
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const selected = [navKeyForPath(pathname)];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: wide ? 24 : 12,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {!wide && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.departments')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/inbox" style={{ color: '#c8102e', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {wide ? t('app.name') : t('app.short')}
        </Link>
        {wide ? (
          <Menu
            mode="horizontal"
            selectedKeys={selected}
            items={menuItems}
            onClick={go}
            style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
          />
        ) : (
          <div style={{ flex: 1 }} />
        )}
        <NotificationBell />
        <LanguageSwitch />
        {wide && (
          <Dropdown
            menu={{
              items: [
                { key: 'org', label: me?.org.name, disabled: true },
                {
                  key: 'password',
                  icon: <LockOutlined />,
                  label: t('password.menu'),
                  onClick: () => navigate('/account/password'),
                },
                { key: 'logout', icon: <LogoutOutlined />, label: t('action.signOut'), onClick: signOut },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />}>
              {me?.user.displayName}
            </Button>
          </Dropdown>
        )}
      </Layout.Header>
      {!wide && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title={
            <Flex vertical>
              <span>{me?.user.displayName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {me?.org.name}
              </Typography.Text>
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={menuItems}
            onClick={go}
            style={{ borderInlineEnd: 0 }}
          />
          <Flex vertical gap={8} style={{ padding: 16 }}>
            <Button
              block
              icon={<LockOutlined />}
              onClick={() => {
                setDrawerOpen(false);
                void navigate('/account/password');
              }}
            >
              {t('password.menu')}
            </Button>
            <Button block icon={<LogoutOutlined />} onClick={signOut}>
              {t('action.signOut')}
            </Button>
          </Flex>
        </Drawer>
      )}
      <Layout.Content style={{ padding: wide ? 24 : 12 }}>
        <div style={{ maxWidth: 1100, margin: '0 auto', minWidth: 0 }}>
          {/* Pages load on demand; the header stays while one arrives. */}
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
    </Layout>
  );
}
