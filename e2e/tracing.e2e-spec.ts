import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { eventually, freePort, type RunningSmsGateway, type ServiceHarness, startSmsGateway } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory } from './fixtures';

/** A span as Jaeger's query API (`GET /api/traces/:id`) answers it. */
interface JaegerSpan {
  readonly traceID: string;
  readonly spanID: string;
  readonly operationName: string;
  readonly references: ReadonlyArray<{ readonly refType: string; readonly spanID: string }>;
  readonly tags: ReadonlyArray<{ readonly key: string; readonly value: unknown }>;
  readonly processID: string;
  /** Microseconds since the epoch, and microseconds. */
  readonly startTime: number;
  readonly duration: number;
}

interface JaegerTrace {
  readonly traceID: string;
  readonly spans: readonly JaegerSpan[];
  readonly processes: Readonly<Record<string, { readonly serviceName: string }>>;
}

const JAEGER_SH = join(__dirname, '..', 'deploy', 'local', 'jaeger.sh');
const PHONE = '13800138000';

const tag = (span: JaegerSpan, key: string): unknown => span.tags.find((t) => t.key === key)?.value;
const parentOf = (span: JaegerSpan): string | undefined => span.references.find((r) => r.refType === 'CHILD_OF')?.spanID;
const serviceOf = (trace: JaegerTrace, span: JaegerSpan): string | undefined => trace.processes[span.processID]?.serviceName;
/** The one span of `service` named `operation` (undefined while it has not arrived; a second one fails the test). */
function spanOf(trace: JaegerTrace, service: string, operation: string): JaegerSpan | undefined {
  const found = trace.spans.filter((s) => s.operationName === operation && serviceOf(trace, s) === service);
  if (found.length > 1) throw new Error(`${found.length} spans '${operation}' of ${service} in one trace`);
  return found[0];
}
const childrenOf = (trace: JaegerTrace, parent: JaegerSpan): JaegerSpan[] => trace.spans.filter((s) => parentOf(s) === parent.spanID);

/** The event recording the SMS delivery, published by notification's delivery job. */
const deliveredOf = (trace: JaegerTrace): JaegerSpan | undefined => {
  const job = spanOf(trace, 'notification', 'process job notification.sms/deliver');
  return job && childrenOf(trace, job).find((s) => s.operationName === 'publish case.notice-delivered');
};
/** Its consumer span in `service`. */
const deliveredIn = (trace: JaegerTrace, delivered: JaegerSpan, service: string): JaegerSpan | undefined =>
  childrenOf(trace, delivered).find((s) => serviceOf(trace, s) === service && s.operationName === 'process case.notice-delivered');

/** What the whole path ends with and has not reached Jaeger yet: the dispatch's and the delivered SMS's consumer spans. */
function missing(trace: JaegerTrace): string[] {
  const gaps = ['supervision', 'notification']
    .filter((svc) => !spanOf(trace, svc, 'process case.dispatched'))
    .map((svc) => `${svc}'s process case.dispatched`);
  const delivered = deliveredOf(trace);
  if (!delivered) {
    const job = spanOf(trace, 'notification', 'process job notification.sms/deliver');
    const failed = job && childrenOf(trace, job).some((s) => s.operationName === 'publish case.notice-failed');
    return [...gaps, `notification's SMS job publishing case.notice-delivered${failed ? ' (it published case.notice-failed)' : ''}`];
  }
  return [
    ...gaps,
    ...['routing', 'supervision', 'notification']
      .filter((svc) => !deliveredIn(trace, delivered, svc))
      .map((svc) => `${svc}'s process case.notice-delivered`),
  ];
}

