import { Tag, Tooltip } from 'antd';

import { dueState, lastDayOf } from '../time';

const COLOR = { overdue: 'red', warning: 'orange', normal: 'green' } as const;

/** A period's last day (Beijing time; the due instant is 00:00 of the next day) with its countdown, coloured by urgency (warning within 3 days, overdue). */
export function DueTag({ dueAt, provisional }: { dueAt: string | null; provisional?: boolean }) {
  if (!dueAt) return <>—</>;
  const s = dueState(dueAt);
  return (
    <Tooltip title={provisional ? '该年度节假日安排尚未公布，期限可能调整' : undefined}>
      <span>
        截至 {lastDayOf(dueAt)}{' '}
        <Tag color={COLOR[s.urgency]} data-urgency={s.urgency}>
          {s.text}
          {provisional ? '（暂定）' : ''}
        </Tag>
      </span>
    </Tooltip>
  );
}
