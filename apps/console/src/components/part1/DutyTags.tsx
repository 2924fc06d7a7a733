import { Space, Tag, Tooltip } from 'antd';

import type { UnitDuty } from '../../api/views';

const STATE = {
  running: { color: 'green', word: '计时中' },
  warned: { color: 'orange', word: '预警' },
  overdue: { color: 'red', word: '超期' },
} as const;

/** What the unit owes on the case now, soonest first: each duty with its last day (Beijing time) and running/预警/超期. */
export function DutyTags({ duties }: { duties: readonly UnitDuty[] }) {
  if (duties.length === 0) return <>—</>;
  return (
    <Space direction="vertical" size={2}>
      {duties.map((d) => (
        <Tooltip key={d.clock} title={`${d.article}${d.provisional ? '；该年度节假日安排尚未公布，期限可能调整' : ''}`}>
          <span data-duty-state={d.state}>
            {d.label} 截至 {d.lastDay}
            {d.provisional ? '（暂定）' : ''} <Tag color={STATE[d.state].color}>{STATE[d.state].word}</Tag>
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}
