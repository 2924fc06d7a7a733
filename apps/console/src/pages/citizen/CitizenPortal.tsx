import { Layout, Tabs, Typography } from 'antd';
import { useState } from 'react';

import { PetitionForm } from './PetitionForm';
import { ProgressQuery } from './ProgressView';
import { Receptions } from './Receptions';
import { Recovery } from './Recovery';

/** 群众端: the public portal (no sign-in), one column sized for a phone, wider screens centred. */
export default function CitizenPortal() {
  const [tab, setTab] = useState('petition');
  const [key, setKey] = useState<{ caseNumber: string; queryCode: string } | null>(null);
  const query = (caseNumber: string, queryCode: string) => {
    setKey({ caseNumber, queryCode });
    setTab('progress');
  };
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#b71c1c', padding: '0 16px', height: 'auto', lineHeight: 1.4 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: '12px 0 2px' }}>
          阳光信访 · 网上信访
        </Typography.Title>
        <Typography.Text style={{ color: '#ffe', display: 'block', paddingBottom: 10, fontSize: 12 }}>
          新乡市信访局 · 依法、及时、就地解决群众合理诉求
        </Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 640, margin: '0 auto', padding: '8px 12px 32px' }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden={false}
          items={[
            { key: 'petition', label: '我要信访', children: <PetitionForm onQuery={query} /> },
            {
              key: 'progress',
              label: '进度查询',
              children: <ProgressQuery key={key ? `${key.caseNumber}/${key.queryCode}` : 'blank'} initial={key} />,
            },
            { key: 'receptions', label: '领导接待', children: <Receptions /> },
            { key: 'recovery', label: '找回查询码', children: <Recovery onQuery={query} /> },
          ]}
        />
      </Layout.Content>
    </Layout>
  );
}
