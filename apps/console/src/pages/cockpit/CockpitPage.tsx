import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Drawer, List, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';

import { evaluation, supervision } from '../../api/client';
import { call, errorText } from '../../api/errors';
import { Chart } from '../../components/cockpit/Chart';
import { countyOf, townshipOf, useDivisionNames } from '../../components/cockpit/divisions';
import { type StatusChange, useLiveFeed } from '../../components/cockpit/useLiveFeed';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCategoryName } from '../../components/part1/categories';
import { UnitName } from '../../components/UnitName';
import { CHANNEL, label, STATUS } from '../../labels';
import { currentSession } from '../../session';
import { formatTime, shanghai } from '../../time';
import type { CaseRow, ClockRow } from '../supervision/views';
import type { FigureCase, FigurePart, KpiFigures, KpiReport, PublishedRanking, RankingPreview, StoredReport } from './views';

type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year';
const PERIODS: Array<{ value: PeriodKind; label: string }> = [
  { value: 'day', label: '日' },
  { value: 'week', label: '周' },
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季' },
  { value: 'year', label: '年' },
];

/**
 * The six KPIs of issue 16, by their field in the evaluation service's figures, with the metrics (and outcomes) their
 * numerator and denominator count, as libs/domain's kpiFigures computes them: each part drills down to its cases.
 */
const KPIS: Array<{
  key: keyof KpiFigures;
  name: string;
  numerator: readonly FigurePart[];
  denominator: readonly FigurePart[];
}> = [
  {
    key: 'timelyAcceptance',
    name: '及时受理率',
    numerator: [{ metric: 'acceptance', outcome: 'on-time' }],
    denominator: [{ metric: 'acceptance' }],
  },
  { key: 'onTimeReply', name: '按期答复率', numerator: [{ metric: 'reply', outcome: 'on-time' }], denominator: [{ metric: 'reply' }] },
  { key: 'ratingParticipation', name: '参评率', numerator: [{ metric: 'rating-handling-unit' }], denominator: [{ metric: 'replied' }] },
  {
    key: 'satisfactionHandling',
    name: '满意率',
    numerator: [
      { metric: 'rating-handling-unit', outcome: 'satisfied' },
      { metric: 'rating-handling-unit', outcome: 'basically-satisfied' },
    ],
    denominator: [{ metric: 'rating-handling-unit' }],
  },
  {
    key: 'onceResolution',
    name: '一次性化解率',
    numerator: [{ metric: 'settlement', outcome: 'once' }],
    denominator: [{ metric: 'settlement' }],
  },
  { key: 'repeatRate', name: '重复信访率', numerator: [{ metric: 'repeat' }], denominator: [{ metric: 'volume' }] },
];

/** A figure's drill-down: its title and the metric parts whose cases make it up. */
interface FigureDrill {
  readonly title: string;
  readonly parts: readonly FigurePart[];
}

