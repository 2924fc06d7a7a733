import { COLLECTIVE_MIN_HEAD_COUNT, formSummary, MAX_REPRESENTATIVES } from '@sunshine/domain/forms';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';

import { intake } from '../api/client';
import { ApiError, call, fieldErrors } from '../api/errors';
import type { RegisterRequest, Suggestion } from '../api/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCategories } from '../components/part1/categories';
import { ReceiptChecks } from '../components/part1/ReceiptChecks';
import { SuggestionPanel } from '../components/part1/SuggestionPanel';
import { PlacePicker } from '../components/PlacePicker';
import { CHANNEL, PETITION_TYPE } from '../labels';
import { formatTime, ZONE } from '../time';
import { useDraft } from '../useDraft';

/** A person as the registration sends it (the petitioner, a representative): the generated request type. */
type Person = RegisterRequest['petitioner'];
/** The form's own values (a date picker's Dayjs, the form split into kind, head count and representatives). */
interface Values {
  channel: keyof typeof CHANNEL;
  type: keyof typeof PETITION_TYPE;
  category: string;
  placeCode: string;
  receivedAt: Dayjs;
  subject: string;
  content: string;
  petitioner: Person;
  kind: 'individual' | 'collective';
  headCount?: number;
  representatives?: Person[];
}

/** The person without the optional fields left blank (the server refuses an empty ID number or phone). */
function clean({ name, idNumber, phone, address }: Person): Person {
  return { name, ...(idNumber?.trim() ? { idNumber } : {}), ...(phone?.trim() ? { phone } : {}), ...(address?.trim() ? { address } : {}) };
}

/** The form as the registration sends it: collective with its head count and representatives, or individual. */
function formOf(v: Values): RegisterRequest['form'] {
  return v.kind === 'collective'
    ? { kind: 'collective', headCount: v.headCount ?? 0, representatives: (v.representatives ?? []).map(clean) }
    : { kind: 'individual' };
}

function mask(v: string | undefined, keepStart: number, keepEnd: number): string {
  if (!v) return '—';
  return v.length <= keepStart + keepEnd ? v : v.slice(0, keepStart) + '*'.repeat(v.length - keepStart - keepEnd) + v.slice(-keepEnd);
}

