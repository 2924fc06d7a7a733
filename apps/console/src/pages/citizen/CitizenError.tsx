import { Alert } from 'antd';
import { useCallback, useEffect, useState } from 'react';

import { Countdown } from './Countdown';
import { citizenErrorText, RateLimited } from './publicApi';

/** An error in plain Chinese; a rate limit as a wait counting down (the form stays disabled until it ends). */
export function CitizenError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof RateLimited) {
    return (
      <Alert
        data-testid="citizen-wait"
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="操作过于频繁"
        description={
          <>
            为保护您的信息，请稍候再试：
            <Countdown until={Date.now() + error.seconds * 1000} />
          </>
        }
      />
    );
  }
  return <Alert data-testid="citizen-error" type="error" showIcon style={{ marginBottom: 12 }} title={citizenErrorText(error)} />;
}

/** Whether a form must wait (a 429 answered within its Retry-After). */
export function useWait(error: unknown): boolean {
  const [until, setUntil] = useState(0);
  useEffect(() => {
    if (error instanceof RateLimited) setUntil(Date.now() + error.seconds * 1000);
  }, [error]);
  const [, tick] = useState(0);
  const refresh = useCallback(() => tick((n) => n + 1), []);
  useEffect(() => {
    if (until <= Date.now()) return undefined;
    const t = setTimeout(refresh, until - Date.now());
    return () => clearTimeout(t);
  }, [until, refresh]);
  return until > Date.now();
}
