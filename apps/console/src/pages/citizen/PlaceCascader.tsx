import { ApiError } from '../../api/errors';
import { DivisionCascader } from '../../components/DivisionCascader';
import { citizenErrorText, publicCall } from './publicApi';

/** The server's Chinese reason (not the case-lookup wording citizenErrorText gives a 404), a wait, or the network. */
function placeError(e: unknown): string {
  return e instanceof ApiError ? e.zh : citizenErrorText(e);
}

/**
 * 问题发生地 for the citizen: county → township → village; a county alone is enough (intake places the petition at the
 * lowest bureau holding the place).
 */
export function PlaceCascader({ value, onChange }: { value?: string; onChange?: (code: string | undefined) => void }) {
  return (
    <DivisionCascader
      value={value}
      onChange={onChange}
      testId="citizen-place"
      placeholder="县（市、区）→ 乡镇（街道）→ 村（社区）"
      send={publicCall}
      errorText={placeError}
    />
  );
}
