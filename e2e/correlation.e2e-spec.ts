import { randomBytes } from 'node:crypto';

import { createKafka, type ReadMessage, readTopic } from '@sunshine/platform';
import { eventually, infraEnv, type ServiceHarness } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory } from './fixtures';

interface Envelope {
  id: string;
  type: string;
  caseId: string;
  correlationId: string;
  causationId: string | null;
}

interface Answer {
  status: number;
  correlationId: string | null;
  body: unknown;
}

/** POSTs JSON and keeps the response's X-Correlation-Id (the shared `http` helper drops headers). */
async function post(url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, correlationId: res.headers.get('x-correlation-id'), body: await res.json() };
}

/** The JSON log lines of a service that carry `correlationId`. */
function linesWith(log: string, correlationId: string): Array<Record<string, unknown>> {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(correlationId))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry['correlationId'] === correlationId);
}

// The correlation id of one HTTP request follows it into intake's event, routing's reaction, both logs and back out.
describe('a correlation id from the HTTP request to the events it causes', () => {
  let h: ServiceHarness;
  let token = '';

  beforeAll(async () => {
    h = await startWithDirectory('small', { services: ['intake', 'routing'] });
    token = await h.keys.token(claims('countyBureau'));
  });

  afterAll(async () => {
    await h?.stopAll();
  });

  it('echoes the caller’s id and carries it through petition.registered, case.dispatched and the logs', async () => {
    const correlationId = `test-${randomBytes(6).toString('hex')}`;
    const res = await post(`${h.url('intake')}/petitions`, token, labourPetition(), { 'X-Correlation-Id': correlationId });
    expect(res.status).toBe(201);
    expect(res.correlationId).toBe(correlationId);
    const { caseId } = res.body as { caseId: string };

    const kafka = createKafka('e2e-correlation-reader', infraEnv().kafkaBrokers);
    const events = await eventually(
      async () => {
        const forCase = (await readTopic(kafka, h.topic('sunshine.case-log')))
          .filter((m: ReadMessage) => m.key === caseId)
          .map((m) => ({ headers: m.headers, event: JSON.parse(m.value ?? 'null') as Envelope }));
        return forCase.some((m) => m.event.type === 'case.dispatched') ? forCase : undefined;
      },
      60000,
      'case.dispatched on the case log',
    );

    const registered = events.find((m) => m.event.type === 'petition.registered');
    const dispatched = events.find((m) => m.event.type === 'case.dispatched');
    expect(registered?.event).toMatchObject({ caseId, correlationId, causationId: null });
    expect(registered?.headers['correlation-id']).toBe(correlationId);
    expect(dispatched?.event).toMatchObject({ caseId, correlationId, causationId: registered?.event.id });
    expect(dispatched?.headers['correlation-id']).toBe(correlationId);

    const completed = await eventually(
      async () => linesWith(h.log('intake'), correlationId).find((l) => l['msg'] === 'request completed'),
      10000,
      'the request’s log line',
    );
    expect(completed).toMatchObject({
      service: 'intake',
      req: { id: correlationId, method: 'POST', url: '/petitions' },
      res: { statusCode: 201 },
    });
  });

  it('makes a UUIDv7 when the caller sends none or an unusable one, and answers a 400 and a 401 with it too', async () => {
    const fresh = await post(`${h.url('intake')}/petitions`, token, labourPetition({ category: '' }));
    expect(fresh.status).toBe(400);
    expect(fresh.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fresh.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const given = `test-${randomBytes(6).toString('hex')}`;
    const bad = await post(`${h.url('intake')}/petitions`, token, labourPetition({ subject: '' }), { 'X-Correlation-Id': given });
    expect(bad.status).toBe(400);
    expect(bad.correlationId).toBe(given);

    const unusable = await post(`${h.url('intake')}/petitions`, token, labourPetition(), { 'X-Correlation-Id': 'has a space' });
    expect(unusable.status).toBe(201);
    expect(unusable.correlationId).not.toBe('has a space');
    expect(unusable.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const viaRequestId = `gw-${randomBytes(4).toString('hex')}`;
    const unauthorised = await post(`${h.url('intake')}/petitions`, 'not-a-jwt', labourPetition(), { 'X-Request-Id': viaRequestId });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.correlationId).toBe(viaRequestId);

    const logged = await eventually(
      async () => linesWith(h.log('intake'), given).find((l) => l['msg'] === 'request completed'),
      10000,
      'the 400’s log line',
    );
    expect(logged).toMatchObject({ req: { id: given }, res: { statusCode: 400 } });
  });
});
