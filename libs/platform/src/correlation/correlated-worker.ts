import { type Processor, type RedisConnection, Worker, type WorkerOptions } from 'bullmq';

import { correlationOfJob } from './correlated-job';
import { runWithCorrelation } from './correlation-context';

/**
 * The BullMQ worker every `@Processor` runs on (QueueModule sets it as @nestjs/bullmq's worker class): each job whose
 * data carries a correlation id (see withCorrelation) is processed inside that context, so its log lines and the
 * events it emits carry the id. Processors themselves are unchanged.
 */
export class CorrelatedWorker<D = unknown, R = unknown, N extends string = string> extends Worker<D, R, N> {
  constructor(
    name: string,
    processor?: string | URL | null | Processor<D, R, N>,
    opts?: WorkerOptions,
    connection?: typeof RedisConnection,
  ) {
    super(name, typeof processor === 'function' ? inCorrelation(processor) : processor, opts, connection);
  }
}

function inCorrelation<D, R, N extends string>(processor: Processor<D, R, N>): Processor<D, R, N> {
  return (job, token, signal) => {
    const correlation = correlationOfJob(job.data);
    return correlation ? runWithCorrelation(correlation, () => processor(job, token, signal)) : processor(job, token, signal);
  };
}