// A real trace backend (Jaeger v2 built from the Go module proxy, deploy/local/jaeger.sh) receives the services' OTLP;
// the test reads the whole trace back from Jaeger's query API. The petitioner's receipt SMS goes to the SMS gateway's
// local counterpart (the cloud's API, libs/testing), so notification's delivery and its HTTP calls are in the trace too.
describe('one registration is one trace across intake → routing → supervision → notification, read back from Jaeger', () => {
  let h: ServiceHarness;
  let gateway: RunningSmsGateway;
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
    gateway = await startSmsGateway({
      accessKeyId: 'sunshine-dev-key',
      accessKeySecret: 'sunshine-dev-secret',
      signNames: ['阳光信访局'],
      templates: { SMS_SUNSHINE_NOTICE: '${text}' },
    });
    h = await startWithDirectory('small', {
      services: ['intake', 'routing', 'supervision', 'notification'],
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlp}`,
        OTEL_BSP_SCHEDULE_DELAY: '200',
        SMS_ENDPOINT: gateway.url,
        // The receipt goes out at once whatever the hour of the run.
        NOTIFICATION_QUIET_HOURS: 'off',
      },
    });
    token = await h.keys.token(claims('countyBureau'));
  }, 1_500_000);

  afterAll(async () => {
    await h?.stopAll();
    await gateway?.close();
    if (queryUrl) execFileSync('bash', [JAEGER_SH, 'stop'], { env: jaegerEnv, stdio: 'inherit' });
  });

  it('continues the caller’s traceparent through intake, the case log, routing’s dispatch, supervision and notification’s SMS', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const res = await fetch(`${h.url('intake')}/petitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify(labourPetition()),
    });
    expect(res.status).toBe(201);
    const correlationId = res.headers.get('x-correlation-id');
    const { caseId } = (await res.json()) as { caseId: string };

    const trace = await eventually(
      async () => {
        const answer = await fetch(`${queryUrl}/api/traces/${traceId}`);
        if (answer.status !== 200) return undefined;
        const found = ((await answer.json()) as { data: JaegerTrace[] }).data[0];
        const gaps = found ? missing(found) : ['the trace'];
        // Thrown, so that a timeout names what never came.
        if (gaps.length > 0) throw new Error(`not yet in Jaeger: ${gaps.join(', ')} (${found?.spans.length ?? 0} spans so far)`);
        return found;
      },
      120000,
      'the whole trace in Jaeger (supervision’s and notification’s consumer spans, the delivered SMS’s event)',
    );
    const service = (span: JaegerSpan) => serviceOf(trace, span);
    const the = (svc: string, operation: string): JaegerSpan => {
      const span = spanOf(trace, svc, operation);
      if (!span) throw new Error(`no span '${operation}' of ${svc}`);
      return span;
    };
    const caseLog = h.topic('sunshine.case-log');

    expect(trace.traceID).toBe(traceId);
    expect(new Set(trace.spans.map(service))).toEqual(new Set(['intake', 'routing', 'supervision', 'notification']));

    // intake: the HTTP server span is the caller's child and names the request's correlation id.
    const server = the('intake', 'POST /petitions');
    expect(tag(server, 'span.kind')).toBe('server');
    expect(parentOf(server)).toBe(callerSpan);
    expect(tag(server, 'sunshine.correlation_id')).toBe(correlationId);
    const intakeSpans = new Set(trace.spans.filter((s) => service(s) === 'intake').map((s) => s.spanID));

    // intake's outbox relay publishes the row under the request's trace (the row's traceparent): a PRODUCER span.
    const registered = the('intake', 'publish petition.registered');
    expect(tag(registered, 'span.kind')).toBe('producer');
    expect(tag(registered, 'messaging.destination.name')).toBe(caseLog);
    expect(tag(registered, 'sunshine.correlation_id')).toBe(correlationId);
    expect(intakeSpans.has(parentOf(registered) ?? '')).toBe(true);

    // Each service consumes the event under that publish span (its traceparent, a Kafka header), with its own span.
    // (intake also consumes its own event into its replica: a consumer span of intake's, in the same trace.)
    for (const svc of ['routing', 'supervision', 'notification', 'intake']) {
      const consumer = the(svc, 'process petition.registered');
      expect([svc, tag(consumer, 'span.kind'), parentOf(consumer)]).toEqual([svc, 'consumer', registered.spanID]);
      expect([svc, tag(consumer, 'messaging.system'), tag(consumer, 'messaging.destination.name')]).toEqual([svc, 'kafka', caseLog]);
      expect([svc, tag(consumer, 'sunshine.event.type'), tag(consumer, 'sunshine.correlation_id')]).toEqual([
        svc,
        'petition.registered',
        correlationId,
      ]);
    }

    // routing: the handler's SQL runs under its consumer span, and the dispatch it decides is published under it.
    const routing = the('routing', 'process petition.registered');
    const sql = childrenOf(trace, routing).filter((s) => (tag(s, 'db.system') ?? tag(s, 'db.system.name')) === 'postgresql');
    expect(sql.length).toBeGreaterThan(0);
    const dispatched = the('routing', 'publish case.dispatched');
    expect(parentOf(dispatched)).toBe(routing.spanID);
    expect([tag(dispatched, 'span.kind'), tag(dispatched, 'sunshine.correlation_id')]).toEqual(['producer', correlationId]);

    // supervision and notification consume the dispatch under routing's publish span.
    for (const svc of ['supervision', 'notification']) {
      const consumer = the(svc, 'process case.dispatched');
      expect([svc, tag(consumer, 'span.kind'), parentOf(consumer), tag(consumer, 'sunshine.correlation_id')]).toEqual([
        svc,
        'consumer',
        dispatched.spanID,
        correlationId,
      ]);
    }

    // notification: the receipt SMS it plans on petition.registered is delivered by a BullMQ job in the same trace
    // (the delivery row and the job carry the event's trace context) ...
    const planned = the('notification', 'process petition.registered');
    const job = the('notification', 'process job notification.sms/deliver');
    expect([tag(job, 'span.kind'), parentOf(job)]).toEqual(['consumer', planned.spanID]);
    const calls = childrenOf(trace, job).filter((s) => tag(s, 'span.kind') === 'client');
    // ... whose HTTP calls are its children: intake's delivery address (intake's server span continues the trace) ...
    const address = calls.find((s) => tag(s, 'url.path') === `/delivery/cases/${caseId}/address`) as JaegerSpan;
    expect([address.operationName, tag(address, 'http.response.status_code')]).toEqual(['GET', 200]);
    const addressServer = childrenOf(trace, address).find((s) => service(s) === 'intake') as JaegerSpan;
    expect([addressServer.operationName, tag(addressServer, 'span.kind')]).toEqual(['GET /delivery/cases/:caseId/address', 'server']);
    // ... and the SMS gateway, which accepted the petitioner's receipt ...
    const send = calls.find((s) => tag(s, 'url.full') === gateway.url) as JaegerSpan;
    expect([send.operationName, tag(send, 'http.response.status_code')]).toEqual(['POST', 200]);
    expect(gateway.accepted.filter((m) => m.phoneNumbers === PHONE)).toHaveLength(1);
    // ... and the event recording the delivery goes out under the job, to every service's consumer.
    const delivered = deliveredOf(trace) as JaegerSpan;
    expect([tag(delivered, 'span.kind'), tag(delivered, 'sunshine.correlation_id')]).toEqual(['producer', correlationId]);
    for (const svc of ['routing', 'supervision', 'notification']) {
      expect([svc, tag(deliveredIn(trace, delivered, svc) as JaegerSpan, 'sunshine.event.type')]).toEqual([svc, 'case.notice-delivered']);
    }

    // The figures docs/operations.md quotes for a run.
    const start = Math.min(...trace.spans.map((s) => s.startTime));
    const end = Math.max(...trace.spans.map((s) => s.startTime + s.duration));
    const perService = ['intake', 'routing', 'supervision', 'notification'].map(
      (svc) => `${svc} ${trace.spans.filter((s) => service(s) === svc).length}`,
    );
    process.stdout.write(
      `trace ${traceId}: ${trace.spans.length} spans (${perService.join(', ')}), ${Math.round((end - start) / 1000)} ms\n`,
    );
  });
});
