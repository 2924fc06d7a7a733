import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { supervision } from '../../api/client';
import { call, errorText } from '../../api/errors';
import { DueTag } from '../../components/DueTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCategoryName } from '../../components/part1/categories';
import { BacklogButton, IssueOrderButton, ReportUpButton } from '../../components/supervision/CaseActions';
import { FilterBar, type ListFilter, withinPeriod, withinPlace } from '../../components/supervision/Filters';
import { ALERT_KIND, ALERT_LEVEL, CLOCK_KIND, CLOCK_STATUS, ORDER_STATUS, ORDER_TRIGGER } from '../../components/supervision/words';
import { UnitName } from '../../components/UnitName';
import { label, STAGE, STATUS } from '../../labels';
import { currentSession, hasRole } from '../../session';
import { formatDate, formatTime } from '../../time';
import type { AlertRow, BacklogRow, CaseRow, ClockRow, EscalationRow, LeaderRow, OrderRow } from './views';

const caseLink = (caseId: string, caseNumber: string | null) => <Link to={`/cases/${caseId}`}>{caseNumber ?? caseId.slice(0, 8)}</Link>;

/** 期限台账: the clocks of the territory (overdue, running, paused), by unit and due date; an order from any row. */
function ClockLedger() {
  const [status, setStatus] = useState<string>('overdue');
  const [filter, setFilter] = useState<ListFilter>({});
  const clocks = useQuery({
    queryKey: ['supervision', 'clocks', status, filter.unitId],
    refetchInterval: 30000,
    queryFn: () =>
      call<ClockRow[]>(
        supervision.GET('/clocks', {
          params: { query: { ...(status ? { status } : {}), ...(filter.unitId ? { unitId: filter.unitId } : {}), limit: 500 } },
        }),
      ),
  });
  const rows = (clocks.data ?? []).filter((c) => withinPeriod(c.dueAt, filter.period));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          value={status}
          style={{ width: 140 }}
          onChange={setStatus}
          options={[
            { value: 'overdue', label: '已逾期' },
            { value: 'running', label: '计时中（含临期）' },
            { value: 'paused', label: '暂停' },
            { value: '', label: '全部' },
          ]}
          data-testid="clock-status"
        />
      </Space>
      <FilterBar value={filter} onChange={setFilter} fields={['unit', 'period']} periodLabel="到期" />
      <ErrorAlert error={clocks.error} />
      <Table<ClockRow>
        data-testid="clock-ledger"
        rowKey="clockId"
        size="small"
        loading={clocks.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '信访件编号', render: (_, c) => caseLink(c.caseId, c.caseNumber) },
          { title: '期限', render: (_, c) => label(CLOCK_KIND, c.kind) },
          { title: '依据', dataIndex: 'article' },
          { title: '阶段', render: (_, c) => label(STAGE, c.stage) },
          { title: '责任单位', render: (_, c) => <UnitName id={c.unitId} /> },
          { title: '最后一日', render: (_, c) => formatDate(c.lastDay) },
          {
            title: '到期',
            sorter: (a, b) => a.dueAt.localeCompare(b.dueAt),
            defaultSortOrder: 'ascend',
            render: (_, c) =>
              c.status === 'running' || c.status === 'overdue' ? (
                <DueTag dueAt={c.dueAt} provisional={c.provisional} />
              ) : (
                formatTime(c.dueAt)
              ),
          },
          {
            title: '状态',
            render: (_, c) => (
              <Tag color={c.status === 'overdue' ? 'red' : c.status === 'running' ? 'blue' : 'default'}>
                {label(CLOCK_STATUS, c.status)}
              </Tag>
            ),
          },
          { title: '操作', render: (_, c) => <IssueOrderButton caseId={c.caseId} caseNumber={c.caseNumber} unitId={c.unitId} /> },
        ]}
      />
    </>
  );
}

