import { type Clock, runWithCorrelation } from '@sunshine/platform';
import type { Queue } from 'bullmq';

import type { SupervisionConfig } from '../supervision-config';
import type { WakeJobData } from './due-check.queue';
import { DueWakeScheduler } from './due-wake.scheduler';

interface Added {
  readonly name: string;
  readonly data: WakeJobData;
  readonly opts: { jobId?: string; delay?: number };
}

function scheduler(nowIso: string): { wake: DueWakeScheduler; added: Added[] } {
  const added: Added[] = [];
  const queue = {
    add: (name: string, data: WakeJobData, opts: Added['opts']) => {
      added.push({ name, data, opts });
      return Promise.resolve();
    },
  } as unknown as Queue<WakeJobData>;
  const config = { scanMs: 60_000 } as SupervisionConfig;
  const clock = { now: () => new Date(nowIso) } as Clock;
  return { wake: new DueWakeScheduler(queue, config, clock), added };
}

describe('DueWakeScheduler', () => {
  it('carries the correlation id of the work that moved the clock into the wake-up job', async () => {
    const { wake, added } = scheduler('2026-03-02T01:00:00.000Z');
    runWithCorrelation({ correlationId: 'req-supervision-9' }, () => wake.soon('case-1', 'clock-1', '2026-03-02T01:01:00.000Z'));
    await new Promise((r) => setImmediate(r));
    expect(added).toEqual([
      {
        name: 'wake',
        data: { caseId: 'case-1', correlationId: 'req-supervision-9' },
        opts: expect.objectContaining({ jobId: 'wake-clock-1-1772413260000', delay: 60_250 }),
      },
    ]);
  });

  it('schedules nothing for an instant past or beyond two scans', async () => {
    const { wake, added } = scheduler('2026-03-02T01:00:00.000Z');
    wake.soon('case-1', 'clock-1', '2026-03-02T00:59:59.000Z');
    wake.soon('case-1', 'clock-2', '2026-03-02T01:02:00.001Z');
    wake.soon('case-1', 'clock-3', null);
    await new Promise((r) => setImmediate(r));
    expect(added).toEqual([]);
  });
});
