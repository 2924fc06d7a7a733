import { Button, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';

import { useUnits } from '../../api/queries';
import { currentSession } from '../../session';
import { useCategories } from '../part1/categories';
import { PlacePicker } from '../PlacePicker';
import type { ListFilter } from './list-filter';

export { type ListFilter, withinPeriod, withinPlace } from './list-filter';

/** The filter bar; `fields` names the filters the list can apply (the others are not shown). */
export function FilterBar({
  value,
  onChange,
  fields = ['unit', 'place', 'category', 'period'],
  periodLabel = '时间',
}: {
  value: ListFilter;
  onChange: (f: ListFilter) => void;
  fields?: ReadonlyArray<'unit' | 'place' | 'category' | 'period'>;
  periodLabel?: string;
}) {
  const { data: categories } = useCategories();
  const session = currentSession();
  const units = useUnits({ within: session?.division || undefined }, fields.includes('unit'));
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="supervision-filters">
      {fields.includes('unit') ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="单位"
          style={{ width: 240 }}
          value={value.unitId}
          loading={units.isPending}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(unitId?: string) => onChange({ ...value, unitId })}
        />
      ) : null}
      {fields.includes('place') ? (
        <div style={{ width: 300 }}>
          <PlacePicker value={value.place} onChange={(place) => onChange({ ...value, place })} />
        </div>
      ) : null}
      {fields.includes('category') ? (
        <Select
          allowClear
          placeholder="问题类别"
          style={{ width: 160 }}
          value={value.category}
          options={(categories ?? []).map((c) => ({ value: c.code, label: c.zh }))}
          onChange={(category?: string) => onChange({ ...value, category })}
        />
      ) : null}
      {fields.includes('period') ? (
        <DatePicker.RangePicker
          placeholder={[`${periodLabel}起`, `${periodLabel}止`]}
          onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
            onChange({ ...value, period: r?.[0] && r[1] ? [r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')] : undefined })
          }
        />
      ) : null}
      <Button onClick={() => onChange({})}>清除筛选</Button>
    </Space>
  );
}
