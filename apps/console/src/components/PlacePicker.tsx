import { Cascader } from 'antd';
import { useEffect, useState } from 'react';

import { routing } from '../api/client';
import { call } from '../api/errors';
import { unitList } from '../api/queries';
import type { OrgUnit } from '../api/views';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
  loading?: boolean;
}

const CITY = '410700000000';
const NEXT_LEVEL = { county: 'township', township: 'village' } as const;

async function places(within: string, level: 'county' | 'township' | 'village'): Promise<Option[]> {
  const units = unitList(
    await call<OrgUnit[] | { items: OrgUnit[] }>(routing.GET('/org/units', { params: { query: { within, level, limit: 500 } } })),
  );
  // One option per division (a township has its government, its petition office …): the division's own name.
  const byDivision = new Map<string, string>();
  for (const u of units) if (!byDivision.has(u.divisionCode) || u.kind === 'government') byDivision.set(u.divisionCode, u.name);
  return [...byDivision]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({
      value: code,
      label: name.replace(/(人民政府|办事处|委员会|村委会|居委会)$/, ''),
      isLeaf: level === 'village',
    }));
}

/** 发生地: county → township → village over the real division tree (the directory's units); the value is the last code. */
export function PlacePicker({ value, onChange }: { value?: string; onChange?: (code: string | undefined) => void }) {
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  useEffect(() => {
    void places(CITY, 'county').then(setOptions, () => setOptions([]));
  }, []);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);
  async function load(selected: Option[]) {
    const target = selected[selected.length - 1];
    if (!target) return;
    const level = (['county', 'township', 'village'] as const)[selected.length - 1] ?? 'village';
    const next = level === 'village' ? undefined : NEXT_LEVEL[level];
    if (!next) return;
    target.loading = true;
    const children = await places(target.value, next).catch(() => []);
    target.loading = false;
    target.children = children;
    if (!children.length) target.isLeaf = true;
    setOptions((o) => [...o]);
  }
  return (
    <div data-testid="place-picker">
      <Cascader<Option>
        options={options}
        loadData={(s) => void load(s as Option[])}
        changeOnSelect
        value={path}
        placeholder="选择县（市、区）→ 乡镇（街道）→ 村（社区）"
        showSearch={false}
        onChange={(v) => {
          const codes = (v ?? []).map(String);
          setPath(codes);
          onChange?.(codes[codes.length - 1]);
        }}
        style={{ width: '100%' }}
      />
    </div>
  );
}
