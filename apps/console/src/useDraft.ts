import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';

/**
 * Keeps a form's values in sessionStorage while it is filled in, so an expired session (sign in again) or a reload
 * loses nothing; `dates` names the fields held as dayjs values.
 */
export function useDraft<T extends object>(name: string, form: FormInstance<T>, dates: readonly string[] = []) {
  const key = `sunshine.draft.${name}`;
  const initial = useMemo(() => {
    const text = sessionStorage.getItem(key);
    if (!text) return {};
    const v = JSON.parse(text) as Record<string, unknown>;
    for (const d of dates) if (typeof v[d] === 'string') v[d] = dayjs(v[d] as string);
    return v as Partial<T>;
  }, [key]);
  return {
    initial,
    onChange: () => sessionStorage.setItem(key, JSON.stringify(form.getFieldsValue(true))),
    clear: () => sessionStorage.removeItem(key),
  };
}
