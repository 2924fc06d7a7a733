import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';

import type { Answer } from '../../api/answer';
import { supervision } from '../../api/client';
import { call, errorText } from '../../api/errors';
import type { paths as SupervisionPaths } from '../../api/generated/supervision';
import type { ReportedUp } from '../../api/views';
import { ErrorAlert } from '../ErrorAlert';
import { ORDER_TRIGGER } from './words';

/** POST /api/supervision/cases/{caseId}/supervision-orders: the order issued (督办单). */
type IssuedOrder = Answer<SupervisionPaths, '/cases/{caseId}/supervision-orders', 'post'>;

/** POST /api/supervision/cases/{caseId}/backlog: the case's entry on the register (积案). */
type BacklogEntry = Answer<SupervisionPaths, '/cases/{caseId}/backlog', 'post'>;

interface OrderForm {
  trigger: keyof typeof ORDER_TRIGGER;
  answerDays: number;
  reason: string;
}

/** 发出督办单: the order to a case's holding unit (or another named), with the trigger, answer days and a reason. */
export function IssueOrderButton({ caseId, caseNumber, unitId }: { caseId: string; caseNumber: string | null; unitId?: string | null }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OrderForm>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const issue = useMutation({
    mutationFn: (v: OrderForm) =>
      call<IssuedOrder>(
        supervision.POST('/cases/{caseId}/supervision-orders', {
          params: { path: { caseId } },
          body: {
            trigger: v.trigger,
            answerDays: v.answerDays,
            reason: { code: v.trigger, text: v.reason },
            ...(unitId ? { unitId } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(`已向承办单位发出督办单（${caseNumber ?? ''}）`);
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid={`issue-order-${caseNumber ?? caseId}`}>
        督办
      </Button>
      <Modal
        open={open}
        title={`发出督办单 ${caseNumber ?? ''}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="发出"
        confirmLoading={issue.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={issue.error} />
        <Form<OrderForm>
          form={form}
          layout="vertical"
          initialValues={{ trigger: 'overdue', answerDays: 5 }}
          onFinish={(v) => issue.mutate(v)}
        >
          <Form.Item name="trigger" label="督办事由" rules={[{ required: true }]}>
            <Select data-testid="order-trigger" options={Object.entries(ORDER_TRIGGER).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="answerDays" label="限期回复（工作日）" rules={[{ required: true }]}>
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Form.Item name="reason" label="督办意见" rules={[{ required: true, max: 200, message: '请填写督办意见（200 字以内）' }]}>
            <Input.TextArea rows={3} maxLength={200} data-testid="order-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 重大紧急事项上报: reports the case up at once (Art 25), with its kind and the reason. */
export function ReportUpButton({ caseId }: { caseId: string }) {
  const { modal, message } = App.useApp();
  const [kind, setKind] = useState<'major' | 'urgent'>('urgent');
  const [reason, setReason] = useState('');
  const report = useMutation({
    mutationFn: () =>
      call<ReportedUp>(
        supervision.POST('/cases/{caseId}/report-up', {
          params: { path: { caseId } },
          body: { kind, reason: { code: kind, text: reason || undefined } },
        }),
      ),
    onSuccess: (r) => void message.success(`已上报 ${r.toUnitIds.length} 个单位`),
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Button
      size="small"
      danger
      onClick={() =>
        modal.confirm({
          title: '重大紧急事项立即上报',
          content: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Select
                defaultValue="urgent"
                onChange={setKind}
                options={[
                  { value: 'urgent', label: '紧急' },
                  { value: 'major', label: '重大' },
                ]}
              />
              <Input.TextArea rows={2} placeholder="上报理由" onChange={(e) => setReason(e.target.value)} />
            </Space>
          ),
          okText: '上报',
          cancelText: '取消',
          onOk: () => report.mutateAsync(),
        })
      }
    >
      上报
    </Button>
  );
}

/** 列入积案: the case on the backlog register with its plan (不化解不销号). */
export function BacklogButton({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ plan: string; planDueDate?: string }>();
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (v: { plan: string; planDueDate?: string }) =>
      call<BacklogEntry>(
        supervision.POST('/cases/{caseId}/backlog', {
          params: { path: { caseId } },
          body: { plan: v.plan, ...(v.planDueDate ? { planDueDate: v.planDueDate } : {}), reason: { code: 'manual' } },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        列入积案
      </Button>
      <Modal
        open={open}
        title="列入积案"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={add.error} />
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="plan" label="化解方案" rules={[{ required: true, min: 2, message: '请填写化解方案' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="planDueDate"
            label="计划化解日期（YYYY-MM-DD）"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式：2026-12-31' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
