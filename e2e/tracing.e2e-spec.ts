import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { eventually, freePort, type ServiceHarness } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory } from './fixtures';

/** A span as Jaeger's query API (`GET /api/traces/:id`) answers it. */
interface JaegerSpan {
  readonly traceID: string;
  readonly spanID: string;
  readonly operationName: string;
  readonly references: ReadonlyArray<{ readonly refType: string; readonly spanID: string }>;
  readonly tags: ReadonlyArray<{ readonly key: string; readonly value: unknown }>;
  readonly processID: string;
}

interface JaegerTrace {
  readonly traceID: string;
  readonly spans: readonly JaegerSpan[];
  readonly processes: Readonly<Record<string, { readonly serviceName: string }>>;
}

const JAEGER_SH = join(__dirname, '..', 'deploy', 'local', 'jaeger.sh');

const tag = (span: JaegerSpan, key: string): unknown => span.tags.find((t) => t.key === key)?.value;
const parentOf = (span: JaegerSpan): string | undefined => span.references.find((r) => r.refType === 'CHILD_OF')?.spanID;
const routingConsumer = (trace: JaegerTrace): JaegerSpan | undefined =>
  trace.spans.find((s) => s.operationName === 'process petition.registered' && trace.processes[s.processID]?.serviceName === 'routing');

// A real trace backend (Jaeger v2 built from the Go module proxy, deploy/local/jaeger.sh) receives the services' OTLP;
// the test reads the whole trace back from Jaeger's query API.
describe('one registration is one trace: intake → its relay’s publish → Kafka (outbox traceparent) → routing, read back from Jaeger', () => {
  let h: ServiceHarness;
  let token = '';
  let jaegerEnv: NodeJS.ProcessEnv = {};
  let queryUrl = '';

  beforeAll(async () => {
    const [otlp, query, grpc, health] = [await freePort(), await freePort(), await freePort(), await freePort()];
    jaegerEnv = {
      ...process.env,
      JAEGER_OTLP_HTTP_PORT: String(otlp),
      JAEGER_QUERY_PORT: String(query),
      JAEGER_QUERY_GRPC_PORT: String(grpc),
      JAEGER_HEALTH_PORT: String(health),
    };
    queryUrl = `http://127.0.0.1:${query}`;
    // Builds .local/bin/jaeger first when missing (deploy/local/test.sh does it in its own phase before this suite).
    execFileSync('bash', [JAEGER_SH, 'start'], { env: jaegerEnv, stdio: 'inherit', timeout: 1_200_000 });
    h = await startWithDirectory('small', {
      services: ['intake', 'routing'],
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlp}`, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    token = await h.keys.token(claims('countyBureau'));
  }, 1_500_000);

  afterAll(async () => {
    await h?.stopAll();
    if (queryUrl) execFileSync('bash', [JAEGER_SH, 'stop'], { env: jaegerEnv, stdio: 'inherit' });
  });

  it('continues the caller’s traceparent through intake’s request, its outbox row and routing’s consumer span', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const res = await fetch(`${h.url('intake')}/petitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify(labourPetition()),
    });
    expect(res.status).toBe(201);
    const correlationId = res.headers.get('x-correlation-id');

    const trace = await eventually(
      async () => {
        const answer = await fetch(`${queryUrl}/api/traces/${traceId}`);
        if (answer.status !== 200) return undefined;
        const found = ((await answer.json()) as { data: JaegerTrace[] }).data[0];
        return found && routingConsumer(found) ? found : undefined;
      },
      60000,
      'routing’s consumer span in Jaeger',
    );

    const service = (span: JaegerSpan) => trace.processes[span.processID]?.serviceName;
    expect(trace.traceID).toBe(traceId);
    expect(new Set(trace.spans.map(service))).toEqual(new Set(['intake', 'routing']));

    // intake: the HTTP server span is the caller's child and names the request's correlation id.
    const server = trace.spans.find((s) => service(s) === 'intake' && tag(s, 'span.kind') === 'server');
    expect(parentOf(server as JaegerSpan)).toBe(callerSpan);
    expect(tag(server as JaegerSpan, 'sunshine.correlation_id')).toBe(correlationId);
    const intakeSpans = new Set(trace.spans.filter((s) => service(s) === 'intake').map((s) => s.spanID));

    // routing: the consumer span's parent is an intake span (the outbox row's traceparent, carried as a Kafka header).
    // (intake also consumes its own event into its replica: a consumer span of intake's, in the same trace.)
    const consumer = routingConsumer(trace) as JaegerSpan;
    expect(tag(consumer, 'span.kind')).toBe('consumer');
    expect(intakeSpans.has(parentOf(consumer) ?? '')).toBe(true);
    // That parent is intake's outbox relay publishing the row (a PRODUCER span under the request's trace).
    const publish = trace.spans.find((s) => s.spanID === parentOf(consumer)) as JaegerSpan;
    expect(publish.operationName).toBe('publish petition.registered');
    expect(tag(publish, 'span.kind')).toBe('producer');
    expect(tag(publish, 'messaging.destination.name')).toBe(h.topic('sunshine.case-log'));
    expect(tag(publish, 'sunshine.correlation_id')).toBe(correlationId);
    expect(intakeSpans.has(parentOf(publish) ?? '')).toBe(true);
    expect(tag(consumer, 'messaging.system')).toBe('kafka');
    expect(tag(consumer, 'messaging.destination.name')).toBe(h.topic('sunshine.case-log'));
    expect(tag(consumer, 'sunshine.event.type')).toBe('petition.registered');
    expect(tag(consumer, 'sunshine.correlation_id')).toBe(correlationId);
    // The handler's SQL runs under the consumer span.
    const sql = trace.spans.filter(
      (s) =>
        service(s) === 'routing' && parentOf(s) === consumer.spanID && (tag(s, 'db.system') ?? tag(s, 'db.system.name')) === 'postgresql',
    );
    expect(sql.length).toBeGreaterThan(0);
  });
});
