import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';

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

/** 开发环境登录: pick a staff member of the demo city; a token signed with the local dev key. Replaced by real identity. */
export default function SignInPage() {
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
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('/sign-in') ? next : '/inbox', { replace: true });
    },
  });
  return (
    <Card style={{ maxWidth: 980, margin: '48px auto' }}>
      <Typography.Title level={3}>阳光信访 · 开发环境登录</Typography.Title>
      {params.get('expired') && (
        <Alert
          type="warning"
          showIcon
          data-testid="session-ended"
          style={{ marginBottom: 16 }}
          message={params.get('expired') === 'refused' ? '登录凭证已失效，请重新登录。' : '登录已过期（令牌到期），请重新登录。'}
          description="正在填写的登记表已自动保存为草稿，重新登录后回到原页面即可继续（附件需重新选择）。"
        />
      )}
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
