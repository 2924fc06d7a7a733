import { Alert } from 'antd';

import { errorText } from '../api/errors';

/** The server's zh-CN reason for a failure: nothing fails silently. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 16 }} />;
}
