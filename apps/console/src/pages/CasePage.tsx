import { formSummary } from '@sunshine/domain/forms';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, List, Modal, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { intake, routing, supervision } from '../api/client';
import { ApiError, call, errorText } from '../api/errors';
import type { CaseDetail } from '../api/views';
import { DueTag } from '../components/DueTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { categoryName, useCategories } from '../components/part1/categories';
import { CLOCK_KIND, CLOCK_STATUS } from '../components/supervision/words';
import { UnitName } from '../components/UnitName';
import { CHANNEL, DOCUMENT_KIND, EVENT, label, PETITION_TYPE, STAGE, STATUS } from '../labels';
import { formatTime } from '../time';
import { CASE_ACTIONS, type CaseAction, DRAFT_REPLY } from './case-actions';

/** 案件页: facts, the dossier where the caller may see it, clocks, timeline, routing reasons, documents, and the allowed actions. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const path = { params: { path: { caseId } } };
  // Each answer as the service documents it (the generated client's types, see api/views.ts): nothing restated here.
  const detail = useQuery({ queryKey: ['case', caseId], queryFn: () => call(routing.GET('/cases/{caseId}', path)) });
  const dossier = useQuery({
    queryKey: ['dossier', caseId],
    retry: false,
    queryFn: () => call(intake.GET('/petitions/{caseId}/dossier', path)),
  });
  const city = useQuery({
    queryKey: ['supervision-case', caseId],
    retry: false,
    queryFn: () => call(supervision.GET('/cases/{caseId}', path)),
  });
  const dispatches = useQuery({ queryKey: ['dispatches', caseId], queryFn: () => call(routing.GET('/cases/{caseId}/dispatches', path)) });
  const documents = useQuery({ queryKey: ['documents', caseId], queryFn: () => call(routing.GET('/cases/{caseId}/documents', path)) });
  const categories = useCategories();
  const c = detail.data;
  if (detail.error)
    return (
      <Card>
        <ErrorAlert error={detail.error} />
        <Link to="/inbox">返回收件箱</Link>
      </Card>
    );
  if (!c) return <Card loading />;
  const form = dossier.data?.facts?.form;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <>
            信访事项 <Typography.Text data-testid="case-page-number">{c.caseNumber}</Typography.Text>{' '}
            <Tag color="red">{label(STATUS, c.status)}</Tag>
          </>
        }
        extra={<Typography.Text type="secondary">版本 {c.version}</Typography.Text>}
      >
        {c.flags?.mergedInto && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="merged-into"
            message={
              <>
                本事项已并单办结，并入{' '}
                <Link to={`/cases/${c.flags.mergedInto.caseId}`}>{c.flags.mergedInto.caseNumber ?? c.flags.mergedInto.caseId}</Link>{' '}
                继续办理
              </>
            }
          />
        )}
        <Actions detail={c} />
        <Descriptions bordered size="small" column={3} style={{ marginTop: 16 }}>
          <Descriptions.Item label="事由" span={3}>
            {dossier.data?.subject ?? '（无权查看内容）'}
          </Descriptions.Item>
          <Descriptions.Item label="问题发生地" span={3}>
            {dossier.data?.facts?.placeLabel ?? c.placeCode ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="个人/集体" span={3}>
            <span data-testid="case-form">{form ? formSummary(form) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="信访形式">{label(PETITION_TYPE, c.type)}</Descriptions.Item>
          <Descriptions.Item label="问题类别">{categoryName(categories.data, c.category)}</Descriptions.Item>
          <Descriptions.Item label="来源渠道">{label(CHANNEL, c.channel)}</Descriptions.Item>
          <Descriptions.Item label="阶段">{label(STAGE, c.stage)}</Descriptions.Item>
          <Descriptions.Item label="登记单位">
            <UnitName id={c.receivingUnitId} />
          </Descriptions.Item>
          <Descriptions.Item label="承办单位">
            <UnitName id={c.holdingUnitId} />
          </Descriptions.Item>
          <Descriptions.Item label="收到时间">{formatTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="办理期限" span={2}>
            <DueTag dueAt={c.dueAt} />
          </Descriptions.Item>
          <Descriptions.Item label="经办人">{c.handlerId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="协办单位" span={2}>
            {c.assistingUnitIds.length
              ? c.assistingUnitIds.map((u) => (
                  <Tag key={u}>
                    <UnitName id={u} />
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title="卷宗" size="small">
            {dossier.error ? (
              <ErrorAlert error={dossier.error} />
            ) : (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{dossier.data?.content ?? '…'}</Typography.Paragraph>
                <List
                  size="small"
                  header="附件"
                  dataSource={dossier.data?.attachments ?? []}
                  locale={{ emptyText: '无附件' }}
                  renderItem={(a) => <List.Item>{a.fileName}</List.Item>}
                />
              </>
            )}
          </Card>
          <Card title="期限" size="small" style={{ marginTop: 16 }}>
            {city.error ? (
              <ErrorAlert error={city.error} />
            ) : (
              <Table
                size="small"
                rowKey="clockId"
                pagination={false}
                dataSource={city.data?.clocks ?? []}
                columns={[
                  { title: '期限', dataIndex: 'kind', render: (k: string) => label(CLOCK_KIND, k) },
                  { title: '依据', dataIndex: 'article' },
                  { title: '单位', dataIndex: 'unitId', render: (u: string) => <UnitName id={u} /> },
                  { title: '最后一日', dataIndex: 'lastDay', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
                  {
                    title: '到期',
                    render: (_: unknown, k) =>
                      k.status === 'running' ? (
                        <DueTag dueAt={k.dueAt} provisional={k.provisional} />
                      ) : (
                        <Tag>{label(CLOCK_STATUS, k.status)}</Tag>
                      ),
                  },
                ]}
              />
            )}
          </Card>
          <Card title="转送交办记录" size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={dispatches.data ?? []}
              locale={{ emptyText: '暂无' }}
              renderItem={(d) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Space>
                      <Tag>{d.mode === 'assign' ? '交办' : '转送'}</Tag>
                      <UnitName id={d.fromUnitId} /> → <UnitName id={d.toUnitId} />
                      <Typography.Text type="secondary">{formatTime(d.at)}</Typography.Text>
                    </Space>
                    {d.reasons.map((r) => (
                      <Typography.Text key={r} type="secondary">
                        {r}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title="办理过程" size="small">
            {city.error ? (
              <Typography.Text type="secondary">时间线仅向可查看本事项的单位显示</Typography.Text>
            ) : (
              <Timeline
                items={(city.data?.timeline ?? []).map((t) => ({
                  children: (
                    <>
                      {formatTime(t.occurredAt)} <span data-event={t.type}>{label(EVENT, t.type)}</span>
                      {t.status ? <Typography.Text type="secondary">（{label(STATUS, t.status)}）</Typography.Text> : null}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          <Card title="文书" size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={documents.data ?? []}
              locale={{ emptyText: '暂无文书' }}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Link key="p" to={`/print/${caseId}/${d.id}`} target="_blank">
                      打印预览
                    </Link>,
                  ]}
                >
                  {label(DOCUMENT_KIND, d.kind)} {d.number}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * Exactly the actions `allowedActions` lists, as buttons. Each is sent with the version the page shows (If-Match); a
 * stale version answers 409 VERSION_CONFLICT: the page reloads the case and, when the action is still allowed on the
 * newer version, keeps the dialog open with what was typed and says so, for the user to check and submit again.
 * What an action came to (done, or the server's reason) stays on the page until the next action, not a passing toast.
 */
