import { Button, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useUnits } from '../../api/queries';
import { CATEGORY } from '../../labels';
import { currentSession } from '../../session';
import { shanghai } from '../../time';
import { PlacePicker } from '../PlacePicker';

/** The filters every supervision list takes: unit, place (a division and everything under it), category, period. */
export interface ListFilter {
  readonly unitId?: string;
  readonly place?: string;
  readonly category?: string;
  readonly period?: readonly [string, string];
}

/** The significant prefix of a 12-digit division code (省 2, 市 4, 县 6, 乡 9, 村 12 digits). */
function divisionPrefix(code: string): string {
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** Whether `code` lies in the division `place` (itself or below it). */
export function withinPlace(code: string | null | undefined, place: string | undefined): boolean {
  return !place || (!!code && code.startsWith(divisionPrefix(place)));
}

/** Whether an instant lies in the period chosen (Beijing days, both ends included). */
export function withinPeriod(at: string | null | undefined, period: ListFilter['period']): boolean {
  if (!period) return true;
  if (!at) return false;
  const day = shanghai(at).format('YYYY-MM-DD');
  return day >= period[0] && day <= period[1];
}

/** The filter bar; `fields` names the filters the list can apply (the others are not shown). */
export function FilterBar({ value, onChange, fields = ['unit', 'place', 'category', 'period'], periodLabel = '时间' }: {
  value: ListFilter;
  onChange: (f: ListFilter) => void;
  fields?: ReadonlyArray<'unit' | 'place' | 'category' | 'period'>;
  periodLabel?: string;
}) {
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
        <div style={{ width: 300 }}><PlacePicker value={value.place} onChange={(place) => onChange({ ...value, place })} /></div>
      ) : null}
      {fields.includes('category') ? (
        <Select allowClear placeholder="问题类别" style={{ width: 160 }} value={value.category} options={Object.entries(CATEGORY).map(([v, l]) => ({ value: v, label: l }))} onChange={(category?: string) => onChange({ ...value, category })} />
      ) : null}
      {fields.includes('period') ? (
        <DatePicker.RangePicker
          placeholder={[`${periodLabel}起`, `${periodLabel}止`]}
          onChange={(r: [Dayjs | null, Dayjs | null] | null) => onChange({ ...value, period: r?.[0] && r[1] ? [r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')] : undefined })}
        />
      ) : null}
      <Button onClick={() => onChange({})}>清除筛选</Button>
    </Space>
  );
}
