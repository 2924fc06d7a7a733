import { type Processor, type RedisConnection, Worker, type WorkerOptions } from 'bullmq';

import { inJobSpan } from '../tracing/trace-context';
import { correlationOfJob, traceContextOfJob } from './correlated-job';
import { runWithCorrelation } from './correlation-context';

/**
 * The BullMQ worker every `@Processor` runs on (QueueModule sets it as @nestjs/bullmq's worker class): each job whose
 * data carries a correlation id (see withCorrelation) is processed inside that context, so its log lines and the
 * events it emits carry the id; one that carries a trace context is processed in a CONSUMER span continuing that trace
 * (its SQL and the events it emits belong to it). Processors themselves are unchanged.
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
    const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': job.queueName, 'sunshine.job.name': job.name };
    const run = () =>
      inJobSpan(traceContextOfJob(job.data), `process job ${job.queueName}/${job.name}`, attributes, () => processor(job, token, signal));
    return correlation ? runWithCorrelation(correlation, run) : run();
  };
}
