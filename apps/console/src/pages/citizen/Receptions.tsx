import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Modal, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';

import { intake } from '../../api/client';
import { formatTime } from '../../time';
import { CitizenError, useWait } from './CitizenError';
import { maskPhone, publicCall } from './publicApi';
import type { Booked, Reception } from './views';

interface Booking {
  name: string;
  phone: string;
  subject: string;
}

/** 领导接待日: the published schedule, and a place booked at one (one per person and reception). */
export function Receptions() {
  const list = useQuery({
    queryKey: ['public-receptions'],
    retry: false,
    queryFn: () => publicCall<Reception[]>(intake.GET('/public/receptions', { params: { query: { limit: 50 } } })),
  });
  const [open, setOpen] = useState<Reception | null>(null);
  if (list.isPending) return <Spin />;
  if (list.error) return <CitizenError error={list.error} />;
  if (!list.data.length) return <Empty description="近期暂无领导接待日安排" />;
  return (
    <>
      <List
        data-testid="reception-list"
        dataSource={list.data}
        renderItem={(r) => {
          const full = r.booked >= r.capacity;
          return (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              title={`${r.leaderTitle} ${r.leaderName}`}
              extra={full ? <Tag>已约满</Tag> : <Tag color="green">可预约 {r.capacity - r.booked}</Tag>}
            >
              <div>{r.unitName ?? ''}</div>
              <div>
                时间：{formatTime(r.startsAt)} – {formatTime(r.endsAt).slice(11)}
              </div>
              <div>地点：{r.place}</div>
              <Button type="primary" style={{ marginTop: 8 }} disabled={full} onClick={() => setOpen(r)}>
                预约
              </Button>
            </Card>
          );
        }}
      />
      {open ? <BookingModal reception={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function BookingModal({ reception, onClose }: { reception: Reception; onClose: () => void }) {
  const [form] = Form.useForm<Booking>();
  const book = useMutation({
    mutationFn: (b: Booking) =>
      publicCall<Booked>(
        intake.POST('/public/receptions/{receptionId}/appointments', { params: { path: { receptionId: reception.id } }, body: b }),
      ),
  });
  const waiting = useWait(book.error);
  return (
    <Modal open title={`预约：${reception.leaderTitle} ${reception.leaderName}`} onCancel={onClose} footer={null} destroyOnHidden>
      {book.data ? (
        <Result
          status="success"
          title="预约成功"
          subTitle={`预约号 ${book.data.appointmentNumber}。请于 ${formatTime(reception.startsAt)} 携带身份证件到${reception.place}。短信将发送至 ${maskPhone(form.getFieldValue('phone') as string)}。`}
        />
      ) : (
        <Form<Booking> form={form} layout="vertical" onFinish={(v) => book.mutate(v)}>
          <CitizenError error={book.error} />
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号码"
            rules={[{ required: true, pattern: /^\+?[\d-]{7,20}$/, message: '请填写正确的手机号码' }]}
          >
            <Input.Password inputMode="tel" />
          </Form.Item>
          <Form.Item name="subject" label="反映事项（简要）" rules={[{ required: true, min: 2, max: 100, message: '请填写 2–100 字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Typography.Paragraph type="secondary">每人每场限约一次。</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={book.isPending} disabled={waiting}>
            提交预约
          </Button>
        </Form>
      )}
    </Modal>
  );
}