const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
const change = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}`);

/** Live: supervision's feed of status changes in the territory, with counts moving as it runs. */
function LiveFeed() {
  const [changes, setChanges] = useState<StatusChange[]>([]);
  const [byStatus, setByStatus] = useState<Record<string, number>>({});
  const qc = useQueryClient();
  const onChange = useCallback((c: StatusChange) => {
    setChanges((list) => (list.some((x) => x.eventId === c.eventId) ? list : [c, ...list].slice(0, 50)));
    setByStatus((m) => ({ ...m, [c.status ?? '—']: (m[c.status ?? '—'] ?? 0) + 1 }));
  }, []);
  const onReset = useCallback(() => void qc.invalidateQueries(), [qc]);
  const feed = useLiveFeed(onChange, onReset);
  const registered = byStatus['registered'] ?? 0;
  return (
    <Card
      size="small"
      title={
        <Space>
          实时动态{' '}
          <Badge
            status={feed.state === 'open' ? 'processing' : 'warning'}
            text={feed.state === 'open' ? '已连接' : feed.state === 'connecting' ? '连接中' : `重连中（第 ${feed.reconnects} 次）`}
          />
        </Space>
      }
      data-testid="live-feed"
    >
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col span={8}>
          <Statistic
            title="本次收到变化"
            value={changes.length >= 50 ? `${Object.values(byStatus).reduce((a, b) => a + b, 0)}` : changes.length}
          />
        </Col>
        <Col span={8}>
          <Statistic title="新登记" value={registered} valueStyle={{ color: '#cf1322' }} data-testid="live-registered" />
        </Col>
        <Col span={8}>
          <Statistic title="办结/答复" value={(byStatus['closed'] ?? 0) + (byStatus['replied'] ?? 0)} />
        </Col>
      </Row>
      <List
        size="small"
        style={{ maxHeight: 260, overflow: 'auto' }}
        dataSource={changes}
        locale={{ emptyText: '等待新的状态变化…' }}
        renderItem={(c) => (
          <List.Item data-testid="live-item">
            <Space size={6} wrap>
              <Typography.Text type="secondary">{shanghai(c.occurredAt).format('HH:mm:ss')}</Typography.Text>
              <Link to={`/cases/${c.caseId}`}>{c.caseNumber ?? c.caseId.slice(0, 8)}</Link>
              {c.fromStatus ? <>{label(STATUS, c.fromStatus)} →</> : null}
              <Tag color={c.status === 'registered' ? 'red' : 'blue'}>{label(STATUS, c.status)}</Tag>
              {c.holdingUnitId ? <UnitName id={c.holdingUnitId} /> : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Kpis({ report, onDrill }: { report: KpiReport | undefined; onDrill: (d: FigureDrill) => void }) {
  if (!report) return null;
  const f = report.figures;
  const volume: FigurePart[] = [{ metric: 'volume' }];
  /** A figure that opens the cases behind it. */
  const drillable = (testId: string, d: FigureDrill, children: ReactNode) => (
    <Typography.Link data-testid={testId} onClick={() => onDrill(d)}>
      {children}
    </Typography.Link>
  );
  return (
    <Row gutter={[12, 12]} data-testid="kpi-cards">
      <Col xs={12} md={6} lg={3}>
        <Card size="small" hoverable onClick={() => onDrill({ title: '批次', parts: volume })} data-testid="kpi-cases">
          <Statistic title="批次" value={f.counts.cases} />
          <Typography.Text type="secondary">环比 {report.previous.figures.counts.cases}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Card size="small" hoverable onClick={() => onDrill({ title: '人次', parts: volume })} data-testid="kpi-persons">
          <Statistic title="人次" value={f.counts.persons} />
          <Typography.Text type="secondary">同比 {report.lastYear.figures.counts.persons}</Typography.Text>
        </Card>
      </Col>
      {KPIS.map((k) => {
        const r = f[k.key] as { rate: number | null; numerator: number; denominator: number };
        return (
          <Col xs={12} md={6} lg={3} key={k.key}>
            <Card size="small">
              <Statistic title={k.name} value={pct(r.rate)} data-testid={`kpi-${k.key}`} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {drillable(`kpi-${k.key}-numerator`, { title: `${k.name}（分子）`, parts: k.numerator }, r.numerator)}/
                {drillable(`kpi-${k.key}-denominator`, { title: `${k.name}（分母）`, parts: k.denominator }, r.denominator)} · 环比{' '}
                {change(report.change.monthOnMonth[k.key])} · 同比 {change(report.change.yearOnYear[k.key])}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * The cases behind a KPI figure, read from evaluation's /kpis/cases for the same period and territory (one read per
 * part: a numerator of two outcomes is two reads), as far as the viewer may see them.
 */
function FigureDrillDown({
  drill,
  period,
  date,
  division,
  onClose,
}: {
  drill: FigureDrill | null;
  period: PeriodKind;
  date: string;
  division: string | undefined;
  onClose: () => void;
}) {
  const cases = useQuery({
    queryKey: ['cockpit', 'figure-cases', drill?.parts, period, date, division],
    enabled: !!drill,
    queryFn: async () => {
      const pages = await Promise.all(
        (drill?.parts ?? []).map((p) =>
          call<{ items: FigureCase[]; total: number }>(
            evaluation.GET('/kpis/cases', {
              params: {
                query: {
                  period,
                  date,
                  metric: p.metric,
                  limit: 500,
                  ...(p.outcome ? { outcome: p.outcome } : {}),
                  ...(division ? { division } : {}),
                },
              },
            }),
          ),
        ),
      );
      return { items: pages.flatMap((p) => p.items), total: pages.reduce((n, p) => n + p.total, 0) };
    },
  });
  return (
    <DrillDown
      title={drill?.title ?? null}
      cases={cases.data?.items ?? []}
      total={cases.data?.total}
      loading={cases.isPending}
      error={cases.error}
      onClose={onClose}
    />
  );
}

/** The cases behind a figure (evaluation's /kpis/cases, as far as the viewer may see them). */
function DrillDown({
  title,
  cases,
  total,
  loading,
  error,
  onClose,
}: {
  title: string | null;
  cases: FigureCase[];
  total?: number;
  loading?: boolean;
  error?: unknown;
  onClose: () => void;
}) {
  const categoryOf = useCategoryName();
  const count = total ?? cases.length;
  return (
    <Drawer
      open={!!title}
      title={
        <span data-testid="drill-title">
          明细：{title ?? ''}（<span data-testid="drill-total">{loading ? '…' : count}</span> 件
          {count > cases.length ? `，列出前 ${cases.length} 件` : ''}）
        </span>
      }
      size={720}
      onClose={onClose}
      data-testid="drill-down"
    >
      <ErrorAlert error={error} />
      <Table<FigureCase>
        rowKey={(c) => `${c.caseId}-${c.metric}-${c.outcome}-${c.day}`}
        size="small"
        loading={loading}
        dataSource={cases}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '信访件编号', render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNumber ?? c.caseId.slice(0, 8)}</Link> },
          { title: '日期', dataIndex: 'day' },
          { title: '类别', render: (_, c) => categoryOf(c.category) },
          { title: '人次', dataIndex: 'persons' },
          { title: '状态', render: (_, c) => label(STATUS, c.status) },
        ]}
      />
    </Drawer>
  );
}

/** 市级驾驶舱: the territory at a glance, live. */
export default function CockpitPage() {
  const categoryOf = useCategoryName();
  const session = currentSession();
  const division = session?.division || undefined;
  const { message } = App.useApp();
  const [period, setPeriod] = useState<PeriodKind>('month');
  const [trendBy, setTrendBy] = useState<'day' | 'week' | 'month'>('day');
  const [colourBy, setColourBy] = useState<'volume' | 'overdue'>('volume');
  const [drill, setDrill] = useState<{ title: string; filter: (c: FigureCase) => boolean } | null>(null);
  const [figureDrill, setFigureDrill] = useState<FigureDrill | null>(null);
  const date = shanghai(new Date()).format('YYYY-MM-DD');
  const counties = useDivisionNames(division, 'county');
  const townships = useDivisionNames(division, 'township');

  const kpis = useQuery({
    queryKey: ['cockpit', 'kpis', period, date, division],
    refetchInterval: 60000,
    queryFn: () => call<KpiReport>(evaluation.GET('/kpis', { params: { query: { period, date, ...(division ? { division } : {}) } } })),
  });
  const volume = useQuery({
    queryKey: ['cockpit', 'volume', period, date, division],
    refetchInterval: 60000,
    queryFn: () =>
      call<{ items: FigureCase[]; total: number }>(
        evaluation.GET('/kpis/cases', {
          params: { query: { period, date, metric: 'volume', limit: 500, ...(division ? { division } : {}) } },
        }),
      ),
  });
  const overdueCases = useQuery({
    queryKey: ['cockpit', 'overdue-cases'],
    refetchInterval: 60000,
    queryFn: () =>
      call<{ items: CaseRow[]; total: number }>(supervision.GET('/cases', { params: { query: { overdue: 'true', limit: 500 } } })),
  });
  const clocks = useQuery({
    queryKey: ['cockpit', 'clocks'],
    refetchInterval: 60000,
    queryFn: () => call<ClockRow[]>(supervision.GET('/clocks', { params: { query: { limit: 1000 } } })),
  });
  const preview = useQuery({
    queryKey: ['cockpit', 'ranking', period, date, division],
    enabled: !!division,
    retry: false,
    queryFn: () =>
      call<RankingPreview>(
        evaluation.GET('/rankings/preview', { params: { query: { period, date, divisionCode: division ?? '', level: 'county' } } }),
      ),
  });
  const published = useQuery({ queryKey: ['cockpit', 'rankings'], queryFn: () => call<PublishedRanking[]>(evaluation.GET('/rankings')) });
  const reports = useQuery({
    queryKey: ['cockpit', 'reports'],
    queryFn: () => call<StoredReport[]>(evaluation.GET('/reports', { params: { query: {} } })),
  });

  const items = useMemo(() => volume.data?.items ?? [], [volume.data]);
  const byCounty = useMemo(() => {
    const m = new Map<string, { n: number; persons: number }>();
    for (const c of items)
      if (c.placeCode) {
        const k = countyOf(c.placeCode);
        const v = m.get(k) ?? { n: 0, persons: 0 };
        m.set(k, { n: v.n + 1, persons: v.persons + c.persons });
      }
    return [...m].sort((a, b) => b[1].n - a[1].n);
  }, [items]);
  const byCategory = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of items) m.set(c.category ?? 'other', (m.get(c.category ?? 'other') ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [items]);
  const byChannel = useMemo(() => {
    const m = new Map<string, { n: number; persons: number }>();
    for (const c of items) {
      const v = m.get(c.channel) ?? { n: 0, persons: 0 };
      m.set(c.channel, { n: v.n + 1, persons: v.persons + c.persons });
    }
    return [...m].sort((a, b) => b[1].n - a[1].n);
  }, [items]);
  const trendKey = useCallback(
    (d: string) =>
      trendBy === 'day' ? d : trendBy === 'month' ? d.slice(0, 7) : shanghai(`${d}T12:00:00+08:00`).startOf('week').format('YYYY-MM-DD'),
    [trendBy],
  );
  const trend = useMemo(() => {
    const key = trendKey;
    const m = new Map<string, { n: number; persons: number }>();
    for (const c of items) {
      const k = key(c.day);
      const v = m.get(k) ?? { n: 0, persons: 0 };
      m.set(k, { n: v.n + 1, persons: v.persons + c.persons });
    }
    return [...m].sort(([a], [b]) => a.localeCompare(b));
  }, [items, trendKey]);
  const dueByUnit = useMemo(() => {
    const soon = Date.now() + 3 * 86400000;
    const m = new Map<string, { overdue: number; warning: number }>();
    for (const c of clocks.data ?? []) {
      const v = m.get(c.unitId) ?? { overdue: 0, warning: 0 };
      if (c.status === 'overdue') v.overdue += 1;
      else if (c.status === 'running' && new Date(c.dueAt).getTime() <= soon) v.warning += 1;
      else continue;
      m.set(c.unitId, v);
    }
    return [...m].map(([unitId, v]) => ({ unitId, ...v })).sort((a, b) => b.overdue - a.overdue || b.warning - a.warning);
  }, [clocks.data]);
  const tree = useMemo(() => {
    const vol = new Map<string, number>();
    const over = new Map<string, number>();
    for (const c of items)
      if (c.placeCode) for (const k of [countyOf(c.placeCode), townshipOf(c.placeCode)]) vol.set(k, (vol.get(k) ?? 0) + 1);
    for (const c of overdueCases.data?.items ?? [])
      if (c.placeCode) for (const k of [countyOf(c.placeCode), townshipOf(c.placeCode)]) over.set(k, (over.get(k) ?? 0) + 1);
    const colour = (code: string) =>
      colourBy === 'volume' ? (vol.get(code) ?? 0) : vol.get(code) ? (over.get(code) ?? 0) / (vol.get(code) ?? 1) : 0;
    return [...counties.names].map(([code, name]) => ({
      name,
      value: [Math.max(vol.get(code) ?? 0, 0.5), colour(code)],
      code,
      children: [...townships.names]
        .filter(([t]) => t.startsWith(code.slice(0, 6)))
        .map(([t, tn]) => ({ name: tn, code: t, value: [Math.max(vol.get(t) ?? 0, 0.2), colour(t)] })),
    }));
  }, [items, overdueCases.data, counties.names, townships.names, colourBy]);

  const drillCases = drill ? items.filter(drill.filter) : [];
  const countyName = (code: string) => counties.names.get(code) ?? code;

  async function download(r: StoredReport, kind: 'xlsx' | 'html') {
    const s = currentSession();
    const res = await fetch(`/api/evaluation/reports/${r.id}/${kind}`, { headers: s ? { Authorization: `Bearer ${s.token}` } : {} });
    if (!res.ok) return void message.error(`报告获取失败（HTTP ${res.status}）`);
    const url = URL.createObjectURL(await res.blob());
    if (kind === 'html') window.open(url, '_blank', 'noopener');
    else {
      const a = document.createElement('a');
      a.href = url;
      a.download = `${r.period.label}-${r.kind}.xlsx`;
      a.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          市级驾驶舱
        </Typography.Title>
        <Segmented value={period} onChange={(v) => setPeriod(v as PeriodKind)} options={PERIODS} />
        {kpis.data ? (
          <Typography.Text type="secondary">
            统计期 {kpis.data.period.label}（{kpis.data.period.from} 至 {kpis.data.period.to}）
          </Typography.Text>
        ) : null}
      </Space>
      <ErrorAlert error={kpis.error ?? volume.error} />
      <Kpis report={kpis.data} onDrill={setFigureDrill} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <LiveFeed />
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={`信访量（按县区，批次/人次）${volume.data && volume.data.total > items.length ? `：明细前 ${items.length} 件，共 ${volume.data.total} 件` : ''}`}
          >
            <Chart
              testId="chart-county"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['批次', '人次'] },
                grid: { left: 40, right: 16, bottom: 40, top: 32 },
                xAxis: { type: 'category', data: byCounty.map(([c]) => countyName(c)), axisLabel: { rotate: 30 } },
                yAxis: { type: 'value' },
                series: [
                  { name: '批次', type: 'bar', data: byCounty.map(([, v]) => v.n) },
                  { name: '人次', type: 'bar', data: byCounty.map(([, v]) => v.persons) },
                ],
              }}
              onClick={(p) => {
                const code = byCounty[p.dataIndex]?.[0];
                if (code) setDrill({ title: p.name, filter: (c) => !!c.placeCode && countyOf(c.placeCode) === code });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="问题类别">
            <Chart
              testId="chart-category"
              option={{
                tooltip: { trigger: 'item' },
                series: [
                  {
                    type: 'pie',
                    radius: ['35%', '70%'],
                    data: byCategory.map(([c, n]) => ({ name: categoryOf(c), value: n, code: c })),
                  },
                ],
              }}
              onClick={(p) => {
                const code = byCategory[p.dataIndex]?.[0];
                if (code) setDrill({ title: p.name, filter: (c) => (c.category ?? 'other') === code });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title="信访途径（批次/人次）">
            <Chart
              testId="chart-channel"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['批次', '人次'] },
                grid: { left: 40, right: 16, bottom: 30, top: 32 },
                xAxis: { type: 'category', data: byChannel.map(([c]) => label(CHANNEL, c)) },
                yAxis: { type: 'value' },
                series: [
                  { name: '批次', type: 'bar', data: byChannel.map(([, v]) => v.n) },
                  { name: '人次', type: 'bar', data: byChannel.map(([, v]) => v.persons) },
                ],
              }}
              onClick={(p) => {
                const code = byChannel[p.dataIndex]?.[0];
                if (code) setDrill({ title: p.name, filter: (c) => c.channel === code });
              }}
            />
            <Space wrap size={[4, 4]} data-testid="channel-figures">
              {byChannel.map(([c, v]) => (
                <Tag key={c} data-testid={`channel-${c}`}>
                  {label(CHANNEL, c)} {v.n} 批次 / {v.persons} 人次
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title="趋势"
            extra={
              <Segmented
                size="small"
                value={trendBy}
                onChange={(v) => setTrendBy(v as 'day' | 'week' | 'month')}
                options={[
                  { value: 'day', label: '按日' },
                  { value: 'week', label: '按周' },
                  { value: 'month', label: '按月' },
                ]}
              />
            }
          >
            <Chart
              testId="chart-trend"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['批次', '人次'] },
                grid: { left: 40, right: 16, bottom: 30, top: 32 },
                xAxis: { type: 'category', data: trend.map(([d]) => d) },
                yAxis: { type: 'value' },
                series: [
                  { name: '批次', type: 'line', data: trend.map(([, v]) => v.n) },
                  { name: '人次', type: 'line', data: trend.map(([, v]) => v.persons) },
                ],
              }}
              onClick={(p) => {
                const k = trend[p.dataIndex]?.[0];
                if (k) setDrill({ title: p.name, filter: (c) => trendKey(c.day) === k });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title="辖区分布"
            extra={
              <Segmented
                size="small"
                value={colourBy}
                onChange={(v) => setColourBy(v as 'volume' | 'overdue')}
                options={[
                  { value: 'volume', label: '按信访量' },
                  { value: 'overdue', label: '按逾期占比' },
                ]}
              />
            }
          >
            <Chart
              testId="chart-territory"
              height={360}
              option={{
                tooltip: {
                  formatter: (p: { name: string; value: number[] }) =>
                    `${p.name}<br/>${colourBy === 'volume' ? `信访量 ${Math.floor(p.value[1] ?? 0)}` : `逾期占比 ${pct(p.value[1] ?? 0)}`}`,
                },
                visualMap: {
                  type: 'continuous',
                  dimension: 1,
                  min: 0,
                  max: colourBy === 'volume' ? Math.max(1, ...byCounty.map(([, v]) => v.n)) : 1,
                  inRange: { color: ['#e6f4ff', '#ff7875', '#a8071a'] },
                  calculable: false,
                  right: 0,
                  bottom: 0,
                  orient: 'horizontal',
                  itemWidth: 10,
                },
                series: [
                  {
                    type: 'treemap',
                    data: tree,
                    leafDepth: 1,
                    roam: false,
                    visualDimension: 1,
                    label: { show: true },
                    upperLabel: { show: true, height: 20 },
                    breadcrumb: { show: true },
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="逾期与临期（按单位）">
            <ErrorAlert error={clocks.error} />
            <Table
              size="small"
              rowKey="unitId"
              dataSource={dueByUnit}
              pagination={{ pageSize: 8 }}
              data-testid="due-by-unit"
              columns={[
                { title: '单位', render: (_, r: { unitId: string }) => <UnitName id={r.unitId} /> },
                { title: '逾期', dataIndex: 'overdue', render: (n: number) => <Tag color={n ? 'red' : 'default'}>{n}</Tag> },
                { title: '3 日内到期', dataIndex: 'warning', render: (n: number) => <Tag color={n ? 'orange' : 'default'}>{n}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="考评排名（县区，试算）">
            {preview.error ? <Typography.Text type="secondary">{errorText(preview.error)}</Typography.Text> : null}
            <Table
              size="small"
              rowKey="subject"
              dataSource={[...(preview.data?.rows ?? [])]}
              pagination={false}
              columns={[
                { title: '名次', dataIndex: 'rank' },
                { title: '县区', render: (_, r: { subject: string }) => countyName(r.subject) },
                { title: '得分', dataIndex: 'score' },
                {
                  title: '',
                  render: (_, r: { subject: string }) =>
                    preview.data?.red.includes(r.subject) ? (
                      <Tag color="red">红榜</Tag>
                    ) : preview.data?.black.includes(r.subject) ? (
                      <Tag color="black">黑榜</Tag>
                    ) : null,
                },
              ]}
            />
            {published.data?.length ? (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                已发布：
                {published.data
                  .slice(0, 3)
                  .map(
                    (r) =>
                      `${r.period.label} 红榜 ${r.red.map(countyName).join('、') || '无'}；黑榜 ${r.black.map(countyName).join('、') || '无'}`,
                  )
                  .join('　')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="报告（日报/周报/月报）">
            <ErrorAlert error={reports.error} />
            <Table<StoredReport>
              size="small"
              rowKey="id"
              dataSource={reports.data ?? []}
              pagination={{ pageSize: 6 }}
              columns={[
                {
                  title: '报告',
                  render: (_, r) => `${{ daily: '日报', weekly: '周报', monthly: '月报', annual: '年度报告' }[r.kind]} ${r.period.label}`,
                },
                { title: '生成', render: (_, r) => formatTime(r.generatedAt) },
                {
                  title: '',
                  render: (_, r) => (
                    <Space>
                      <Button size="small" onClick={() => void download(r, 'html')}>
                        打开
                      </Button>
                      <Button size="small" onClick={() => void download(r, 'xlsx')}>
                        下载 Excel
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <DrillDown title={drill?.title ?? null} cases={drillCases} onClose={() => setDrill(null)} />
      <FigureDrillDown drill={figureDrill} period={period} date={date} division={division} onClose={() => setFigureDrill(null)} />
    </Space>
  );
}
