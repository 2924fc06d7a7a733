import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';

import { intake } from '../../api/client';
import { formatDate, formatTime } from '../../time';
import { AddAttachmentsCard } from './attachments';
import { CitizenError, useWait } from './CitizenError';
import { Countdown } from './Countdown';
import { publicCall } from './publicApi';
import type { Progress } from './views';

interface Key {
  caseNumber: string;
  queryCode: string;
}

const SCORE = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically-satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
] as const;
type Score = (typeof SCORE)[number]['value'];
const STAGE_WORD: Record<string, string> = { original: '初次办理', review: '复查', 're-review': '复核' };
const SUBJECT_WORD: Record<string, string> = { 'handling-unit': '承办单位', bureau: '信访工作机构' };
const WITHDRAW = [
  { value: 'resolved', label: '问题已解决' },
  { value: 'no-longer-needed', label: '不再需要办理' },
  { value: 'other', label: '其他原因' },
] as const;

/** 查询办理进度: case number + query code → stage, status, unit, each period's last day, the reply; and what may follow. */
export function ProgressQuery({ initial }: { initial: Key | null }) {
  const [key, setKey] = useState<Key | null>(initial);
  const [form] = Form.useForm<Key>();
  const progress = useQuery({
    queryKey: ['public-progress', key],
    enabled: !!key,
    retry: false,
    queryFn: () => publicCall<Progress>(intake.POST('/public/cases/progress', { body: key as Key })),
  });
  const waiting = useWait(progress.error);
  return (
    <>
      <Form<Key>
        form={form}
        layout="vertical"
        initialValues={initial ?? undefined}
        onFinish={(v) => {
          const next = { caseNumber: v.caseNumber.trim(), queryCode: v.queryCode.trim().toUpperCase() };
          // 查询 always asks the server: the same case again refetches (setting an equal key would keep the old answer).
          if (key && key.caseNumber === next.caseNumber && key.queryCode === next.queryCode) void progress.refetch();
          else setKey(next);
        }}
      >
        <Form.Item name="caseNumber" label="信访件编号" rules={[{ required: true, message: '请填写信访件编号' }]}>
          <Input data-testid="progress-case-number" placeholder="如 410726-2026-000123" />
        </Form.Item>
        <Form.Item name="queryCode" label="查询码" rules={[{ required: true, message: '请填写查询码' }]}>
          <Input.Password data-testid="progress-query-code" autoComplete="off" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={progress.isFetching}
          disabled={waiting}
          data-testid="progress-submit"
        >
          查询
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <CitizenError error={progress.error} />
        {progress.data && key ? <ProgressCard p={progress.data} caseKey={key} /> : null}
      </div>
    </>
  );
}

function ProgressCard({ p, caseKey }: { p: Progress; caseKey: Key }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={
          <span>
            信访件 <span data-testid="progress-number">{p.caseNumber}</span>
          </span>
        }
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label="办理阶段">{p.stage.zh}</Descriptions.Item>
          <Descriptions.Item label="当前状态">
            <Tag color="blue" data-testid="progress-status">
              {p.status?.zh ?? '—'}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="承办单位">
            <span data-testid="progress-unit">{p.handlingUnit?.name ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatTime(p.registeredAt)}</Descriptions.Item>
          <Descriptions.Item label="问题类别">{p.category?.zh ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="信访途径">{p.channel?.zh ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {p.deadlines.length ? (
        <Card size="small" title="办理期限">
          <Timeline
            items={p.deadlines.map((c) => ({
              color: c.paused ? 'gray' : new Date(c.dueAt) < new Date() ? 'red' : 'blue',
              content: (
                <span data-testid="progress-deadline">
                  {c.label}：最后一日 <b>{formatDate(c.lastDay)}</b>
                  {c.provisional ? '（暂定）' : ''}
                  {c.paused ? '（暂停计算）' : ''}
                  <Typography.Text type="secondary"> {c.article}</Typography.Text>
                </span>
              ),
            }))}
          />
        </Card>
      ) : null}
      {p.notAccepted ? (
        <Alert
          type="warning"
          showIcon
          data-testid="progress-not-accepted"
          title={`${p.notAccepted.unit.name ?? '承办单位'}于 ${formatDate(p.notAccepted.decidedAt)} 决定不予受理`}
          description={
            <>
              <div>理由：{p.notAccepted.reason.text ?? p.notAccepted.reason.code}</div>
              <div>
                您可以：{p.notAccepted.properChannel.zh}
                {p.notAccepted.channelUnit?.name ? `（${p.notAccepted.channelUnit.name}）` : ''}
              </div>
            </>
          }
        />
      ) : null}
      {p.reply ? (
        <Card size="small" title={`处理意见（${p.reply.outcome.zh}）`} data-testid="progress-reply">
          <Typography.Paragraph type="secondary">
            出具：{formatDate(p.reply.repliedAt)}，送达：{formatDate(p.reply.servedAt)}
          </Typography.Paragraph>
          {p.reply.available ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {p.reply.text ?? '（书面意见已送达，请查收纸质文书）'}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph>{p.reply.note.zh}</Typography.Paragraph>
          )}
        </Card>
      ) : null}
      {p.ratings.length ? (
        <Card size="small" title="已作评价">
          {p.ratings.map((r) => (
            <div key={`${r.stage}-${r.subject}`}>
              {STAGE_WORD[r.stage] ?? r.stage} · {SUBJECT_WORD[r.subject] ?? r.subject}：{r.score.zh}
            </div>
          ))}
        </Card>
      ) : null}
      {p.canRate.map((r) => (
        <RateCard key={`${r.stage}-${r.subject}`} caseKey={caseKey} stage={r.stage} subject={r.subject} until={r.until} />
      ))}
      {p.canRequestReview ? <ReviewCard caseKey={caseKey} stage={p.canRequestReview.stage} until={p.canRequestReview.until} /> : null}
      {p.status && !['withdrawn', 'closed'].includes(p.status.code) ? <AddAttachmentsCard caseKey={caseKey} /> : null}
      {p.canWithdraw ? <WithdrawCard caseKey={caseKey} /> : null}
    </Space>
  );
}

