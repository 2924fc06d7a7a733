import { ApiError, call } from '../api/errors';
import { DivisionCascader } from './DivisionCascader';

function staffError(e: unknown): string {
  return e instanceof ApiError ? e.zh : '行政区划读取失败，请检查网络后重试';
}

/** 发生地 for staff (registration, supervision filters): county → township → village; the value is the last code. */
export function PlacePicker({ value, onChange }: { value?: string; onChange?: (code: string | undefined) => void }) {
  return (
    <DivisionCascader
      value={value}
      onChange={onChange}
      testId="place-picker"
      placeholder="选择县（市、区）→ 乡镇（街道）→ 村（社区）"
      send={call}
      errorText={staffError}
    />
  );
}