function Actions({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey.includes(detail.caseId) || q.queryKey[0] === 'inbox' });
  const run = useMutation({
    mutationFn: ({ action, version, values }: { action: CaseAction; version: number; values: Record<string, unknown> }) =>
      action.run(detail.caseId, version, values),
    onMutate: () => {
      setDone(null);
      setConflict(null);
    },
    onSuccess: (_, { action }) => {
      const text = `${action.label}：已完成`;
      setDone(text);
      void message.success(text);
      setOpen(null);
      form.resetFields();
    },
    onError: async (e, { action }) => {
      if (!(e instanceof ApiError && e.code === 'VERSION_CONFLICT')) return;
      // Someone else acted first: the newer case decides whether this action is still there to take.
      await refresh();
      const fresh = qc.getQueryData<CaseDetail>(['case', detail.caseId]);
      const still = !!fresh && offered(fresh).includes(action);
      const text = still
        ? `该事项已被他人更新（现为版本 ${fresh?.version ?? '—'}），页面已刷新为最新版本；请核对后再次提交「${action.label}」。`
        : `该事项已被他人更新，「${action.label}」已不再可执行，页面已刷新为最新版本。`;
      setConflict(text);
      void message.warning(text);
      if (!still || !action.fields) setOpen(null);
    },
    onSettled: (_, e) => {
      if (!(e instanceof ApiError && e.code === 'VERSION_CONFLICT')) void refresh();
    },
  });
  const submit = (action: CaseAction, values: Record<string, unknown>) => run.mutateAsync({ action, version: detail.version, values });
  const actions = offered(detail);
  const failed = run.error && !(run.error instanceof ApiError && run.error.code === 'VERSION_CONFLICT') ? run.error : null;
  return (
    <>
      {done && <Alert type="success" showIcon message={done} data-testid="action-done" style={{ marginBottom: 16 }} />}
      {conflict && <Alert type="warning" showIcon message={conflict} data-testid="action-conflict" style={{ marginBottom: 16 }} />}
      <ErrorAlert error={failed} />
      <Space wrap data-testid="case-actions">
        {actions.length === 0 && <Typography.Text type="secondary">当前没有可执行的操作</Typography.Text>}
        {actions.map((a) => (
          <Button
            key={a.label}
            type="primary"
            ghost
            loading={run.isPending && run.variables.action === a}
            onClick={() =>
              a.fields
                ? setOpen(a)
                : Modal.confirm({
                    title: `确认${a.label}？`,
                    okText: '确认',
                    cancelText: '取消',
                    onOk: () => submit(a, {}).catch(() => undefined),
                  })
            }
          >
            {a.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open?.label}
        okText="提交"
        cancelText="取消"
        confirmLoading={run.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {conflict ? <Alert type="warning" showIcon message={conflict} style={{ marginBottom: 12 }} /> : null}
        {failed ? <Alert type="error" showIcon message={errorText(failed)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(values) => open && void submit(open, values).catch(() => undefined)}>
          {open?.fields}
        </Form>
      </Modal>
    </>
  );
}

/** Exactly what routing computed for this caller (unit, roles, the case's state and clocks): nothing is guessed here. */
function offered(detail: CaseDetail): CaseAction[] {
  return detail.allowedActions.flatMap((name) => {
    const a = CASE_ACTIONS[name];
    if (!a) return [];
    return name === 'request-extension' ? [DRAFT_REPLY, a] : [a];
  });
}
