import { Cascader, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { intake } from '../api/client';
import type { paths } from '../api/generated/intake';

type DivisionList = paths['/public/divisions']['get']['responses']['200']['content']['application/json'];
type FetchResult = { data?: unknown; error?: unknown; response: Response };

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
  loading?: boolean;
}

/** One level of the city's division tree, asked once per page load (the tree changes with the statistics codes only). */
const levels = new Map<string, Promise<Option[]>>();

function divisions(send: <T>(request: Promise<FetchResult>) => Promise<T>, parent?: string): Promise<Option[]> {
  const key = parent ?? '';
  let level = levels.get(key);
  if (!level) {
    level = send<DivisionList>(intake.GET('/public/divisions', { params: { query: parent ? { parent } : {} } })).then((list) =>
      list.items.map((d) => ({ value: d.code, label: d.name, isLeaf: d.leaf })),
    );
    level.catch(() => levels.delete(key));
    levels.set(key, level);
  }
  return level;
}

export interface DivisionCascaderProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  testId: string;
  placeholder: string;
  /** How the page sends a request (the staff's `call`, the citizen's `publicCall` with its 429 wait). */
  send: <T>(request: Promise<FetchResult>) => Promise<T>;
  /** The sentence shown when a level cannot be read. */
  errorText: (e: unknown) => string;
}

/**
 * 发生地: county → township → village of the city, each level read when opened (antd loadData) from intake's
 * `GET /public/divisions` (names from the statistics division codes). The value is the last code chosen; a county
 * alone is enough. The one place picker of the console: the clerk's registration, the supervision filters and the
 * citizen's portal.
 */
export function DivisionCascader({ value, onChange, testId, placeholder, send, errorText }: DivisionCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    divisions(send).then(
      (o) => setOptions(o.map((x) => ({ ...x }))),
      (e: unknown) => setError(errorText(e)),
    );
  }, [send, errorText]);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);
  async function load(selected: Option[]) {
    const target = selected[selected.length - 1];
    if (!target || target.isLeaf) return;
    target.loading = true;
    setOptions((o) => [...o]);
    try {
      target.children = (await divisions(send, target.value)).map((x) => ({ ...x }));
      if (!target.children.length) target.isLeaf = true;
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      target.loading = false;
      setOptions((o) => [...o]);
    }
  }
  return (
    <div data-testid={testId}>
      <Cascader<Option>
        options={options}
        loadData={(s) => void load(s as Option[])}
        changeOnSelect
        value={path}
        placeholder={placeholder}
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
