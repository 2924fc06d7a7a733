import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { consoleConfig, type OidcSettings } from '../auth/config';
import { ErrorAlert } from '../components/ErrorAlert';
import { signIn } from '../session';

/** A persona of the demo city, as the development sign-in endpoint lists it (tools/dev-sign-in.ts). */
interface DemoStaff {
  readonly id: string;
  readonly sub: string;
  readonly title: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly division: string;
  readonly roles: readonly string[];
}

async function devJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/dev/${path}`, init);
  if (!res.ok)
    throw new Error(
      res.status === 404 || res.status === 502 ? '开发登录服务未运行（仅限开发环境） / dev sign-in is not running' : `HTTP ${res.status}`,
    );
  return (await res.json()) as T;
}

/** Only a path of the console itself, never the sign-in page or another site. */
function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/inbox';
}

/** Why the user is here again (the session ended), shown in both sign-ins. */
function SessionEnded() {
  const [params] = useSearchParams();
  if (!params.get('expired')) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="session-ended"
      style={{ marginBottom: 16 }}
      message={params.get('expired') === 'refused' ? '登录凭证已失效，请重新登录。' : '登录已过期（令牌到期），请重新登录。'}
      description="正在填写的登记表已自动保存为草稿，重新登录后回到原页面即可继续（附件需重新选择）。"
    />
  );
}

/**
 * Signed out here, but the identity provider could not be reached to end its session (Layout's sign-out): its sign-in
 * session may still be open in this browser, so the next sign-in might not ask for the password.
 */
function ProviderNotSignedOut() {
  const [params] = useSearchParams();
  if (params.get('signed-out') !== 'provider-unreachable') return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="provider-not-signed-out"
      style={{ marginBottom: 16 }}
      message="已退出本系统，但无法连接统一身份认证。"
      description="统一身份认证中的登录状态可能仍然有效：请关闭浏览器（全部窗口），或稍后重新登录后再次退出。"
    />
  );
}

/** What the identity provider may answer instead of a code (RFC 6749 §4.1.2.1), in Chinese. */
const PROVIDER_ERRORS: Record<string, string> = {
  access_denied: '统一身份认证拒绝了本次登录。',
  login_required: '需要重新登录统一身份认证。',
  temporarily_unavailable: '统一身份认证暂时不可用，请稍后再试。',
};

/**
 * 统一身份认证登录: the identity provider's login page (password and second factor there), the code brought back here
 * and exchanged (PKCE), then on to where the user was going.
 */
function ProviderSignIn({ settings }: { settings: OidcSettings }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const answered = params.has('state') && (params.has('code') || params.has('error'));
  const [error, setError] = useState<unknown>(null);
  const [going, setGoing] = useState(false);
  useEffect(() => {
    if (!answered) return;
    const refused = params.get('error');
    if (refused) {
      setError(new Error(PROVIDER_ERRORS[refused] ?? `统一身份认证未完成登录（${refused}）`));
      return;
    }
    void import('../auth/oidc')
      .then((oidc) => oidc.finishSignIn(settings))
      .then(({ accessToken, next }) => {
        signIn(accessToken, 'oidc');
        navigate(safeNext(next), { replace: true });
      })
      .catch(() => setError(new Error('登录未完成：统一身份认证的应答无效或已过期，请重新登录。')));
  }, [answered]);
  const start = () => {
    setGoing(true);
    setError(null);
    void import('../auth/oidc')
      .then((oidc) => oidc.beginSignIn(settings, safeNext(params.get('next'))))
      .catch(() => {
        setGoing(false);
        setError(new Error('无法连接统一身份认证，请稍后再试。'));
      });
  };
  return (
    <Card style={{ maxWidth: 560, margin: '48px auto' }}>
      <Typography.Title level={3}>阳光信访 · 工作人员登录</Typography.Title>
      <SessionEnded />
      <ProviderNotSignedOut />
      <ErrorAlert error={error} />
      {answered && !error ? (
        <Spin tip="正在完成登录…" data-testid="sign-in-finishing">
          <div style={{ height: 64 }} />
        </Spin>
      ) : (
        <>
          <Typography.Paragraph type="secondary">通过统一身份认证登录（账号、密码与动态口令）。</Typography.Paragraph>
          <Button type="primary" size="large" loading={going} onClick={start} data-testid="sign-in-oidc">
            统一身份认证登录
          </Button>
        </>
      )}
    </Card>
  );
}

/** The identity provider's sign-in when the console is configured with one (/console-config.json), else the development one. */
export default function SignInPage() {
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  if (config.isPending) return <Spin style={{ margin: 48 }} />;
  return config.data?.oidc ? <ProviderSignIn settings={config.data.oidc} /> : <DevSignIn />;
}

/** 开发环境登录 (no identity provider configured): pick a staff member of the demo city; a token signed with the local dev key. */
function DevSignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const staff = useQuery({ queryKey: ['dev-staff'], queryFn: () => devJson<DemoStaff[]>('staff') });
  const login = useMutation({
    mutationFn: (id: string) =>
      devJson<{ token: string }>('token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id }),
      }),
    onSuccess: ({ token }) => {
      signIn(token);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <Card style={{ maxWidth: 980, margin: '48px auto' }}>
      <Typography.Title level={3}>阳光信访 · 开发环境登录</Typography.Title>
      <SessionEnded />
      <Typography.Paragraph type="secondary">
        选择示范城市（新乡市）的一名工作人员登录。仅供开发与测试，生产环境使用统一身份认证。
      </Typography.Paragraph>
      <ErrorAlert error={staff.error ?? login.error} />
      <Table<DemoStaff>
        rowKey="id"
        loading={staff.isLoading}
        dataSource={staff.data ?? []}
        pagination={false}
        size="middle"
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '岗位', dataIndex: 'title' },
          { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{r}</Tag>) },
          {
            title: '',
            render: (_: unknown, s) => (
              <Button
                type="primary"
                loading={login.isPending && login.variables === s.id}
                onClick={() => login.mutate(s.id)}
                data-testid={`sign-in-${s.id}`}
              >
                登录
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
