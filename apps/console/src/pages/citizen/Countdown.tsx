import { useEffect, useState } from 'react';

/** Counts down to `until` (an instant), in days and hours, then minutes and seconds in its last hour. */
export function Countdown({ until, onDone }: { until: string | number; onDone?: () => void }) {
  const target = typeof until === 'number' ? until : new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const left = target - now;
  useEffect(() => {
    if (left <= 0) {
      onDone?.();
      return undefined;
    }
    const t = setTimeout(() => setNow(Date.now()), left > 3600000 ? 60000 : 1000);
    return () => clearTimeout(t);
  }, [left, onDone]);
  if (left <= 0) return <span>已到期</span>;
  const d = Math.floor(left / 86400000);
  const h = Math.floor((left % 86400000) / 3600000);
  const m = Math.floor((left % 3600000) / 60000);
  const s = Math.floor((left % 60000) / 1000);
  return <span data-testid="countdown">{d > 0 ? `${d} 天 ${h} 小时` : h > 0 ? `${h} 小时 ${m} 分` : `${m} 分 ${s} 秒`}</span>;
}
