import type { CaseStatus } from '@sunshine/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { routing } from '../api/client';
import { call } from '../api/errors';
import type { InboxItem, InboxPage as Page } from '../api/views';
import { CaseSubject } from '../components/CaseSubject';
import { DueTag } from '../components/DueTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { UnitName } from '../components/UnitName';
import { CATEGORY, label, STAGE, STATUS } from '../labels';
import { formatTime } from '../time';

type Sort = 'dueAt' | 'updatedAt' | 'registeredAt' | 'caseNumber';
const PAGE = 20;

/** 单位收件箱: the unit's cases (holding, held before), counters by status, due dates with countdowns, filters, paging. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const holding = params.get('holding') ?? 'all';
  const sort = (params.get('sort') as Sort | null) ?? 'updatedAt';
  const page = Number(params.get('page') ?? 1);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined) next.delete(k);
    else next.set(k, v);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const inbox = useQuery({
    queryKey: ['inbox', status, holding, sort, page],
    placeholderData: keepPreviousData,
    refetchInterval: 15000,
    queryFn: () =>
      call<Page>(routing.GET('/inbox', {
        params: {
          query: {
            ...(status ? { status: status as CaseStatus } : {}),
            ...(holding === 'all' ? {} : { holding: holding === 'yes' ? ('true' as const) : ('false' as const) }),
            sort,
            order: sort === 'dueAt' ? 'asc' : 'desc',
            limit: PAGE,
            offset: (page - 1) * PAGE,
          },
        },
      })),
  });
  const counts = Object.entries(inbox.data?.byStatus ?? {});
  return (
    <Card title="单位收件箱" extra={<Badge count={counts.reduce((n, [s, c]) => n + (s === 'dispatched' ? c : 0), 0)} title="待签收"><span>待签收</span></Badge>}>
      <ErrorAlert error={inbox.error} />
      <div style={{ marginBottom: 16 }}>
        <Space size="large" wrap>
          {counts.map(([s, n]) => (
            <a key={s} onClick={() => set('status', status === s ? undefined : s)}>
              <Statistic title={label(STATUS, s)} value={n} valueStyle={{ color: status === s ? '#b71c1c' : undefined }} />
            </a>
          ))}
        </Space>
      </div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented value={holding} onChange={(v) => set('holding', String(v))} options={[{ value: 'all', label: '全部' }, { value: 'yes', label: '在办' }, { value: 'no', label: '曾办' }]} />
        <Select value={status ?? ''} style={{ width: 140 }} onChange={(v) => set('status', v || undefined)} options={[{ value: '', label: '全部状态' }, ...Object.entries(STATUS).map(([value, l]) => ({ value, label: l }))]} />
        <Select value={sort} style={{ width: 160 }} onChange={(v) => set('sort', v)} options={[{ value: 'updatedAt', label: '按最近更新' }, { value: 'dueAt', label: '按期限（最紧在前）' }, { value: 'registeredAt', label: '按登记时间' }, { value: 'caseNumber', label: '按编号' }]} />
      </Space>
      <Table<InboxItem>
        rowKey="caseId"
        loading={inbox.isFetching && !inbox.data}
        dataSource={inbox.data?.items ?? []}
        data-testid="inbox-table"
        pagination={{ current: page, pageSize: PAGE, total: inbox.data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', String(p)), showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '信访件编号', dataIndex: 'caseNumber', render: (n: string | null, r) => <Link to={`/cases/${r.caseId}`}>{n ?? r.caseId.slice(0, 8)}</Link> },
          { title: '事由', render: (_: unknown, r) => <CaseSubject caseId={r.caseId} subject={r.subject} /> },
          { title: '类别', dataIndex: 'category', render: (c: string | null) => label(CATEGORY, c) },
          { title: '承办单位', dataIndex: 'holdingUnitId', render: (u: string | null) => <UnitName id={u} /> },
          { title: '阶段 / 状态', render: (_: unknown, r) => <>{label(STAGE, r.stage)} · <Tag>{label(STATUS, r.status)}</Tag></> },
          { title: '办理期限', dataIndex: 'dueAt', render: (d: string | null, r) => <DueTag dueAt={d} provisional={r.dueProvisional} /> },
          { title: '', render: (_: unknown, r) => (r.holding ? <Tag color="blue">在办</Tag> : <Tag>曾办</Tag>) },
          { title: '更新', dataIndex: 'updatedAt', render: (t: string) => formatTime(t) },
        ]}
      />
    </Card>
  );
}
