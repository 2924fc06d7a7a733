import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';

import type { Answer } from '../../api/answer';
import { client, notification, supervision } from '../../api/client';
import { call, errorText } from '../../api/errors';
import type { paths as NotificationPaths } from '../../api/generated/notification';
import type { paths as RoutingPaths } from '../../api/generated/routing';
import type { paths as SupervisionPaths } from '../../api/generated/supervision';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitName } from '../../components/UnitName';
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

/**
 * The /ops/messaging endpoints are the platform's one DeadLetterController: the same paths, bodies and documented answers
 * in every service's document. Typed once, from routing's document; one client per service.
 */
type MessagingPaths = Pick<RoutingPaths, Extract<keyof RoutingPaths, `/ops/messaging/${string}`>>;
const MESSAGING: Record<Service, ReturnType<typeof client<MessagingPaths>>> = {
  intake: client<MessagingPaths>('intake'),
  routing: client<MessagingPaths>('routing'),
  supervision: client<MessagingPaths>('supervision'),
  notification: client<MessagingPaths>('notification'),
  evaluation: client<MessagingPaths>('evaluation'),
};

interface Health {
  readonly status: string;
  readonly info?: Record<string, { status: string; [k: string]: unknown }>;
  readonly error?: Record<string, { status: string; message?: string; [k: string]: unknown }>;
}

/** GET /ops/messaging/stats: the consumer's counters. */
type Stats = Answer<MessagingPaths, '/ops/messaging/stats', 'get'>;
/** GET /ops/messaging/lag: the group's lag per topic and partition (the same read as /metrics' kafka_consumer_lag). */
type Lag = Answer<MessagingPaths, '/ops/messaging/lag', 'get'>;
/** GET /ops/messaging/dead-letters (one dead letter, without its message). */
type DeadLetter = Answer<MessagingPaths, '/ops/messaging/dead-letters', 'get'>[number];
/** What a replay did: ok false when the message is still refused. */
type ResolveResult = Answer<MessagingPaths, '/ops/messaging/dead-letters/{id}/replay', 'post'>;
/** GET /ops/messaging/parked (a key waiting behind a dead letter). */
type ParkedKey = Answer<MessagingPaths, '/ops/messaging/parked', 'get'>[number];

/** GET /api/notification/ops/deliveries (one delivery: masked address, the last failure). */
type Delivery = Answer<NotificationPaths, '/ops/deliveries', 'get'>[number];
type DeliveryStatus = Delivery['status'];

/** GET /api/supervision/calendar/arrangements (one arrangement loaded on top of the bundled calendar). */
type LoadedArrangement = Answer<SupervisionPaths, '/calendar/arrangements', 'get'>[number];

/** GET /api/supervision/calendar/days: a year's holidays and make-up workdays as the clocks count them. */
type CalendarYear = Answer<SupervisionPaths, '/calendar/days', 'get'>;

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
    queryFn: () => call<Stats>(MESSAGING[service].GET('/ops/messaging/stats')),
  });
  const lag = useQuery({
    queryKey: ['ops', 'lag', service],
    refetchInterval: 10000,
    retry: false,
    queryFn: () => call<Lag>(MESSAGING[service].GET('/ops/messaging/lag')),
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
              {stats.data.received} / {stats.data.applied}
            </Descriptions.Item>
            <Descriptions.Item label="重复/跳过">
              {stats.data.duplicates} / {stats.data.skipped}
            </Descriptions.Item>
            <Descriptions.Item label="失败/死信">
              {stats.data.failures} / {stats.data.deadLettered}
            </Descriptions.Item>
            <Descriptions.Item label="暂停的键">{stats.data.parked}</Descriptions.Item>
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
  const c = MESSAGING[service];
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
                      call<ResolveResult>(
                        c.POST('/ops/messaging/dead-letters/{id}/discard', { params: { path: { id: d.id } }, body: { reason } }),
                      ).then(() => {
                        void message.success('已丢弃');
                        refresh();
                      })
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
          { title: '死信', dataIndex: 'deadLetterId' },
        ]}
      />
    </>
  );
}

const DELIVERY_STATUS: Record<DeliveryStatus, string> = {
  pending: '待发送',
  queued: '排队中',
  sending: '发送存疑',
  delivered: '已送达',
  skipped: '已跳过',
  dead: '投递失败',
};
const CHANNEL_NAME: Record<Delivery['channel'], string> = { 'in-app': '站内', sms: '短信', email: '邮件', webhook: '单位接口' };

