import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Result, Select, Typography, type UploadFile } from 'antd';
import { useState } from 'react';

import { intake } from '../../api/client';
import { usePublicCategories } from '../../components/part1/categories';
import { PETITION_TYPE } from '../../labels';
import { MAX_BYTES, MAX_FILES } from './attachment-rules';
import { AttachmentPicker, AttachmentResults, uploadAll } from './attachments';
import { CitizenError, useWait } from './CitizenError';
import { PlaceCascader } from './PlaceCascader';
import { idempotencyKey, maskPhone, publicCall } from './publicApi';
import type { Submitted } from './views';

interface Values {
  type: 'suggestion' | 'accusation' | 'claim';
  category: string;
  placeCode: string;
  subject: string;
  content: string;
  name: string;
  phone: string;
  idNumber?: string;
  address?: string;
  attachments?: UploadFile[];
  scope: boolean;
}

/** 受理范围: what the platform takes online, and what belongs elsewhere (《信访工作条例》 Art 14, 15, 31). */
export function AcceptanceScope() {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="acceptance-scope"
      style={{ marginBottom: 16 }}
      title="受理范围"
      description={
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          <li>对各级机关、单位及其工作人员的建议意见、检举控告和申诉求决，依《信访工作条例》办理。</li>
          <li>已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的，请向有关机关提出，本平台将告知您具体途径。</li>
          <li>已经复核终结、无新的事实和理由的同一事项，不再受理。</li>
          <li>检举控告内容将依法保密；请如实反映，不得捏造、歪曲事实或诬告陷害他人。</li>
        </ul>
      }
    />
  );
}

/** 网上信访: the online petition; answers the case number and the query code, to be written down. */
export function PetitionForm({ onQuery }: { onQuery: (caseNumber: string, queryCode: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { data: categories } = usePublicCategories();
  const [key, setKey] = useState(idempotencyKey);
  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const submitted = await publicCall<Submitted>(
        intake.POST('/public/petitions', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            channel: 'online',
            type: v.type,
            category: v.category,
            placeCode: v.placeCode,
            subject: v.subject.trim(),
            content: v.content.trim(),
            petitioner: {
              name: v.name.trim(),
              phone: v.phone.trim(),
              ...(v.idNumber ? { idNumber: v.idNumber.trim() } : {}),
              ...(v.address ? { address: v.address.trim() } : {}),
            },
          },
        }),
      );
      // The petition is in: its attachments follow under its number and query code, each with its own outcome.
      const files = (v.attachments ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
      return { ...submitted, attachments: await uploadAll(submitted, files) };
    },
  });
  const waiting = useWait(submit.error);

  if (submit.data) {
    const s = submit.data;
    const phone = form.getFieldValue('phone') as string | undefined;
    return (
      <Result
        status="success"
        title="提交成功"
        subTitle={`已由${s.receivingUnit.name}登记。请牢记以下编号和查询码，凭此查询办理进度、评价和申请复查。`}
        extra={[
          <Button key="q" type="primary" data-testid="go-progress" onClick={() => onQuery(s.caseNumber, s.queryCode)}>
            查询进度
          </Button>,
          <Button
            key="n"
            onClick={() => {
              form.resetFields();
              setKey(idempotencyKey());
              submit.reset();
            }}
          >
            再写一件
          </Button>,
        ]}
      >
        <Typography.Paragraph style={{ fontSize: 16 }}>
          信访件编号：
          <Typography.Text strong copyable data-testid="citizen-case-number">
            {s.caseNumber}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ fontSize: 16 }}>
          查询码：
          <Typography.Text strong copyable data-testid="citizen-query-code">
            {s.queryCode}
          </Typography.Text>
        </Typography.Paragraph>
        {phone ? (
          <Typography.Paragraph type="secondary">找回查询码时需要您登记的手机号（{maskPhone(phone)}）。</Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">{s.identity.note.zh}</Typography.Paragraph>
        <AttachmentResults results={s.attachments} />
        {s.attachments.some((a) => a.error) ? (
          <Typography.Paragraph type="secondary">未上传的附件可在“查询进度”中补充。</Typography.Paragraph>
        ) : null}
      </Result>
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => submit.mutate(v)}
      initialValues={{ type: 'claim', scope: false }}
      disabled={submit.isPending}
    >
      <AcceptanceScope />
      <CitizenError error={submit.error} />
      <Form.Item name="type" label="信访类型" rules={[{ required: true }]}>
        <Select data-testid="citizen-type" options={Object.entries(PETITION_TYPE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
        <Select
          data-testid="citizen-category"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择"
          options={(categories ?? []).map((c) => ({ value: c.code, label: c.zh }))}
        />
      </Form.Item>
      <Form.Item name="placeCode" label="问题发生地（新乡市）" rules={[{ required: true, message: '请选择发生地' }]}>
        <PlaceCascader />
      </Form.Item>
      <Form.Item name="subject" label="标题" rules={[{ required: true, min: 2, max: 100, message: '请填写 2–100 字的标题' }]}>
        <Input data-testid="citizen-subject" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="content"
        label="主要内容（时间、地点、事情经过、诉求）"
        rules={[{ required: true, min: 5, message: '请至少填写 5 个字' }]}
      >
        <Input.TextArea data-testid="citizen-content" rows={6} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input data-testid="citizen-name" maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label="手机号码" rules={[{ required: true, pattern: /^\+?[\d-]{7,20}$/, message: '请填写正确的手机号码' }]}>
        <Input.Password data-testid="citizen-phone" visibilityToggle inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号（选填）" rules={[{ pattern: /^\d{17}[\dXx]$/, message: '请填写 18 位身份证号' }]}>
        <Input.Password data-testid="citizen-id" visibilityToggle autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label="通讯地址（选填）">
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        name="attachments"
        label={`附件（选填）：照片（JPG、PNG）或 PDF，每个不超过 ${MAX_BYTES / 1024 / 1024} MB，最多 ${MAX_FILES} 个`}
      >
        <AttachmentPicker />
      </Form.Item>
      <Form.Item
        name="scope"
        valuePropName="checked"
        rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请阅读并确认受理范围'))) }]}
      >
        <Checkbox data-testid="citizen-scope">我已阅读受理范围，所反映情况属实</Checkbox>
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={submit.isPending}
        disabled={waiting}
        data-testid="citizen-submit"
      >
        提交
      </Button>
    </Form>
  );
}
