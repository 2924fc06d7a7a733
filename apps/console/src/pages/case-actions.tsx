import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';

import { ifMatch, routing } from '../api/client';
import { call } from '../api/errors';

type Values = Record<string, unknown>;
const text = (v: Values, k: string) => String(v[k] ?? '').trim();

export interface CaseAction {
  readonly label: string;
  /** The form in the action's dialog; none: a confirmation only. */
  readonly fields?: ReactNode;
  readonly run: (caseId: string, version: number, values: Values) => Promise<unknown>;
}

const reasonFields = (codeLabel: string, codes?: Array<{ value: string; label: string }>) => (
  <>
    <Form.Item name="code" label={codeLabel} rules={[{ required: true }]}>
      {codes ? <Select options={codes} /> : <Input />}
    </Form.Item>
    <Form.Item name="text" label="理由" rules={[{ required: true, min: 2, max: 200 }]}>
      <Input.TextArea rows={3} />
    </Form.Item>
  </>
);

const CLAIM_ROUTES = [
  ['petition', '信访程序'],
  ['litigation', '诉讼'],
  ['arbitration', '仲裁'],
  ['administrative-review', '行政复议'],
  ['party-appeal', '党内申诉'],
  ['administrative-procedure', '行政程序'],
  ['statutory-duty', '履行法定职责'],
].map(([value, label]) => ({ value: value as string, label: label as string }));

const PROPER_CHANNELS = [
  ['litigation', '依法向人民法院提起诉讼'],
  ['arbitration', '申请仲裁'],
  ['administrative-review', '申请行政复议'],
  ['party-appeal', '党内申诉'],
  ['administrative-procedure', '行政程序'],
  ['competent-organ', '向有权机关反映'],
  ['already-in-handling', '已在办理中'],
  ['no-further-petition', '不再受理'],
].map(([value, label]) => ({ value: value as string, label: label as string }));