/** `unit:<unit id>` or `petitioner:<case id>`: a unit by its name, a petitioner only as such (no personal data here). */
function Recipient({ recipient }: { recipient: string }) {
  const [kind, id] = [recipient.slice(0, recipient.indexOf(':')), recipient.slice(recipient.indexOf(':') + 1)];
  if (kind === 'unit') return <UnitName id={id} />;
  if (kind === 'petitioner') return <>信访人</>;
  return <>{recipient}</>;
}

/** Notices that could not be delivered (dead, skipped; `sending` ones in doubt): the reason, and a replay with a reason. */
function DeadDeliveries() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DeliveryStatus>('dead');
  const list = useQuery({
    queryKey: ['ops', 'deliveries', status],
    refetchInterval: 15000,
    queryFn: () => call<Delivery[]>(notification.GET('/ops/deliveries', { params: { query: { status, limit: 200 } } })),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<DeliveryStatus>
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          data-testid="delivery-status"
          options={(['dead', 'skipped', 'sending'] as const).map((s) => ({ value: s, label: DELIVERY_STATUS[s] }))}
        />
        <Typography.Text type="secondary">投递失败的可重新投递（次数从零开始）；发送存疑的为已调用服务商但未得到结果。</Typography.Text>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Delivery>
        data-testid="dead-deliveries"
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: status === 'dead' ? '没有投递失败的通知' : '没有记录' }}
        columns={[
          { title: '时间', render: (_, d) => formatTime(d.updatedAt) },
          { title: '渠道', render: (_, d) => CHANNEL_NAME[d.channel] },
          { title: '收件', render: (_, d) => <Recipient recipient={d.recipient} /> },
          // notification's own name of the kind (its template's); a kind without a template shows its code.
          { title: '通知类型', render: (_, d) => d.kindName ?? d.kind },
          { title: '地址（掩码）', render: (_, d) => d.addressMasked ?? '—' },
          { title: '次数', dataIndex: 'attempts' },
          {
            title: '原因',
            render: (_, d) => (
              <Typography.Text type="danger" data-testid={`delivery-reason-${d.id}`}>
                {d.lastError ?? '—'}
              </Typography.Text>
            ),
          },
          { title: '状态', render: (_, d) => <Tag color={d.status === 'dead' ? 'red' : 'orange'}>{DELIVERY_STATUS[d.status]}</Tag> },
          {
            title: '操作',
            render: (_, d) =>
              d.status === 'dead' || d.status === 'skipped' ? (
                <ActionWithReason
                  title="重新投递"
                  testId={`redeliver-${d.id}`}
                  onConfirm={(reason) =>
                    call<Delivery>(
                      notification.POST('/ops/deliveries/{id}/replay', { params: { path: { id: d.id } }, body: { reason } }),
                    ).then((r) => {
                      void message.success(`已重新投递（${DELIVERY_STATUS[r.status]}）`);
                      void qc.invalidateQueries({ queryKey: ['ops', 'deliveries'] });
                    })
                  }
                />
              ) : null,
          },
        ]}
      />
    </>
  );
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const HOLIDAY_NAME: Record<CalendarYear['days'][number]['statutoryHolidays'][number], string> = {
  'new-year': '元旦',
  'spring-festival': '春节',
  qingming: '清明节',
  'labour-day': '劳动节',
  'dragon-boat': '端午节',
  'mid-autumn': '中秋节',
  'national-day': '国庆节',
};

/** The dates written in a box (one or more per line, separated by spaces, commas or 、), as YYYY-MM-DD. */
function datesIn(text: string): string[] {
  return [...new Set(text.match(/\d{4}-\d{2}-\d{2}/g) ?? [])].sort();
}

/**
 * 载入年度安排: the State Council's notice for a year, typed in (放假 days, 调休上班 days, the notice's number), sent to
 * supervision's POST /calendar/arrangements after a confirmation (every service recounts that year's provisional
 * deadlines); the service checks the dates (in the year, a 调休上班 day a weekend day) and answers in Chinese.
 */
