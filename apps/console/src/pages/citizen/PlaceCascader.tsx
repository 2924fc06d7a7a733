import { Cascader, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { intake } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { paths } from '../../api/generated/intake';
import { citizenErrorText, publicCall } from './publicApi';

type DivisionList = paths['/public/divisions']['get']['responses']['200']['content']['application/json'];

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
  loading?: boolean;
}

/** One level of the city's division tree from intake's public `GET /public/divisions` (the city's counties without a parent). */
async function divisions(parent?: string): Promise<Option[]> {
  const list = await publicCall<DivisionList>(intake.GET('/public/divisions', { params: { query: parent ? { parent } : {} } }));
  return list.items.map((d) => ({ value: d.code, label: d.name, isLeaf: d.leaf }));
}

/** The server's Chinese reason (not the case-lookup wording citizenErrorText gives a 404), a wait, or the network. */
function placeError(e: unknown): string {
  return e instanceof ApiError ? e.zh : citizenErrorText(e);
}

/**
 * 问题发生地 for the citizen: county → township → village, each level asked when opened (antd loadData). The value is
 * the last code chosen; a county alone is enough (intake places the petition at the lowest bureau holding the place).
 */
export function PlaceCascader({ value, onChange }: { value?: string; onChange?: (code: string | undefined) => void }) {
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    divisions().then(setOptions, (e: unknown) => setError(placeError(e)));
  }, []);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);
  async function load(selected: Option[]) {
    const target = selected[selected.length - 1];
    if (!target || target.isLeaf) return;
    target.loading = true;
    setOptions((o) => [...o]);
    try {
      target.children = await divisions(target.value);
      if (!target.children.length) target.isLeaf = true;
      setError(undefined);
    } catch (e) {
      setError(placeError(e));
    } finally {
      target.loading = false;
      setOptions((o) => [...o]);
    }
  }
  return (
    <div data-testid="citizen-place">
      <Cascader<Option>
        options={options}
        loadData={(s) => void load(s as Option[])}
        changeOnSelect
        value={path}
        placeholder="县（市、区）→ 乡镇（街道）→ 村（社区）"
        onChange={(v) => {
          const codes = (v ?? []).map(String);
          setPath(codes);
          onChange?.(codes[codes.length - 1]);
        }}
        style={{ width: '100%' }}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </div>
  );
}
