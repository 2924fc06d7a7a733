import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useParams } from 'react-router';

import { routing } from '../api/client';
import { call } from '../api/errors';
import { ErrorAlert } from '../components/ErrorAlert';

/** 文书打印预览: the service's own print HTML (zh-CN), fetched with the staff token and shown in a frame to print. */
export default function PrintPage() {
  const { caseId = '', documentId = '' } = useParams();
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useQuery({
    queryKey: ['document-html', caseId, documentId],
    // The print HTML as text (not JSON), through the one client: the staff token, a 401 ending the session, the refusal's zh-CN reason.
    queryFn: () =>
      call(routing.GET('/cases/{caseId}/documents/{documentId}/html', { params: { path: { caseId, documentId } }, parseAs: 'text' })),
  });
  return (
    <div style={{ padding: 24 }}>
      <ErrorAlert error={html.error} />
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" disabled={!html.data} onClick={() => frame.current?.contentWindow?.print()}>
          打印
        </Button>
        <Button onClick={() => window.close()}>关闭</Button>
      </Space>
      {html.data && (
        <iframe
          ref={frame}
          title="文书"
          srcDoc={html.data}
          style={{ width: '100%', height: '80vh', border: '1px solid #ddd' }}
          sandbox="allow-modals allow-same-origin"
        />
      )}
    </div>
  );
}