function LoadArrangement({ year, onLoaded }: { year: number; onLoaded: (year: number) => void }) {
  const { message } = App.useApp();
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [source, setSource] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const off = datesIn(holidays);
  const on = datesIn(workdays);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        supervision.POST('/calendar/arrangements', {
          body: { year, holidays: off, workdays: on, ...(source.trim() ? { source: source.trim() } : {}) },
        }),
      );
      setOpen(false);
      setHolidays('');
      setWorkdays('');
      setSource('');
      void message.success(`已载入 ${year} 年节假日安排，各服务将按其重算期限`);
      onLoaded(year);
    } catch (e) {
      setError(e);
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`载入 ${year} 年节假日安排（国务院办公厅通知）`} style={{ marginBottom: 12 }} data-testid="arrangement-form">
      <ErrorAlert error={error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          placeholder="放假日期（含调休放假的周末），YYYY-MM-DD，空格、逗号或换行分隔"
          value={holidays}
          onChange={(e) => setHolidays(e.target.value)}
          data-testid="arrangement-holidays"
        />
        <Input.TextArea
          rows={1}
          placeholder="调休上班日期（周六或周日），YYYY-MM-DD"
          value={workdays}
          onChange={(e) => setWorkdays(e.target.value)}
          data-testid="arrangement-workdays"
        />
        <Input
          placeholder="来源（通知文号），如 国办发明电〔2026〕X号"
          maxLength={200}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          data-testid="arrangement-source"
        />
        <Space>
          <Typography.Text type="secondary" data-testid="arrangement-count">
            放假 {off.length} 天，调休上班 {on.length} 天
          </Typography.Text>
          <Button type="primary" disabled={off.length === 0} onClick={() => setOpen(true)} data-testid="arrangement-load">
            载入
          </Button>
        </Space>
      </Space>
      <Modal
        open={open}
        title={`确认载入 ${year} 年节假日安排`}
        okText="确认载入"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={load}
      >
        <Typography.Paragraph>
          载入后将发布到全部服务，{year} 年的期限按新安排重算（放假 {off.length} 天，调休上班 {on.length} 天）。操作人将被记录。
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

/** The working-day calendar the clocks count with: a year's 放假 and 调休上班 days, and the arrangements loaded. */
function Holidays() {
  const qc = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const days = useQuery({
    queryKey: ['ops', 'calendar', year],
    queryFn: () => call<CalendarYear>(supervision.GET('/calendar/days', { params: { query: { year } } })),
    refetchInterval: 5000,
  });
  const list = useQuery({
    queryKey: ['ops', 'arrangements'],
    queryFn: () => call<LoadedArrangement[]>(supervision.GET('/calendar/arrangements')),
    // A load is published to every service and reaches supervision's own list a moment after the 202: read again.
    refetchInterval: 5000,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        年度
        <InputNumber<number>
          min={2000}
          max={2099}
          value={year}
          onChange={(v) => v !== null && v >= 2000 && v <= 2099 && setYear(v)}
          data-testid="calendar-year"
        />
        {days.data ? (
          days.data.published ? (
            <Tag color="green" data-testid="calendar-published">
              已发布安排（{days.data.source ?? '—'}）
            </Tag>
          ) : (
            <Tag color="orange" data-testid="calendar-published">
              尚未发布：按法定节日临时计算，发布后期限将重算
            </Tag>
          )
        ) : null}
      </Space>
      <LoadArrangement year={year} onLoaded={() => void qc.invalidateQueries({ queryKey: ['ops'] })} />
      <ErrorAlert error={days.error} />
      <Table<CalendarYear['days'][number]>
        data-testid="calendar-days"
        rowKey="date"
        size="small"
        loading={days.isPending}
        dataSource={[...(days.data?.days ?? [])]}
        pagination={false}
        locale={{ emptyText: '该年度没有节假日或调休' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '星期', render: (_, d) => WEEKDAY[new Date(`${d.date}T12:00:00Z`).getUTCDay()] },
          {
            title: '安排',
            render: (_, d) => (d.kind === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>),
          },
          { title: '节日', render: (_, d) => d.statutoryHolidays.map((h) => HOLIDAY_NAME[h]).join('、') || '—' },
        ]}
      />
      <Typography.Title level={5}>已载入的年度安排</Typography.Title>
      <Typography.Paragraph type="secondary">
        内置日历（chinese-days）之上已载入的国务院节假日安排（仅市级单位的运维可以载入）。
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
