import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { notification } from '../../api/client';
import { call } from '../../api/errors';
import type { Notice } from '../../api/views';
import { useEventStream } from '../../sse/useEventStream';
import { formatTime } from '../../time';
import { ErrorAlert } from '../ErrorAlert';

/** 站内通知: the bell with the unread count, live; the drawer lists the notices (mark read), each opening its case. */
export function NoticeBell() {
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notices = useQuery({
    queryKey: ['notices'],
    refetchInterval: 60_000,
    queryFn: () => call(notification.GET('/notices', { params: { query: { limit: 50 } } })),
  });
  // notification's live stream (SSE `event: notice`): each notice reloads the list; the poll covers a lost stream.
  useEventStream('/api/notification/notices/stream', (f) => {
    if (f.event === 'notice') void qc.invalidateQueries({ queryKey: ['notices'] });
  });
  const read = useMutation({
    mutationFn: (id: string) => call(notification.POST('/notices/{id}/read', { params: { path: { id } } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notices'] }),
  });
  const readAll = useMutation({
    mutationFn: () => call(notification.POST('/notices/read-all')),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notices'] }),
  });
  const openNotice = (n: Notice) => {
    if (!n.read) read.mutate(n.id);
    if (n.caseId) {
      setOpen(false);
      navigate(`/cases/${n.caseId}`);
    }
  };
  return (
    <>
      <Badge count={notices.data?.unread ?? 0} size="small" data-testid="notice-unread">
        <Button size="small" data-testid="notice-bell" onClick={() => setOpen(true)}>
          通知
        </Button>
      </Badge>
      <Drawer
        title="站内通知"
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        extra={
          <Button size="small" disabled={!notices.data?.unread} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            全部标为已读
          </Button>
        }
      >
        <ErrorAlert error={notices.error ?? read.error ?? readAll.error} />
        <List<Notice>
          dataSource={notices.data?.items ?? []}
          loading={notices.isLoading}
          locale={{ emptyText: '暂无通知' }}
          data-testid="notice-list"
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.caseId ? 'pointer' : undefined, opacity: n.read ? 0.6 : 1 }}
              onClick={() => openNotice(n)}
              actions={
                n.read
                  ? []
                  : [
                      <a
                        key="r"
                        onClick={(e) => {
                          e.stopPropagation();
                          read.mutate(n.id);
                        }}
                      >
                        标为已读
                      </a>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.read && <Tag color="red">未读</Tag>}
                    {n.title}
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 0 }}>{n.body}</Typography.Paragraph>
                    <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