/** 来访/来信登记: every channel, individual or collective, with the printable receipt (case number and query code). */
export default function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const idempotency = useRef<string>(crypto.randomUUID());
  const draft = useDraft<Values>('register', form, ['receivedAt']);
  const kind = Form.useWatch('kind', form);
  const [subject, content, placeCode, type, channel] = [
    Form.useWatch('subject', form),
    Form.useWatch('content', form),
    Form.useWatch('placeCode', form),
    Form.useWatch('type', form),
    Form.useWatch('channel', form),
  ];
  const categories = useCategories();
  const suggestion = useRef<Suggestion | undefined>(undefined);

  const save = useMutation({
    mutationFn: async ({ v, confirmReceivedAt }: { v: Values; confirmReceivedAt?: boolean }) => {
      const s = suggestion.current;
      const body: RegisterRequest = {
        channel: v.channel,
        type: v.type,
        category: v.category,
        placeCode: v.placeCode,
        receivedAt: v.receivedAt.toISOString(),
        subject: v.subject.trim(),
        content: v.content.trim(),
        petitioner: clean(v.petitioner),
        form: formOf(v),
        ...(s && s.readable ? { suggestion: { model: s.model, category: s.suggested.category.code, score: s.suggested.score } } : {}),
        ...(confirmReceivedAt ? { confirmReceivedAt: true } : {}),
      };
      const registered = await call(intake.POST('/petitions', { body, params: { header: { 'Idempotency-Key': idempotency.current } } }));
      for (const f of files) {
        if (!f.originFileObj) continue;
        const data = new FormData();
        data.append('file', f.originFileObj, f.name);
        await call(
          intake.POST('/petitions/{caseId}/attachments', {
            params: { path: { caseId: registered.caseId } },
            body: { file: '' },
            bodySerializer: () => data,
          }),
        );
      }
      return { registered, values: v };
    },
    onSuccess: () => {
      draft.clear();
      idempotency.current = crypto.randomUUID();
    },
    onError: (e, { v, confirmReceivedAt }) => {
      if (e instanceof ApiError && e.code === 'RECEIVED_AT_CONFIRMATION_REQUIRED' && !confirmReceivedAt) {
        Modal.confirm({
          title: '收到时间较早，请确认',
          content: `${e.zh}。收到时间 ${formatTime(v.receivedAt.toISOString())} 是否无误？各项期限均自收到之日起算。`,
          okText: '确认无误，登记',
          cancelText: '返回修改',
          onOk: () => save.mutate({ v, confirmReceivedAt: true }),
        });
        return;
      }
      form.setFields(fieldErrors(e).map((f) => ({ name: f.field.split('.'), errors: [f.reason] })) as Parameters<typeof form.setFields>[0]);
    },
  });

  if (save.data) {
    const { registered, values } = save.data;
    const sent = formOf(values);
    return (
      <Card className="receipt">
        {/* Printed, the receipt alone: no menu bar, no buttons, no registration checks. */}
        <style>{'@media print { .ant-layout-header, .no-print { display: none !important; } }'}</style>
        <Result status="success" title="登记成功" subTitle="请将回执交给信访人，凭信访件编号和查询码查询办理进度。" />
        <Descriptions bordered column={1} title="信访事项登记回执" style={{ maxWidth: 640, margin: '0 auto' }}>
          <Descriptions.Item label="信访件编号">
            <Typography.Text strong data-testid="case-number">
              {registered.caseNumber}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="查询码">
            <Typography.Text strong data-testid="query-code">
              {registered.queryCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="信访人">
            {values.petitioner.name}（证件 {mask(values.petitioner.idNumber, 6, 4)}，电话 {mask(values.petitioner.phone, 3, 4)}）
          </Descriptions.Item>
          <Descriptions.Item label="事项">{values.subject}</Descriptions.Item>
          <Descriptions.Item label="形式">
            {formSummary(sent.kind === 'collective' ? { ...sent, representatives: sent.representatives.length } : sent)}
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatTime(values.receivedAt.toISOString())}</Descriptions.Item>
        </Descriptions>
        <ReceiptChecks registered={registered} />
        <Space style={{ marginTop: 24, width: '100%', justifyContent: 'center' }} className="no-print">
          <Button onClick={() => window.print()}>打印回执</Button>
          <Button
            type="primary"
            onClick={() => {
              save.reset();
              form.resetFields();
              setFiles([]);
            }}
          >
            继续登记
          </Button>
          <Button href={`/cases/${registered.caseId}`}>查看事项</Button>
        </Space>
      </Card>
    );
  }

  return (
    <Card title="来访/来信登记">
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'visit', type: 'claim', kind: 'individual', receivedAt: dayjs().tz(ZONE), ...draft.initial }}
        onValuesChange={draft.onChange}
        onFinish={(v) => save.mutate({ v })}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
              <Select options={Object.entries(CHANNEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label="信访形式" rules={[{ required: true }]}>
              <Select options={Object.entries(PETITION_TYPE).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
              <Select
                data-testid="category"
                showSearch
                optionFilterProp="label"
                loading={categories.isLoading}
                placeholder="选择类别（可输入筛选）"
                options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.parent ? `\u3000${c.zh}` : c.zh }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="receivedAt" label="收到时间（北京时间）" rules={[{ required: true }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="placeCode" label="问题发生地" rules={[{ required: true, message: '请选择发生地' }]}>
          <PlacePicker />
        </Form.Item>
        <Form.Item name="subject" label="事由（标题）" rules={[{ required: true, min: 2, max: 100, message: '2–100 字' }]}>
          <Input data-testid="subject" />
        </Form.Item>
        <Form.Item name="content" label="主要内容" rules={[{ required: true, min: 5, message: '至少 5 字' }]}>
          <Input.TextArea rows={5} data-testid="content" />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <SuggestionPanel
            input={{ subject, content, placeCode, type, channel }}
            onSuggestion={(x) => {
              suggestion.current = x;
            }}
            onAdopt={(code) => {
              form.setFieldValue('category', code);
              draft.onChange();
            }}
          />
        </div>
        <Typography.Title level={5}>信访人</Typography.Title>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name={['petitioner', 'name']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input data-testid="petitioner-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['petitioner', 'idNumber']} label="身份证号" rules={[{ pattern: /^\d{17}[\dXx]$/, message: '18 位身份证号' }]}>
              <Input.Password visibilityToggle data-testid="petitioner-id" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['petitioner', 'phone']} label="联系电话" rules={[{ pattern: /^\+?[\d-]{7,20}$/, message: '电话号码' }]}>
              <Input.Password visibilityToggle data-testid="petitioner-phone" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['petitioner', 'address']} label="住址">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label="人数">
          <Radio.Group
            options={[
              { value: 'individual', label: '个人' },
              { value: 'collective', label: `集体（${COLLECTIVE_MIN_HEAD_COUNT} 人及以上）` },
            ]}
          />
        </Form.Item>
        {kind === 'collective' && (
          <>
            <Form.Item
              name="headCount"
              label="集体人数"
              rules={[
                {
                  required: true,
                  type: 'number',
                  min: COLLECTIVE_MIN_HEAD_COUNT,
                  message: `集体访为 ${COLLECTIVE_MIN_HEAD_COUNT} 人及以上；不足 ${COLLECTIVE_MIN_HEAD_COUNT} 人请选“个人”`,
                },
              ]}
            >
              <InputNumber min={1} />
            </Form.Item>
            <Form.List name="representatives">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '代表姓名' }]}>
                        <Input placeholder="代表姓名" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'phone']}>
                        <Input placeholder="电话" />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button disabled={fields.length >= MAX_REPRESENTATIVES} onClick={() => add()}>
                    {`增加代表（不超过 ${MAX_REPRESENTATIVES} 人）`}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        <Form.Item label="附件（PDF、图片、文本）" style={{ marginTop: 16 }}>
          <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} multiple>
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="register-submit">
          登记
        </Button>
      </Form>
    </Card>
  );
}