/** After an act on the case (rate, request review, withdraw: intake's documented `Done`), the progress is read again. */
function useRefreshProgress(): () => Promise<void> {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['public-progress'] });
}

function RateCard({
  caseKey,
  stage,
  subject,
  until,
}: {
  caseKey: Key;
  stage: 'original' | 'review' | 're-review';
  subject: 'handling-unit' | 'bureau';
  until: string;
}) {
  const [score, setScore] = useState<Score | null>(null);
  const refresh = useRefreshProgress();
  const rate = useMutation({
    mutationFn: (chosen: Score) =>
      publicCall(intake.POST('/public/cases/ratings', { body: { ...caseKey, stage, subject, score: chosen } })),
    onSuccess: refresh,
  });
  const waiting = useWait(rate.error);
  return (
    <Card size="small" title={`评价${STAGE_WORD[stage] ?? ''}结果（${SUBJECT_WORD[subject] ?? subject}）`} data-testid={`rate-${subject}`}>
      <Typography.Paragraph type="secondary">
        评价截止：{formatTime(until)}（剩余 <Countdown until={until} />）
      </Typography.Paragraph>
      <CitizenError error={rate.error} />
      <Radio.Group
        value={score}
        onChange={(e) => setScore(e.target.value as Score)}
        optionType="button"
        buttonStyle="solid"
        options={SCORE.map((s) => ({ value: s.value, label: s.label }))}
      />
      <Button
        style={{ marginLeft: 12 }}
        type="primary"
        disabled={!score || waiting}
        loading={rate.isPending}
        onClick={() => score && rate.mutate(score)}
        data-testid={`rate-submit-${subject}`}
      >
        提交评价
      </Button>
    </Card>
  );
}

function ReviewCard({ caseKey, stage, until }: { caseKey: Key; stage: 'review' | 're-review'; until: string }) {
  const refresh = useRefreshProgress();
  const request = useMutation({
    mutationFn: () => publicCall(intake.POST('/public/cases/review-requests', { body: { ...caseKey, stage } })),
    onSuccess: refresh,
  });
  const waiting = useWait(request.error);
  const word = stage === 'review' ? '复查' : '复核';
  return (
    <Card size="small" title={`申请${word}`} data-testid="review-card">
      <Typography.Paragraph>
        对处理意见不服的，可以自收到书面答复之日起 30 日内申请{word}。剩余时间：
        <b>
          <Countdown until={until} />
        </b>
        （截止 {formatTime(until)}）
      </Typography.Paragraph>
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="信访件编号">{caseKey.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="申请事项">{word}</Descriptions.Item>
      </Descriptions>
      <CitizenError error={request.error} />
      <Popconfirm title={`确认申请${word}？`} okText="确认" cancelText="取消" onConfirm={() => request.mutate()}>
        <Button type="primary" disabled={waiting} loading={request.isPending} data-testid="review-submit">
          申请{word}
        </Button>
      </Popconfirm>
    </Card>
  );
}

function WithdrawCard({ caseKey }: { caseKey: Key }) {
  const [reason, setReason] = useState<(typeof WITHDRAW)[number]['value']>('no-longer-needed');
  const refresh = useRefreshProgress();
  const withdraw = useMutation({
    mutationFn: () => publicCall(intake.POST('/public/cases/withdrawal', { body: { ...caseKey, reason } })),
    onSuccess: refresh,
  });
  const waiting = useWait(withdraw.error);
  return (
    <Card size="small" title="撤回信访事项">
      <CitizenError error={withdraw.error} />
      <Space wrap>
        <Select
          value={reason}
          onChange={setReason}
          options={WITHDRAW.map((w) => ({ value: w.value, label: w.label }))}
          style={{ width: 160 }}
        />
        <Popconfirm
          title="撤回后本事项不再办理，确认撤回？"
          okText="确认撤回"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => withdraw.mutate()}
        >
          <Button danger disabled={waiting} loading={withdraw.isPending} data-testid="withdraw-submit">
            撤回
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