/** 辖区事项: the cases of the territory by the service's own filters (overdue, supervised, backlog; unit, place, category). */
function TerritoryCases() {
  const categoryOf = useCategoryName();
  const [filter, setFilter] = useState<ListFilter>({});
  const [flag, setFlag] = useState<'overdue' | 'supervised' | 'backlog' | ''>('overdue');
  const [page, setPage] = useState(1);
  const cases = useQuery({
    queryKey: ['supervision', 'cases', filter, flag, page],
    queryFn: () =>
      call<{ items: CaseRow[]; total: number }>(
        supervision.GET('/cases', {
          params: {
            query: {
              ...(flag ? { [flag]: 'true' as const } : {}),
              ...(filter.unitId ? { holdingUnitId: filter.unitId } : {}),
              ...(filter.place ? { division: filter.place } : {}),
              ...(filter.category ? { category: filter.category } : {}),
              limit: 50,
              offset: (page - 1) * 50,
            },
          },
        }),
      ),
  });
  const rows = (cases.data?.items ?? []).filter((c) => withinPeriod(c.registeredAt, filter.period));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          value={flag}
          style={{ width: 140 }}
          onChange={(v) => {
            setFlag(v);
            setPage(1);
          }}
          options={[
            { value: 'overdue', label: '逾期事项' },
            { value: 'supervised', label: '已督办' },
            { value: 'backlog', label: '积案' },
            { value: '', label: '全部事项' },
          ]}
        />
      </Space>
      <FilterBar
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
        periodLabel="登记"
      />
      <ErrorAlert error={cases.error} />
      <Table<CaseRow>
        data-testid="territory-cases"
        rowKey="caseId"
        size="small"
        loading={cases.isPending}
        dataSource={rows}
        pagination={{ current: page, pageSize: 50, total: cases.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '信访件编号', render: (_, c) => caseLink(c.caseId, c.caseNumber) },
          { title: '事由', render: (_, c) => c.subject ?? <Typography.Text type="secondary">（无权查看）</Typography.Text> },
          { title: '发生地', render: (_, c) => c.placeName ?? c.placeCode ?? '—' },
          { title: '类别', render: (_, c) => categoryOf(c.category) },
          { title: '承办单位', render: (_, c) => c.holdingUnitName ?? <UnitName id={c.holdingUnitId} /> },
          {
            title: '状态',
            render: (_, c) => (
              <Space size={4}>
                {label(STATUS, c.status)}
                {c.overdue ? <Tag color="red">逾期</Tag> : null}
                {c.supervised ? <Tag color="purple">督办</Tag> : null}
                {c.backlog ? <Tag color="volcano">积案</Tag> : null}
                {c.leaderRef ? <Tag color="gold">包案</Tag> : null}
              </Space>
            ),
          },
          { title: '登记', render: (_, c) => formatDate(c.registeredAt) },
          {
            title: '操作',
            render: (_, c) => (
              <Space size={4}>
                <IssueOrderButton caseId={c.caseId} caseNumber={c.caseNumber} unitId={c.holdingUnitId} />
                <BacklogButton caseId={c.caseId} />
                <ReportUpButton caseId={c.caseId} />
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** 督办单: issued or received; 催办 an open one, answer one received. */
function Orders() {
  const session = currentSession();
  const [direction, setDirection] = useState<'issued' | 'received'>(
    hasRole(session, 'supervisor', 'leader', 'dispatcher') ? 'issued' : 'received',
  );
  const [status, setStatus] = useState<'open' | 'answered' | 'overdue' | undefined>(undefined);
  const [filter, setFilter] = useState<ListFilter>({});
  const qc = useQueryClient();
  const { message } = App.useApp();
  const orders = useQuery({
    queryKey: ['supervision', 'orders', direction, status],
    refetchInterval: 30000,
    queryFn: () =>
      call<OrderRow[]>(supervision.GET('/supervision-orders', { params: { query: { direction, ...(status ? { status } : {}) } } })),
  });
  const remind = useMutation({
    mutationFn: (orderId: string) =>
      call<OrderRow>(supervision.POST('/supervision-orders/{orderId}/reminders', { params: { path: { orderId } }, body: {} })),
    onSuccess: () => {
      void message.success('已催办');
      void qc.invalidateQueries({ queryKey: ['supervision', 'orders'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const rows = (orders.data ?? []).filter((o) => (!filter.unitId || o.unitId === filter.unitId) && withinPeriod(o.issuedAt, filter.period));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          value={direction}
          style={{ width: 140 }}
          onChange={setDirection}
          options={[
            { value: 'issued', label: '本单位发出' },
            { value: 'received', label: '本单位收到' },
          ]}
          data-testid="order-direction"
        />
        <Select
          allowClear
          placeholder="状态"
          value={status}
          style={{ width: 140 }}
          onChange={setStatus}
          options={Object.entries(ORDER_STATUS).map(([value, l]) => ({ value, label: l }))}
        />
      </Space>
      <FilterBar value={filter} onChange={setFilter} fields={['unit', 'period']} periodLabel="发出" />
      <ErrorAlert error={orders.error} />
      <Table<OrderRow>
        data-testid="order-list"
        rowKey="orderId"
        size="small"
        loading={orders.isPending}
        dataSource={rows}
        expandable={{
          rowExpandable: (o) => !!o.answerSummary,
          expandedRowRender: (o) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`order-answer-${o.orderId}`}>
              回复（{formatTime(o.answeredAt)}）：{o.answerSummary}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '信访件编号', render: (_, o) => caseLink(o.caseId, o.caseNumber) },
          { title: '被督办单位', render: (_, o) => <UnitName id={o.unitId} /> },
          {
            title: '督办事由',
            render: (_, o) => (
              <>
                {label(ORDER_TRIGGER, o.trigger)}
                {o.reason.text ? `：${o.reason.text}` : ''}
              </>
            ),
          },
          { title: '发出', render: (_, o) => formatTime(o.issuedAt) },
          {
            title: '限期回复',
            render: (_, o) =>
              o.status === 'answered' ? formatTime(o.answerDueAt) : <DueTag dueAt={o.answerDueAt} provisional={o.answerDueProvisional} />,
          },
          {
            title: '状态',
            render: (_, o) => (
              <Space size={4}>
                <Tag color={o.status === 'overdue' ? 'red' : o.status === 'answered' ? 'green' : 'blue'}>
                  {label(ORDER_STATUS, o.status)}
                </Tag>
                {o.reminders ? <Badge count={`催办 ${o.reminders}`} color="orange" /> : null}
                {o.escalationStep ? <Tag color="magenta">提级 {o.escalationStep}</Tag> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, o) =>
              o.status === 'answered' ? null : direction === 'issued' ? (
                <Popconfirm title="向被督办单位催办？" okText="催办" cancelText="取消" onConfirm={() => remind.mutateAsync(o.orderId)}>
                  <Button size="small">催办</Button>
                </Popconfirm>
              ) : (
                <AnswerOrder order={o} />
              ),
          },
        ]}
      />
    </>
  );
}

function AnswerOrder({ order }: { order: OrderRow }) {
  const [summary, setSummary] = useState('');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const answer = useMutation({
    mutationFn: () =>
      call<OrderRow>(
        supervision.POST('/supervision-orders/{orderId}/answer', { params: { path: { orderId: order.orderId } }, body: { summary } }),
      ),
    onSuccess: () => {
      void message.success('已书面回复');
      void qc.invalidateQueries({ queryKey: ['supervision', 'orders'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Space.Compact>
      <Input size="small" placeholder="书面回复" value={summary} onChange={(e) => setSummary(e.target.value)} style={{ width: 200 }} />
      <Button size="small" type="primary" disabled={summary.trim().length < 2} loading={answer.isPending} onClick={() => answer.mutate()}>
        回复
      </Button>
    </Space.Compact>
  );
}

function Escalations() {
  const [filter, setFilter] = useState<ListFilter>({});
  const list = useQuery({
    queryKey: ['supervision', 'escalations'],
    queryFn: () => call<EscalationRow[]>(supervision.GET('/escalations', { params: { query: { limit: 500 } } })),
  });
  const rows = (list.data ?? []).filter(
    (e) => (!filter.unitId || e.unitId === filter.unitId || e.toUnitId === filter.unitId) && withinPeriod(e.escalatedAt, filter.period),
  );
  return (
    <>
      <FilterBar value={filter} onChange={setFilter} fields={['unit', 'period']} periodLabel="提级" />
      <ErrorAlert error={list.error} />
      <Table<EscalationRow>
        rowKey={(e) => `${e.caseId}-${e.policyStep}-${e.escalatedAt}`}
        size="small"
        loading={list.isPending}
        dataSource={rows}
        columns={[
          { title: '信访件编号', render: (_, e) => caseLink(e.caseId, e.caseNumber) },
          { title: '责任单位', render: (_, e) => <UnitName id={e.unitId} /> },
          { title: '由', render: (_, e) => <UnitName id={e.fromUnitId} /> },
          { title: '提级至', render: (_, e) => <UnitName id={e.toUnitId} /> },
          { title: '级次', dataIndex: 'policyStep' },
          { title: '原因', dataIndex: 'reasonCode' },
          { title: '时间', render: (_, e) => formatTime(e.escalatedAt) },
        ]}
      />
    </>
  );
}

function LeaderCases() {
  const categoryOf = useCategoryName();
  const [filter, setFilter] = useState<ListFilter>({});
  const list = useQuery({ queryKey: ['supervision', 'leader'], queryFn: () => call<LeaderRow[]>(supervision.GET('/leader/cases')) });
  const rows = (list.data ?? []).filter(
    (c) =>
      (!filter.unitId || c.holdingUnitId === filter.unitId) &&
      withinPlace(c.placeCode, filter.place) &&
      (!filter.category || c.category === filter.category) &&
      withinPeriod(c.assignedAt, filter.period),
  );
  return (
    <>
      <FilterBar value={filter} onChange={setFilter} periodLabel="包案" />
      <ErrorAlert error={list.error} />
      <Table<LeaderRow>
        rowKey="caseId"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: '暂无包案事项' }}
        columns={[
          { title: '信访件编号', render: (_, c) => caseLink(c.caseId, c.caseNumber) },
          { title: '类别', render: (_, c) => categoryOf(c.category) },
          { title: '承办单位', render: (_, c) => <UnitName id={c.holdingUnitId} /> },
          {
            title: '状态',
            render: (_, c) => (
              <>
                {label(STATUS, c.status)}
                {c.overdue ? (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    逾期
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: '包案时间', render: (_, c) => formatTime(c.assignedAt) },
        ]}
      />
    </>
  );
}

function Backlog() {
  const [status, setStatus] = useState<'registered' | 'cleared'>('registered');
  const [filter, setFilter] = useState<ListFilter>({});
  const list = useQuery({
    queryKey: ['supervision', 'backlog', status],
    queryFn: () => call<BacklogRow[]>(supervision.GET('/backlog', { params: { query: { status } } })),
  });
  const rows = (list.data ?? []).filter(
    (b) => (!filter.unitId || b.unitId === filter.unitId) && withinPeriod(b.registeredAt, filter.period),
  );
  return (
    <>
      <Select
        value={status}
        onChange={setStatus}
        style={{ width: 140, marginBottom: 8 }}
        options={[
          { value: 'registered', label: '在册积案' },
          { value: 'cleared', label: '已化解销号' },
        ]}
      />
      <FilterBar value={filter} onChange={setFilter} fields={['unit', 'period']} periodLabel="列入" />
      <ErrorAlert error={list.error} />
      <Table<BacklogRow>
        rowKey="caseId"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        columns={[
          { title: '信访件编号', render: (_, b) => caseLink(b.caseId, b.caseNumber) },
          { title: '责任单位', render: (_, b) => <UnitName id={b.unitId} /> },
          { title: '事项状态', render: (_, b) => label(STATUS, b.caseStatus) },
          { title: '化解方案', render: (_, b) => b.plan ?? '—' },
          { title: '计划化解', render: (_, b) => b.planDueDate ?? '—' },
          { title: '列入', render: (_, b) => formatDate(b.registeredAt) },
          { title: '销号', render: (_, b) => formatDate(b.clearedAt) },
        ]}
      />
    </>
  );
}

function Alerts() {
  const categoryOf = useCategoryName();
  const [filter, setFilter] = useState<ListFilter>({});
  const list = useQuery({
    queryKey: ['supervision', 'alerts'],
    refetchInterval: 30000,
    queryFn: () => call<AlertRow[]>(supervision.GET('/alerts', { params: { query: { limit: 500 } } })),
  });
  const rows = (list.data ?? []).filter(
    (a) =>
      withinPlace(a.divisionCode, filter.place) &&
      (!filter.category || a.category === filter.category) &&
      withinPeriod(a.raisedAt, filter.period),
  );
  return (
    <>
      <FilterBar value={filter} onChange={setFilter} fields={['place', 'category', 'period']} periodLabel="预警" />
      <ErrorAlert error={list.error} />
      <Table<AlertRow>
        rowKey="alertId"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        columns={[
          {
            title: '预警',
            render: (_, a) => (
              <Tag color={a.level === 'major' ? 'red' : 'orange'}>
                {label(ALERT_LEVEL, a.level)} · {label(ALERT_KIND, a.kind)}
              </Tag>
            ),
          },
          { title: '区划', dataIndex: 'divisionCode' },
          { title: '类别', render: (_, a) => categoryOf(a.category) },
          { title: '数量/阈值', render: (_, a) => `${a.count} / ${a.threshold}` },
          { title: '敏感时期', render: (_, a) => a.sensitivePeriod ?? '—' },
          {
            title: '事项',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.caseIds.slice(0, 5).map((id) => (
                  <Link key={id} to={`/cases/${id}`}>
                    {id.slice(0, 8)}
                  </Link>
                ))}
                {a.caseIds.length > 5 ? `等 ${a.caseIds.length} 件` : null}
              </Space>
            ),
          },
          { title: '时间', render: (_, a) => formatTime(a.raisedAt) },
        ]}
      />
    </>
  );
}

/** 督查督办: the supervisor's workbench over the supervision service. */
export default function SupervisionPage() {
  const session = currentSession();
  const tabs = useMemo(
    () => [
      { key: 'clocks', label: '期限台账', children: <ClockLedger /> },
      { key: 'cases', label: '辖区事项', children: <TerritoryCases /> },
      { key: 'orders', label: '督办单', children: <Orders /> },
      { key: 'escalations', label: '提级督办', children: <Escalations /> },
      ...(hasRole(session, 'leader') ? [{ key: 'leader', label: '我的包案', children: <LeaderCases /> }] : []),
      { key: 'backlog', label: '积案台账', children: <Backlog /> },
      { key: 'alerts', label: '预警', children: <Alerts /> },
    ],
    [session],
  );
  return (
    <Card title="督查督办">
      <Tabs items={tabs} destroyOnHidden />
    </Card>
  );
}
