import type { CaseStatus, PetitionType } from '@sunshine/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';

import { routing } from '../api/client';
import { call } from '../api/errors';
import type { InboxItem } from '../api/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { categoryName, useCategories } from '../components/part1/categories';
import { DutyTags } from '../components/part1/DutyTags';
import { label, PETITION_TYPE, STAGE, STATUS } from '../labels';
import { formatTime } from '../time';

type Sort = 'dueAt' | 'updatedAt' | 'registeredAt' | 'caseNumber';
const PAGE = 20;

/**
 * 单位收件箱: the unit's cases as routing's inbox rows carry them (subject where visible, holding unit and place names,
 * the unit's duties running/预警/超期, holding or assisting), counters by status, filters, paging — one request per page.
 */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const holding = params.get('holding') ?? 'all';
  const relation = (params.get('relation') as 'all' | 'held' | 'assisting' | null) ?? 'all';
  const scope = (params.get('scope') as 'unit' | 'territory' | null) ?? 'unit';
  const category = params.get('category') ?? undefined;
  const type = (params.get('type') as PetitionType | null) ?? undefined;
  const categories = useCategories();
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
    queryKey: ['inbox', status, holding, relation, scope, category, type, sort, page],
    placeholderData: keepPreviousData,
    refetchInterval: 15000,
    queryFn: () =>
      call(
        routing.GET('/inbox', {
          params: {
            query: {
              ...(status ? { status: status as CaseStatus } : {}),
              ...(holding === 'all' ? {} : { holding: holding === 'yes' ? ('true' as const) : ('false' as const) }),
              relation,
              scope,
              ...(category ? { category } : {}),
              ...(type ? { type } : {}),
              sort,
              order: sort === 'dueAt' ? 'asc' : 'desc',
              limit: PAGE,
              offset: (page - 1) * PAGE,
            },
          },
        }),
      ),
  });
  const counts = Object.entries(inbox.data?.byStatus ?? {});
  return (
    <Card
      title="单位收件箱"
      extra={
        <Badge count={counts.reduce((n, [s, c]) => n + (s === 'dispatched' ? c : 0), 0)} title="待签收">
          <span>待签收</span>
        </Badge>
      }
    >
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
        <Segmented
          value={holding}
          onChange={(v) => set('holding', String(v))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'yes', label: '在办' },
            { value: 'no', label: '曾办' },
          ]}
        />
        <Select
          value={status ?? ''}
          style={{ width: 140 }}
          onChange={(v) => set('status', v || undefined)}
          options={[{ value: '', label: '全部状态' }, ...Object.entries(STATUS).map(([value, l]) => ({ value, label: l }))]}
        />
        <Segmented
          value={relation}
          onChange={(v) => set('relation', String(v))}
          options={[
            { value: 'all', label: '承办与协办' },
            { value: 'held', label: '承办' },
            { value: 'assisting', label: '协办' },
          ]}
        />
        <Segmented
          value={scope}
          onChange={(v) => set('scope', String(v))}
          options={[
            { value: 'unit', label: '本单位' },
            { value: 'territory', label: '辖区' },
          ]}
        />
        <Select
          value={category ?? ''}
          style={{ width: 180 }}
          showSearch
          optionFilterProp="label"
          onChange={(v) => set('category', v || undefined)}
          options={[{ value: '', label: '全部类别' }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.zh }))]}
        />
        <Select
          value={type ?? ''}
          style={{ width: 120 }}
          onChange={(v) => set('type', v || undefined)}
          options={[{ value: '', label: '全部形式' }, ...Object.entries(PETITION_TYPE).map(([value, l]) => ({ value, label: l }))]}
        />
        <Select
          value={sort}
          style={{ width: 160 }}
          onChange={(v) => set('sort', v)}
          options={[
            { value: 'updatedAt', label: '按最近更新' },
            { value: 'dueAt', label: '按期限（最紧在前）' },
            { value: 'registeredAt', label: '按登记时间' },
            { value: 'caseNumber', label: '按编号' },
          ]}
        />
      </Space>
      <Table<InboxItem>
        rowKey="caseId"
        loading={inbox.isFetching && !inbox.data}
        dataSource={inbox.data?.items ?? []}
        data-testid="inbox-table"
        pagination={{
          current: page,
          pageSize: PAGE,
          total: inbox.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set('page', String(p)),
          showTotal: (t) => `共 ${t} 件`,
        }}
        columns={[
          {
            title: '信访件编号',
            dataIndex: 'caseNumber',
            render: (n: string | null, r) => <Link to={`/cases/${r.caseId}`}>{n ?? r.caseId.slice(0, 8)}</Link>,
          },
          {
            title: '事由',
            dataIndex: 'subject',
            render: (t: string | null) => t ?? <span style={{ color: '#999' }}>（无权查看内容）</span>,
          },
          { title: '类别', dataIndex: 'category', render: (c: string | null) => categoryName(categories.data, c) },
          { title: '发生地', dataIndex: 'placeName', render: (p: string | null, r) => p ?? r.placeCode ?? '—' },
          { title: '承办单位', dataIndex: 'holdingUnitName', render: (n: string | null, r) => n ?? r.holdingUnitId ?? '—' },
          {
            title: '阶段 / 状态',
            render: (_: unknown, r) => (
              <>
                {label(STAGE, r.stage)} · <Tag>{label(STATUS, r.status)}</Tag>
                {r.mergedInto && (
                  <>
                    并入 <Link to={`/cases/${r.mergedInto.caseId}`}>{r.mergedInto.caseNumber ?? r.mergedInto.caseId.slice(0, 8)}</Link>
                  </>
                )}
              </>
            ),
          },
          { title: '本单位期限（北京时间，截至当日）', render: (_: unknown, r) => <DutyTags duties={r.duties} /> },
          {
            title: '',
            render: (_: unknown, r) => (
              <Space size={2}>
                {r.holding ? (
                  <Tag color="blue" data-relation="holding">
                    承办
                  </Tag>
                ) : r.assisting ? null : (
                  <Tag>曾办</Tag>
                )}
                {r.assisting && (
                  <Tag color="purple" data-relation="assisting">
                    协办
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: '更新', dataIndex: 'updatedAt', render: (t: string) => formatTime(t) },
        ]}
      />
    </Card>
  );
}
