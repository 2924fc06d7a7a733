import { randomUUID } from 'node:crypto';

import { CorrelatedWorker, currentCorrelationId, redisConnection, runWithCorrelation, withCorrelation } from '@sunshine/platform';
import { eventually, infraEnv, uniquePrefix } from '@sunshine/testing';
import { Queue } from 'bullmq';

import { dispatched } from './support/test-events';

interface Seen {
  readonly job: string;
  readonly correlationId: string | undefined;
  readonly eventCorrelationId: string;
  readonly eventId: string;
}

/** A BullMQ job created inside a correlation context is processed in it, on real Redis, with the processor unchanged. */
describe('CorrelatedWorker (real Redis)', () => {
  const prefix = `bull.${uniquePrefix('cw')}`;
  const connection = redisConnection(infraEnv().redisUrl);
  const queue = new Queue('correlation', { connection, prefix });
  const seen: Seen[] = [];
  let worker: CorrelatedWorker<{ label: string }>;

  beforeAll(() => {
    worker = new CorrelatedWorker<{ label: string }>(
      'correlation',
      async (job) => {
        // What a processor does: it logs and emits without knowing about correlation.
        const event = dispatched(randomUUID());
        seen.push({
          job: job.data.label,
          correlationId: currentCorrelationId(),
          eventCorrelationId: event.correlationId,
          eventId: event.id,
        });
      },
      { connection, prefix },
    );
  });

  afterAll(async () => {
    await worker?.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });

  it('runs a job stamped with withCorrelation in that correlation, and a plain job outside any', async () => {
    await runWithCorrelation({ correlationId: 'test-job-1', causationId: 'evt-1' }, () =>
      queue.add('stamped', withCorrelation({ label: 'stamped' })),
    );
    await queue.add('plain', { label: 'plain' });

    await eventually(async () => (seen.length === 2 ? true : undefined), 30000, 'both jobs');
    const stamped = seen.find((s) => s.job === 'stamped');
    const plain = seen.find((s) => s.job === 'plain');
    expect(stamped).toMatchObject({ correlationId: 'test-job-1', eventCorrelationId: 'test-job-1' });
    expect(plain?.correlationId).toBeUndefined();
    expect(plain?.eventCorrelationId).toBe(plain?.eventId);
    const job = (await queue.getJobs(['completed', 'waiting', 'active'])).find((j) => j.name === 'stamped');
    expect(job?.data).toEqual({ label: 'stamped', correlationId: 'test-job-1' });
  });
});
