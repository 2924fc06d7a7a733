import { Button, Layout as AntLayout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';

import { NoticeBell } from './components/part1/NoticeBell';
import { UnitName } from './components/UnitName';
import { currentSession, hasRole, PROVIDER_UNREACHABLE_PATH, signOut, watchExpiry } from './session';

const ROLE: Record<string, string> = {
  clerk: '登记员',
  handler: '经办人',
  head: '负责人',
  dispatcher: '分办员',
  supervisor: '督查员',
  leader: '领导',
  admin: '管理员',
  sysadmin: '系统管理员',
  ops: '运维',
};

/** The frame of every signed-in page: the menu by role, the notices bell (live), who is signed in, sign-out. */
export function Layout() {
  const session = currentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const token = session?.token;
  useEffect(() => (session ? watchExpiry(session) : undefined), [token]);
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const items = [
    { key: '/inbox', label: '单位收件箱' },
    ...(hasRole(session, 'clerk') ? [{ key: '/register', label: '来访/来信登记' }] : []),
    ...(hasRole(session, 'dispatcher', 'head') ? [{ key: '/desk', label: '分办台' }] : []),
    ...(hasRole(session, 'supervisor', 'head', 'leader', 'dispatcher') ? [{ key: '/supervision', label: '督查督办' }] : []),
    ...(hasRole(session, 'supervisor', 'head', 'leader', 'dispatcher') ? [{ key: '/cockpit', label: '驾驶舱' }] : []),
    ...(hasRole(session, 'ops', 'sysadmin') ? [{ key: '/ops', label: '运维' }] : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          阳光信访 · 工作台
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => navigate(e.key)}
          style={{ flex: 1 }}
        />
        <Space style={{ color: '#fff' }}>
          <NoticeBell />
          <span data-testid="signed-in-unit">
            <UnitName id={session.unit} />
          </span>
          {session.roles.map((r) => (
            <Tag key={r}>{ROLE[r] ?? r}</Tag>
          ))}
          <Button
            size="small"
            onClick={() => {
              navigate('/sign-in');
              // The identity provider could not be reached: signed out here, and the sign-in page says what that leaves open.
              void signOut().then((end) =>
                end === 'provider-unreachable' ? navigate(PROVIDER_UNREACHABLE_PATH, { replace: true }) : undefined,
              );
            }}
          >
            退出
          </Button>
        </Space>
      </AntLayout.Header>
      <AntLayout.Content style={{ padding: 24 }}>
        <Outlet />
      </AntLayout.Content>
    </AntLayout>
  );
}
