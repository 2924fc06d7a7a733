import { trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';

import { correlationOfJob, traceContextOfJob, withCorrelation } from './correlated-job';
import { runWithCorrelation } from './correlation-context';

describe('withCorrelation', () => {
  it('stamps the current correlation id on job data', () => {
    const data = runWithCorrelation({ correlationId: 'req-7', causationId: 'evt-1' }, () => withCorrelation({ caseId: 'c1' }));
    expect(data).toEqual({ caseId: 'c1', correlationId: 'req-7' });
  });

  it('leaves data alone outside any context or when it names its own id', () => {
    expect(withCorrelation({ caseId: 'c1' })).toEqual({ caseId: 'c1' });
    const own = runWithCorrelation({ correlationId: 'req-7' }, () => withCorrelation({ caseId: 'c1', correlationId: 'mine' }));
    expect(own).toEqual({ caseId: 'c1', correlationId: 'mine' });
  });
});

describe('correlationOfJob', () => {
  it('reads a sane id from job data and ignores anything else', () => {
    expect(correlationOfJob({ caseId: 'c1', correlationId: 'req-7' })).toEqual({ correlationId: 'req-7' });
    expect(correlationOfJob({ caseId: 'c1' })).toBeUndefined();
    expect(correlationOfJob({ correlationId: 'no spaces please' })).toBeUndefined();
    expect(correlationOfJob(undefined)).toBeUndefined();
    expect(correlationOfJob('req-7')).toBeUndefined();
  });
});

describe('traceContextOfJob', () => {
  it('reads traceparent and tracestate strings only, and nothing without a traceparent', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(traceContextOfJob({ caseId: 'c1', traceContext: { traceparent, tracestate: 'a=1', other: 'x' } })).toEqual({
      traceparent,
      tracestate: 'a=1',
    });
    expect(traceContextOfJob({ caseId: 'c1', traceContext: { tracestate: 'a=1' } })).toBeUndefined();
    expect(traceContextOfJob({ caseId: 'c1', traceContext: { traceparent: 7 } })).toBeUndefined();
    expect(traceContextOfJob({ caseId: 'c1', traceContext: 'x' })).toBeUndefined();
    expect(traceContextOfJob({ caseId: 'c1' })).toBeUndefined();
  });
});

describe('withCorrelation inside a traced span (SDK registered)', () => {
  const provider = new node.NodeTracerProvider({ spanProcessors: [new node.SimpleSpanProcessor(new node.InMemorySpanExporter())] });

  beforeAll(() => provider.register());
  afterAll(() => provider.shutdown());

  it('stamps the span’s trace context beside the correlation id, unless the data names its own', () => {
    const [data, own, spanId] = trace.getTracer('test').startActiveSpan('process case.dispatched', (span) => {
      const stamped = runWithCorrelation({ correlationId: 'req-7' }, () => withCorrelation({ caseId: 'c1' }));
      const kept = withCorrelation({ caseId: 'c1', traceContext: { traceparent: 'mine' } });
      span.end();
      return [stamped, kept, span.spanContext()] as const;
    });
    expect(data).toEqual({
      caseId: 'c1',
      correlationId: 'req-7',
      traceContext: { traceparent: `00-${spanId.traceId}-${spanId.spanId}-01` },
    });
    expect(own).toEqual({ caseId: 'c1', traceContext: { traceparent: 'mine' } });
  });
});
