import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Descriptions, Input, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';

import { evaluation, intake, notification, routing, supervision } from '../../api/client';
import { call, errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../time';

const SERVICES = ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const;
type Service = (typeof SERVICES)[number];
const SERVICE_NAME: Record<Service, string> = {
  intake: '受理登记 intake',
  routing: '转送交办 routing',
  supervision: '督查督办 supervision',
  notification: '通知 notification',
  evaluation: '考评 evaluation',
};
const CLIENTS = { intake, routing, supervision, notification, evaluation };

/**
 * The /ops/messaging endpoints are the platform's one DeadLetterController, the same paths and bodies in every
 * service's document: any service's client is typed as routing's for them.
 */
function opsClient(service: Service): typeof routing {
  return CLIENTS[service] as unknown as typeof routing;
}

interface Health {
  readonly status: string;
  readonly info?: Record<string, { status: string; [k: string]: unknown }>;
  readonly error?: Record<string, { status: string; message?: string; [k: string]: unknown }>;
}

interface Stats {
  readonly group?: string;
  readonly received?: number;
  readonly applied?: number;
  readonly duplicates?: number;
  readonly skipped?: number;
  readonly failures?: number;
  readonly deadLettered?: number;
  readonly parked?: number;
}

/** GET /ops/messaging/lag: the group's lag per topic and partition (the same read as /metrics' kafka_consumer_lag). */
interface Lag {
  readonly group: string;
  readonly total: number;
  readonly partitions: ReadonlyArray<{ readonly topic: string; readonly partition: number; readonly lag: number }>;
}

interface DeadLetter {
  readonly id: string;
  readonly topic: string;
  readonly key: string | null;
  readonly partition: number;
  readonly offset: string;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly status: 'parked' | 'replayed' | 'discarded';
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

/** What a replay did (the parking lot's ResolveResult): ok false when the message is still refused. */
interface ResolveResult {
  readonly ok: boolean;
  readonly applied: number;
  readonly error?: string;
}

interface ParkedKey {
  readonly topic: string;
  readonly key: string;
  readonly id: string;
  readonly waiting: string | number;
}

interface Delivery {
  readonly id: string;
  readonly noticeId?: string;
  readonly channel: string;
  readonly status: string;
  readonly address?: string | null;
  readonly attempts?: number;
  readonly lastError?: string | null;
  readonly reason?: string | null;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

interface LoadedArrangement {
  readonly year: number;
  readonly source: string | null;
  readonly revision: number;
  readonly loadedBy: string | null;
  readonly loadedAt: string | null;
}

/** /health/ready through nginx: 200 or 503, the body names each dependency either way. */
async function readiness(service: Service): Promise<{ http: number; body: Health | null }> {
  const res = await fetch(`/api/${service}/health/ready`, { cache: 'no-store' });
  const body = (await res.json().catch(() => null)) as Health | null;
  return { http: res.status, body };
}

function HealthCard({ service }: { service: Service }) {
  const health = useQuery({
    queryKey: ['ops', 'health', service],
    refetchInterval: 10000,
    retry: false,
    queryFn: () => readiness(service),
  });
  const stats = useQuery({
    queryKey: ['ops', 'stats', service],
    refetchInterval: 10000,
    retry: false,
    queryFn: () => call<Stats>(opsClient(service).GET('/ops/messaging/stats')),
  });
  const lag = useQuery({
    queryKey: ['ops', 'lag', service],
    refetchInterval: 10000,
    retry: false,
    queryFn: () => call<Lag>(opsClient(service).GET('/ops/messaging/lag')),
  });
  const deps = { ...(health.data?.body?.info ?? {}), ...(health.data?.body?.error ?? {}) };
  const messaging = deps['messaging'] as { broker?: string; consumer?: unknown; outboxBacklog?: number | null } | undefined;
  const ok = health.data?.http === 200;
  return (
    <Card
      size="small"
      title={
        <Space>
          <Badge status={health.isPending ? 'default' : ok ? 'success' : 'error'} />
          {SERVICE_NAME[service]}
        </Space>
      }
      data-testid={`health-${service}`}
    >
      {health.error ? <Typography.Text type="danger">无法访问：{errorText(health.error)}</Typography.Text> : null}
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        {Object.entries(deps)
          .filter(([k]) => k !== 'messaging')
          .map(([k, v]) => (
            <Tag key={k} color={v.status === 'up' ? 'green' : 'red'}>
              {k} {v.status === 'up' ? '正常' : '异常'}
            </Tag>
          ))}
        {messaging ? (
          <Tag color={messaging.broker === 'reachable' ? 'green' : 'orange'}>
            Kafka {messaging.broker === 'reachable' ? '可达' : '不可达'}
          </Tag>
        ) : null}
      </Space>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="消费者">
          {typeof messaging?.consumer === 'string' ? messaging.consumer : messaging?.consumer ? JSON.stringify(messaging.consumer) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="待发出（outbox）">
          <span data-testid={`outbox-${service}`}>{messaging?.outboxBacklog ?? '—'}</span>
        </Descriptions.Item>
        {stats.data ? (
          <>
            <Descriptions.Item label="已收/已处理">
              {stats.data.received ?? 0} / {stats.data.applied ?? 0}
            </Descriptions.Item>
            <Descriptions.Item label="重复/跳过">
              {stats.data.duplicates ?? 0} / {stats.data.skipped ?? 0}
            </Descriptions.Item>
            <Descriptions.Item label="失败/死信">
              {stats.data.failures ?? 0} / {stats.data.deadLettered ?? 0}
            </Descriptions.Item>
            <Descriptions.Item label="暂停的键">{stats.data.parked ?? 0}</Descriptions.Item>
          </>
        ) : stats.error ? (
          <Descriptions.Item label="计数">{errorText(stats.error)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label="消费延迟（合计）">
          <span data-testid={`lag-total-${service}`}>{lag.data ? lag.data.total : lag.error ? errorText(lag.error) : '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {lag.data ? (
        <Table
          size="small"
          rowKey={(r) => `${r.topic}/${r.partition}`}
          pagination={false}
          data-testid={`lag-${service}`}
          dataSource={[...lag.data.partitions].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)}
          columns={[
            { title: '主题', dataIndex: 'topic' },
            { title: '分区', dataIndex: 'partition', width: 60 },
            {
              title: '延迟（条）',
              dataIndex: 'lag',
              width: 90,
              render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : undefined}>{n}</Typography.Text>,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/** A replay or discard names its reason; the confirmation says what will happen. */
function ActionWithReason({
  title,
  danger,
  onConfirm,
  testId,
}: {
  title: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)} data-testid={testId}>
        {title}
      </Button>
      <Modal
        open={open}
        title={`确认${title}`}
        okText={`确认${title}`}
        okButtonProps={{ danger, disabled: reason.trim().length < 2 }}
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          setBusy(true);
          setError(null);
          try {
            await onConfirm(reason.trim());
            setOpen(false);
            setReason('');
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <ErrorAlert error={error} />
        <Typography.Paragraph>
          {danger ? '丢弃后该消息不再处理，其后等待的同键消息将继续。' : '重放将按原顺序重新处理该消息及其后等待的同键消息。'}
          操作人与理由将被记录。
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          placeholder="理由（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="ops-reason"
        />
      </Modal>
    </>
  );
}

function DeadLetters() {
  const [service, setService] = useState<Service>('routing');
  const [status, setStatus] = useState<'parked' | 'replayed' | 'discarded' | undefined>('parked');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const c = opsClient(service);
  const list = useQuery({
    queryKey: ['ops', 'dead-letters', service, status],
    refetchInterval: 15000,
    queryFn: () => call<DeadLetter[]>(c.GET('/ops/messaging/dead-letters', { params: { query: status ? { status } : {} } })),
  });
  const parked = useQuery({
    queryKey: ['ops', 'parked', service],
    refetchInterval: 15000,
    queryFn: () => call<ParkedKey[]>(c.GET('/ops/messaging/parked')),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['ops'] });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={service}
          onChange={setService}
          style={{ width: 220 }}
          options={SERVICES.map((s) => ({ value: s, label: SERVICE_NAME[s] }))}
          data-testid="ops-service"
        />
        <Select
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'parked', label: '待处理' },
            { value: 'replayed', label: '已重放' },
            { value: 'discarded', label: '已丢弃' },
          ]}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<DeadLetter>
        data-testid="dead-letters"
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有死信' }}
        columns={[
          { title: '时间', render: (_, d) => formatTime(d.createdAt) },
          {
            title: '主题/键',
            render: (_, d) => (
              <>
                <div>{d.topic}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.key ?? '—'} · 分区 {d.partition} · 位移 {d.offset}
                </Typography.Text>
              </>
            ),
          },
          { title: '事件', render: (_, d) => d.eventType ?? '—' },
          {
            title: '错误',
            render: (_, d) => (
              <Typography.Text type="danger" ellipsis={{ tooltip: d.error }} style={{ maxWidth: 320 }}>
                {d.error}
              </Typography.Text>
            ),
          },
          { title: '次数', dataIndex: 'attempts' },
          {
            title: '状态',
            render: (_, d) => (
              <Tag color={d.status === 'parked' ? 'red' : d.status === 'replayed' ? 'green' : 'default'}>
                {{ parked: '待处理', replayed: '已重放', discarded: '已丢弃' }[d.status]}
              </Tag>
            ),
          },
          {
            title: '操作',
            render: (_, d) =>
              d.status === 'parked' ? (
                <Space>
                  <ActionWithReason
                    title="重放"
                    testId={`replay-${d.id}`}
                    onConfirm={(reason) =>
                      call<ResolveResult>(
                        c.POST('/ops/messaging/dead-letters/{id}/replay', { params: { path: { id: d.id } }, body: { reason } }),
                      ).then((result) => {
                        // A message still refused stays parked: the page says so rather than 已重放.
                        if (result.ok) void message.success(`已重放${result.applied ? `，其后等待的 ${result.applied} 条已处理` : ''}`);
                        else void message.error(`重放未成功，仍待处理：${result.error ?? '处理失败'}`);
                        refresh();
                      })
                    }
                  />
                  <ActionWithReason
                    title="丢弃"
                    danger
                    testId={`discard-${d.id}`}
                    onConfirm={(reason) =>
                      call(c.POST('/ops/messaging/dead-letters/{id}/discard', { params: { path: { id: d.id } }, body: { reason } })).then(
                        () => {
                          void message.success('已丢弃');
                          refresh();
                        },
                      )
                    }
                  />
                </Space>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5}>暂停的消息键（排在死信之后等待）</Typography.Title>
      <ErrorAlert error={parked.error} />
      <Table<ParkedKey>
        data-testid="parked-keys"
        rowKey={(p) => `${p.topic}/${p.key}`}
        size="small"
        dataSource={parked.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有等待中的键' }}
        columns={[
          { title: '主题', dataIndex: 'topic' },
          { title: '键', dataIndex: 'key' },
          { title: '等待消息数', dataIndex: 'waiting' },
          { title: '死信', dataIndex: 'id' },
        ]}
      />
    </>
  );
}

function DeadDeliveries() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: ['ops', 'deliveries'],
    refetchInterval: 15000,
    queryFn: () =>
      call<Delivery[] | { items: Delivery[] }>(
        notification.GET('/ops/deliveries', { params: { query: { status: 'dead', limit: 200 } } }),
      ).then((r) => (Array.isArray(r) ? r : r.items)),
  });
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<Delivery>
        data-testid="dead-deliveries"
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有投递失败的通知' }}
        columns={[
          { title: '渠道', dataIndex: 'channel' },
          { title: '地址（掩码）', render: (_, d) => d.address ?? '—' },
          { title: '次数', render: (_, d) => d.attempts ?? '—' },
          { title: '原因', render: (_, d) => d.lastError ?? d.reason ?? '—' },
          { title: '时间', render: (_, d) => formatTime(d.updatedAt ?? d.createdAt) },
          {
            title: '操作',
            render: (_, d) => (
              <ActionWithReason
                title="重放"
                onConfirm={(reason) =>
                  call(notification.POST('/ops/deliveries/{id}/replay', { params: { path: { id: d.id } }, body: { reason } })).then(() => {
                    void message.success('已重新投递');
                    void qc.invalidateQueries({ queryKey: ['ops', 'deliveries'] });
                  })
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}

function Holidays() {
  const list = useQuery({
    queryKey: ['ops', 'arrangements'],
    queryFn: () => call<LoadedArrangement[]>(supervision.GET('/calendar/arrangements')),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">
        内置日历（chinese-days）之上已载入的国务院节假日安排；载入新年度由市级运维通过 POST /calendar/arrangements 完成。
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <Table<LoadedArrangement>
        data-testid="holiday-arrangements"
        rowKey="year"
        size="small"
        dataSource={list.data ?? []}
        locale={{ emptyText: '尚未载入（使用内置日历）' }}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '来源', render: (_, a) => a.source ?? '—' },
          { title: '版本', dataIndex: 'revision' },
          { title: '载入人', render: (_, a) => a.loadedBy ?? '—' },
          { title: '载入时间', render: (_, a) => formatTime(a.loadedAt) },
        ]}
      />
    </>
  );
}

/** 运维: each service's health and messaging, dead letters and parked keys, dead deliveries of notices, the calendar. */
export default function OpsPage() {
  return (
    <Card title="运维">
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'health',
            label: '服务状态',
            children: (
              <Row gutter={[12, 12]}>
                {SERVICES.map((s) => (
                  <Col xs={24} md={12} xl={8} key={s}>
                    <HealthCard service={s} />
                  </Col>
                ))}
              </Row>
            ),
          },
          { key: 'dead-letters', label: '死信与暂停键', children: <DeadLetters /> },
          { key: 'deliveries', label: '通知投递失败', children: <DeadDeliveries /> },
          { key: 'holidays', label: '节假日安排', children: <Holidays /> },
        ]}
      />
    </Card>
  );
}
