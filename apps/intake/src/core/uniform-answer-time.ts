import { setTimeout as sleep } from 'node:timers/promises';

/** A citizen's code request answers no sooner than this after it arrived, whatever matched: its time tells nothing. */
export const ANSWER_FLOOR_MS = 500;

/**
 * Runs `work` and answers (or fails) no sooner than `floorMs` after the call: whether a case, phone or identity matched
 * must not show in the time taken (query-code recovery, identity verification codes).
 */
export async function inUniformTime<T>(work: () => Promise<T>, floorMs: number = ANSWER_FLOOR_MS): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    await sleep(Math.max(0, started + floorMs - Date.now()));
  }
}