/** The routing actions a case page offers: each calls its real endpoint with the version the page shows (If-Match). */
export const CASE_ACTIONS: Record<string, CaseAction> = {
  sign: {
    label: '签收',
    run: (caseId, v) => call(routing.POST('/cases/{caseId}/sign', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'assign-handler': {
    label: '确定经办人',
    fields: (
      <Form.Item name="handlerId" label="经办人（工作人员账号）" rules={[{ required: true }]}>
        <Input placeholder="如 demo-dongtun-handler" />
      </Form.Item>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/handler', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { handlerId: text(f, 'handlerId') },
        }),
      ),
  },
  accept: {
    label: '受理',
    fields: (
      <Form.Item name="claimRoute" label="处理途径（申诉求决类）">
        <Select allowClear options={CLAIM_ROUTES} />
      </Form.Item>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/accept', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: f['claimRoute'] ? { claimRoute: f['claimRoute'] as 'petition' } : {},
        }),
      ),
  },
  'not-accept': {
    label: '不予受理',
    fields: (
      <>
        {reasonFields('理由代码')}
        <Form.Item name="properChannel" label="告知途径" rules={[{ required: true }]}>
          <Select options={PROPER_CHANNELS} />
        </Form.Item>
      </>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/not-accept', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: text(f, 'code'), text: text(f, 'text') }, properChannel: f['properChannel'] as 'litigation' },
        }),
      ),
  },
  'start-handling': {
    label: '开始办理',
    run: (caseId, v) =>
      call(routing.POST('/cases/{caseId}/start-handling', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'start-hearing': {
    label: '听证开始',
    run: (caseId, v) => call(routing.POST('/cases/{caseId}/hearing/start', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'end-hearing': {
    label: '听证结束',
    run: (caseId, v) => call(routing.POST('/cases/{caseId}/hearing/end', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'request-extension': {
    label: '申请延期',
    fields: (
      <>
        <Form.Item name="days" label="延长天数（合计不超过 30 日）" rules={[{ required: true }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        {reasonFields('理由代码')}
      </>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/extension', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { days: Number(f['days']), reason: { code: text(f, 'code'), text: text(f, 'text') } },
        }),
      ),
  },
  'approve-extension': {
    label: '批准延期',
    run: (caseId, v) =>
      call(routing.POST('/cases/{caseId}/extension/approve', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'reject-extension': {
    label: '不予延期',
    fields: reasonFields('理由代码'),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/extension/reject', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: text(f, 'code'), text: text(f, 'text') } },
        }),
      ),
  },
  'raise-objection': {
    label: '提出异议',
    fields: reasonFields('异议代码'),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/objection', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: text(f, 'code'), text: text(f, 'text') } },
        }),
      ),
  },
  /** `reply` in allowedActions is the head's approval (审签) of the stage's draft (routing lists it only when a draft by someone else exists). */
  reply: {
    label: '审签答复意见',
    run: (caseId, v) => call(routing.POST('/cases/{caseId}/reply/approve', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  'serve-reply': {
    label: '记录送达',
    fields: (
      <>
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'in-person', label: '直接送达' },
              { value: 'post', label: '邮寄送达' },
            ]}
          />
        </Form.Item>
        <Form.Item name="servedAt" label="送达时间">
          <DatePicker showTime />
        </Form.Item>
      </>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/reply/serve', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { method: f['method'] as 'post', ...(f['servedAt'] ? { servedAt: (f['servedAt'] as Dayjs).toISOString() } : {}) },
        }),
      ),
  },
  dispatch: {
    label: '转送/交办',
    fields: (
      <>
        <Form.Item name="toUnitId" label="承办单位代码" rules={[{ required: true }]}>
          <Input placeholder="如 410726-dongtun" />
        </Form.Item>
        <Form.Item name="mode" label="方式" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'forward', label: '转送' },
              { value: 'assign', label: '交办' },
            ]}
          />
        </Form.Item>
        <Form.Item name="text" label="理由" rules={[{ required: true, min: 2, max: 180 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/dispatch', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { toUnitId: text(f, 'toUnitId'), mode: f['mode'] as 'forward', reason: { text: text(f, 'text') } },
        }),
      ),
  },
  'require-manual-dispatch': {
    label: '转人工分办',
    fields: reasonFields('原因', [
      { value: 'no-rule-matched', label: '无规则匹配' },
      { value: 'ambiguous-rules', label: '规则冲突' },
      { value: 'unresolved-registration', label: '登记信息待核实' },
      { value: 'finalized-matter', label: '已复核终结事项' },
    ]),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/require-manual-dispatch', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: f['code'] as 'no-rule-matched', text: text(f, 'text') } },
        }),
      ),
  },
  'approve-objection': {
    label: '异议成立',
    fields: reasonFields('理由代码'),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/objection/approve', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: text(f, 'code'), text: text(f, 'text') } },
        }),
      ),
  },
  'reject-objection': {
    label: '异议不成立',
    fields: reasonFields('理由代码'),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/objection/reject', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: text(f, 'code'), text: text(f, 'text') } },
        }),
      ),
  },
  'add-assisting-unit': {
    label: '增加协办单位',
    fields: (
      <Form.Item name="assistingUnitId" label="协办单位代码" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/assisting-units', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { assistingUnitId: text(f, 'assistingUnitId') },
        }),
      ),
  },
  'contribute-assist': {
    label: '提交协办意见',
    fields: (
      <Form.Item name="text" label="协办意见" rules={[{ required: true, min: 5 }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/assist-contributions', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { text: text(f, 'text') },
        }),
      ),
  },
  'submit-assignment-report': {
    label: '提交办结报告',
    fields: (
      <Form.Item name="text" label="办结报告" rules={[{ required: true, min: 5 }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
    ),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/assignment-report', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { text: text(f, 'text') },
        }),
      ),
  },
  finalize: {
    label: '复核终结',
    run: (caseId, v) => call(routing.POST('/cases/{caseId}/finalize', { params: { path: { caseId }, header: ifMatch(v) }, body: {} })),
  },
  close: {
    label: '办结',
    fields: reasonFields('办结原因', [
      { value: 'not-accepted', label: '不予受理' },
      { value: 'other-procedure', label: '已按其他程序处理' },
      { value: 'no-review-chain', label: '无复查复核程序' },
      { value: 'other', label: '其他' },
    ]),
    run: (caseId, v, f) =>
      call(
        routing.POST('/cases/{caseId}/close', {
          params: { path: { caseId }, header: ifMatch(v) },
          body: { reason: { code: f['code'] as 'other', text: text(f, 'text') } },
        }),
      ),
  },
};

/**
 * 起草答复意见: a draft emits no event and needs no version, so allowedActions does not list it; the page offers it to
 * whoever routing lets handle the case now (allowedActions holds `request-extension`).
 */
export const DRAFT_REPLY: CaseAction = {
  label: '起草答复意见',
  fields: (
    <>
      <Form.Item name="outcome" label="处理结论" rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'supported', label: '予以支持' },
            { value: 'explained', label: '解释说明' },
            { value: 'not-supported', label: '不予支持' },
          ]}
        />
      </Form.Item>
      <Form.Item name="text" label="答复意见" rules={[{ required: true, min: 10 }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
    </>
  ),
  run: (caseId, _v, f) =>
    call(
      routing.PUT('/cases/{caseId}/reply/draft', {
        params: { path: { caseId } },
        body: { outcome: f['outcome'] as 'supported', text: text(f, 'text') },
      }),
    ),
};
