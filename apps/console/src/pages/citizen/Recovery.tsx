import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result, Steps, Typography } from 'antd';
import { useState } from 'react';

import { intake } from '../../api/client';
import { CitizenError, useWait } from './CitizenError';
import { maskPhone, publicCall } from './publicApi';

/** 找回查询码: a one-time code to the phone on file, then a new query code (the old one stops working). */
export function Recovery({ onQuery }: { onQuery: (caseNumber: string, queryCode: string) => void }) {
  const [sentTo, setSentTo] = useState<{ caseNumber: string; phone: string } | null>(null);
  const send = useMutation({
    mutationFn: (v: { caseNumber: string; phone: string }) =>
      publicCall<unknown>(intake.POST('/public/query-code/recovery', { body: v })).then(() => v),
    onSuccess: (v) => setSentTo(v),
  });
  const reset = useMutation({
    mutationFn: (v: { code: string }) =>
      publicCall<{ caseNumber: string; queryCode: string }>(
        intake.POST('/public/query-code/reset', { body: { caseNumber: sentTo?.caseNumber ?? '', code: v.code } }),
      ),
  });
  const waitSend = useWait(send.error);
  const waitReset = useWait(reset.error);
  if (reset.data) {
    const r = reset.data;
    return (
      <Result
        status="success"
        title="已设置新的查询码"
        subTitle="原查询码已失效，请牢记新的查询码。"
        extra={
          <Button type="primary" onClick={() => onQuery(r.caseNumber, r.queryCode)}>
            查询进度
          </Button>
        }
      >
        <Typography.Paragraph style={{ fontSize: 16 }}>
          新查询码：
          <Typography.Text strong copyable>
            {r.queryCode}
          </Typography.Text>
        </Typography.Paragraph>
      </Result>
    );
  }
  return (
    <>
      <Steps
        size="small"
        current={sentTo ? 1 : 0}
        items={[{ title: '验证手机' }, { title: '设置新查询码' }]}
        style={{ marginBottom: 16 }}
      />
      {!sentTo ? (
        <Form
          layout="vertical"
          onFinish={(v: { caseNumber: string; phone: string }) => send.mutate({ caseNumber: v.caseNumber.trim(), phone: v.phone.trim() })}
        >
          <CitizenError error={send.error} />
          <Form.Item name="caseNumber" label="信访件编号" rules={[{ required: true, message: '请填写信访件编号' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label="登记时留的手机号码"
            rules={[{ required: true, pattern: /^\+?[\d-]{7,20}$/, message: '请填写正确的手机号码' }]}
          >
            <Input.Password inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={send.isPending} disabled={waitSend}>
            发送验证码
          </Button>
        </Form>
      ) : (
        <Form layout="vertical" onFinish={(v: { code: string }) => reset.mutate(v)}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`如编号与手机号码相符，验证码已发送至 ${maskPhone(sentTo.phone)}。`}
          />
          <CitizenError error={reset.error} />
          <Form.Item name="code" label="6 位验证码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位数字验证码' }]}>
            <Input inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={reset.isPending} disabled={waitReset}>
            确认
          </Button>
          <Button
            type="link"
            block
            onClick={() => {
              setSentTo(null);
              send.reset();
            }}
          >
            重新发送
          </Button>
        </Form>
      )}
    </>
  );
}
