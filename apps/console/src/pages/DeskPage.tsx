import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { ifMatch, routing } from '../api/client';
import { call } from '../api/errors';
import { useUnits } from '../api/queries';
import type { DeskItem } from '../api/views';
import { DueTag } from '../components/DueTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCategoryName } from '../components/part1/categories';
import { label, STATUS } from '../labels';
import { currentSession } from '../session';

const REASON: Record<string, string> = {
  'no-rule-matched': '无规则可依',
  'rule-error': '规则出错',
  'awaiting-dispatch': '待人工分办',
  'objection-pending': '待审核异议',
  'objection-approved': '异议成立退回',
  'objected-twice': '两次异议（推诿）',
};

interface DispatchForm {
  toUnitId: string;
  mode: 'forward' | 'assign';
  feedbackDays?: number;
  text: string;
}

/** 分办台: the bureau's cases no rule could place, objections to decide, cases objected twice; dispatch by hand. */
export default function DeskPage() {
  const categoryOf = useCategoryName();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const session = currentSession();
  const desk = useQuery({
    queryKey: ['desk'],
    refetchInterval: 15000,
    queryFn: () => call(routing.GET('/desk', { params: { query: { limit: 100 } } })),
  });
  const units = useUnits({ within: session?.division ?? '410700000000' }, !!session);
  const [target, setTarget] = useState<DeskItem | null>(null);
  const [form] = Form.useForm<DispatchForm>();
  const mode = Form.useWatch('mode', form);
  const dispatch = useMutation({
    mutationFn: (v: DispatchForm) => {
      if (!target) throw new Error('no case');
      return call(
        routing.POST('/cases/{caseId}/dispatch', {
          params: { path: { caseId: target.caseId }, header: ifMatch(target.version) },
          body: {
            toUnitId: v.toUnitId,
            mode: v.mode,
            reason: { code: 'manual', text: v.text },
            ...(v.mode === 'assign' && v.feedbackDays ? { feedbackDays: v.feedbackDays } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success('已分办');
      setTarget(null);
      form.resetFields();
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['desk'] }),
  });
  return (
    <Card title="分办台">
      <ErrorAlert error={desk.error} />
      <Table<DeskItem>
        rowKey="caseId"
        loading={desk.isLoading}
        dataSource={desk.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '信访件编号', render: (_: unknown, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber ?? r.caseId.slice(0, 8)}</Link> },
          // routing's desk row carries the subject where the caller may read the case in full (as the inbox's rows do).
          { title: '事由', render: (_: unknown, r) => r.subject ?? <span style={{ color: '#999' }}>（无权查看内容）</span> },
          { title: '类别', dataIndex: 'category', render: (c: string | null) => categoryOf(c) },
          { title: '状态', dataIndex: 'status', render: (s: string | null) => <Tag>{label(STATUS, s)}</Tag> },
          {
            title: '待办原因',
            render: (_: unknown, r) => (
              <>
                <Tag color={r.objectedTwice ? 'red' : 'orange'}>{label(REASON, r.reason)}</Tag>
                {r.detail}
              </>
            ),
          },
          { title: '期限', dataIndex: 'dueAt', render: (d: string | null) => <DueTag dueAt={d} /> },
          // An objection is decided on the case page (its allowed actions); a case no rule placed is dispatched here.
          {
            title: '',
            render: (_: unknown, r) =>
              r.reason.startsWith('objection-pending') ? (
                <Link to={`/cases/${r.caseId}`}>审核异议</Link>
              ) : (
                <Button type="primary" onClick={() => setTarget(r)}>
                  分办
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!target}
        title={`分办 ${target?.caseNumber ?? ''}`}
        okText="分办"
        cancelText="取消"
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        confirmLoading={dispatch.isPending}
      >
        <ErrorAlert error={dispatch.error} />
        <Form form={form} layout="vertical" initialValues={{ mode: 'forward' }} onFinish={(v) => dispatch.mutate(v)}>
          <Form.Item name="toUnitId" label="承办单位" rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={units.isLoading}
              options={(units.data ?? []).filter((u) => u.level !== 'village').map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="mode" label="方式">
            <Select
              options={[
                { value: 'forward', label: '转送' },
                { value: 'assign', label: '交办（要求反馈）' },
              ]}
            />
          </Form.Item>
          {mode === 'assign' && (
            <Form.Item name="feedbackDays" label="反馈期限（日）">
              <InputNumber min={1} max={90} />
            </Form.Item>
          )}
          <Form.Item name="text" label="分办理由" rules={[{ required: true, min: 2, max: 180 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
