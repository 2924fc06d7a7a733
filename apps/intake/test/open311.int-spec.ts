import { eventually, forSuite } from '@sunshine/testing';
import Ajv, { type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { SaxesParser } from 'saxes';

import { DONGTUN, IntakeWorld, UNITS } from './support/intake-world';
import {
  errorsSchema,
  postAnswerSchema,
  serviceDefinitionSchema,
  serviceListSchema,
  serviceRequestsSchema,
  tokenAnswerSchema,
} from './support/open311-schemas';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

/** Fails with ajv's errors unless the answer is valid against the Open311 schema. */
function expectValid(schema: AnySchema, body: unknown): void {
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(ok ? [] : validate.errors).toEqual([]);
}

/** The element names of an XML document, in order; throws unless it is well-formed. */
function xmlElements(text: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => names.push(tag.name));
  parser.write(text).close();
  return names;
}

/** The text of every `name` element of an XML document. */
function xmlTexts(text: string, name: string): string[] {
  const out: string[] = [];
  let inside = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => (inside = tag.name === name));
  parser.on('text', (t) => {
    if (inside) out.push(t);
  });
  parser.on('closetag', () => (inside = false));
  parser.write(text).close();
  return out;
}

// Open311 GeoReport v2 on a real intake process (PostgreSQL, Kafka, Redis): services from the category table, a request
// registered as a petition (channel app) and dispatched as routing's relay would, its status read back; accusations and
// other clients' requests never shown; JSON answers valid against the specification's fields, XML answers well-formed.
describe('intake Open311 GeoReport v2', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );
  let apiKey = '';
  let otherKey = '';

  const get = async (path: string): Promise<{ status: number; type: string; text: string }> => {
    const res = await fetch(`${w.url}/open311/v2${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const json = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await get(path);
    return { status: res.status, body: JSON.parse(res.text) as unknown };
  };
  const post = async (
    fields: Record<string, string>,
    format = 'json',
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${w.url}/open311/v2/requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, text: await res.text() };
  };
  const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
    api_key: apiKey,
    jurisdiction_id: '410726',
    service_code: 'labour',
    last_name: '钱',
    first_name: '七',
    phone: '13800138077',
    email: 'qian7@example.cn',
    description: '东屯镇某工地拖欠工资三个月。',
    address_string: '东屯镇工业路8号',
    lat: '35.2671',
    long: '114.2005',
    'attribute[division_code]': DONGTUN,
    ...overrides,
  });

  beforeAll(async () => {
    const token = await w.h.keys.token({ sub: 'ops-1', unit: UNITS.cityBureau, division: UNITS.cityBureau.slice(0, 12), roles: ['ops'] });
    const create = async (name: string) => {
      const res = await fetch(`${w.url}/ops/open311/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, jurisdictionId: '410726' }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { apiKey: string }).apiKey;
    };
    apiKey = await create('随手拍 civic app');
    otherKey = await create('another app');
    // Only the key's hash is kept.
    expect(await w.count('open311_clients', 'key_hash = $1', [apiKey])).toBe(0);
    expect(await w.count('open311_clients')).toBe(2);
  }, 120_000);

  it('lists the category table as services with zh-CN names, and a service definition, in JSON and XML', async () => {
    const list = await json('/services.json');
    expect(list.status).toBe(200);
    expectValid(serviceListSchema, list.body);
    expect(list.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ service_code: 'labour', service_name: '劳资纠纷', metadata: true })]),
    );
    const xml = await get('/services.xml');
    expect(xml.status).toBe(200);
    expect(xml.type).toContain('text/xml');
    expect(xmlElements(xml.text).slice(0, 3)).toEqual(['services', 'service', 'service_code']);
    expect(xmlTexts(xml.text, 'service_name')).toContain('劳资纠纷');

    const definition = await json('/services/labour.json');
    expect(definition.status).toBe(200);
    expectValid(serviceDefinitionSchema, definition.body);
    expect(
      (definition.body as { attributes: Array<{ code: string; required: boolean }> }).attributes.map((a) => [a.code, a.required]),
    ).toEqual([
      ['division_code', true],
      ['petition_type', false],
      ['client_request_id', false],
    ]);
    expect(xmlElements((await get('/services/labour.xml')).text).slice(0, 3)).toEqual(['service_definition', 'service_code', 'attributes']);

    const unknown = await json('/services/no-such-code.json');
    expect(unknown.status).toBe(404);
    expectValid(errorsSchema, unknown.body);
    expect((unknown.body as Array<{ code: number }>)[0]?.code).toBe(404);
    const unknownXml = await get('/services/no-such-code.xml');
    expect(unknownXml.status).toBe(404);
    expect(xmlElements(unknownXml.text)).toEqual(['errors', 'error', 'code', 'description']);
  });

  it('registers a request as a petition (channel app), dispatched like any other, and reads its status open with the agency responsible', async () => {
    const res = await post(form());
    expect(res.status).toBe(201);
    const answer = JSON.parse(res.text) as Array<{ service_request_id: string; token: string }>;
    expectValid(postAnswerSchema, answer);
    const caseId = answer[0]?.service_request_id ?? '';
    const [registered] = await w.waitFor(caseId, 'petition.registered');
    expect(registered?.payload).toMatchObject({
      channel: 'app',
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      receivingUnitId: UNITS.countyBureau,
    });
    expect(registered?.actor.kind).toBe('citizen');
    // The contact is kept in the dossier like any registration's (sealed); the e-mail beside the request, sealed.
    const [row] = await w.sql<{ email_enc: string; address_string: string; lat: number; long: number }>(
      `SELECT email_enc, address_string, lat, long FROM intake.open311_requests WHERE case_id = $1`,
      [caseId],
    );
    expect(row).toMatchObject({ address_string: '东屯镇工业路8号', lat: 35.2671, long: 114.2005 });
    expect(row?.email_enc).not.toContain('qian7');

    const before = await json(`/requests/${caseId}.json?api_key=${apiKey}`);
    expect(before.status).toBe(200);
    expectValid(serviceRequestsSchema, before.body);
    expect(before.body).toEqual([
      expect.objectContaining({
        service_request_id: caseId,
        status: 'open',
        status_notes: '已登记 / Registered',
        service_code: 'labour',
        service_name: '劳资纠纷',
        agency_responsible: '延津县信访局',
        address: '东屯镇工业路8号',
        lat: 35.2671,
        long: 114.2005,
      }),
    ]);

    // Routing dispatches it, as its relay would publish it: the case replica shows it at the labour bureau.
    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    await eventually(
      async () => {
        const [replica] = await w.sql<{ state: { holdingUnitId: string } }>(`SELECT state FROM intake.case_replica WHERE case_id = $1`, [
          caseId,
        ]);
        return replica?.state.holdingUnitId === UNITS.hrss ? true : undefined;
      },
      30000,
      'the dispatch in intake’s case replica',
    );
    const after = await json(`/requests/${caseId}.json?api_key=${apiKey}`);
    expect(after.body).toEqual([
      expect.objectContaining({
        status: 'open',
        status_notes: '已转送/交办 / Dispatched',
        agency_responsible: '延津县人力资源和社会保障局',
      }),
    ]);

    const xml = await get(`/requests/${caseId}.xml?api_key=${apiKey}`);
    expect(xml.status).toBe(200);
    expect(xmlElements(xml.text).slice(0, 3)).toEqual(['service_requests', 'request', 'service_request_id']);
    expect(xmlTexts(xml.text, 'status')).toEqual(['open']);

    const token = await json(`/tokens/${answer[0]?.token ?? ''}.json?api_key=${apiKey}`);
    expect(token.status).toBe(200);
    expectValid(tokenAnswerSchema, token.body);
    expect(token.body).toEqual([{ service_request_id: caseId, token: answer[0]?.token }]);

    // Filters: by id, by status, by service code, by dates.
    const byId = await json(`/requests.json?api_key=${apiKey}&service_request_id=${caseId}`);
    expectValid(serviceRequestsSchema, byId.body);
    expect((byId.body as unknown[]).length).toBe(1);
    expect(await json(`/requests.json?api_key=${apiKey}&status=closed`)).toEqual({ status: 200, body: [] });
    expect(await json(`/requests.json?api_key=${apiKey}&service_code=housing`)).toEqual({ status: 200, body: [] });
    expect(await json(`/requests.json?api_key=${apiKey}&start_date=2099-01-01T00:00:00Z`)).toEqual({ status: 200, body: [] });
    const open = await json(`/requests.json?api_key=${apiKey}&status=open&service_code=labour`);
    expect((open.body as Array<{ service_request_id: string }>).map((r) => r.service_request_id)).toContain(caseId);
  }, 120_000);

  it('never shows an accusation, nor a request to another client, nor anything without a valid key', async () => {
    const res = await post(form({ 'attribute[petition_type]': 'accusation', description: '检举某村干部侵占补偿款。' }));
    expect(res.status).toBe(201);
    const [answer] = JSON.parse(res.text) as Array<{ service_request_id: string; token: string }>;
    const caseId = answer?.service_request_id ?? '';
    const [registered] = await w.waitFor(caseId, 'petition.registered');
    expect(registered?.payload).toMatchObject({ channel: 'app', type: 'accusation', flags: { confidential: true } });
    expect((await json(`/requests/${caseId}.json?api_key=${apiKey}`)).status).toBe(404);
    expect((await json(`/tokens/${answer?.token ?? ''}.json?api_key=${apiKey}`)).status).toBe(404);
    const list = await json(`/requests.json?api_key=${apiKey}&service_request_id=${caseId}`);
    expect(list).toEqual({ status: 200, body: [] });

    const [mine] = (await json(`/requests.json?api_key=${apiKey}&status=open`)).body as Array<{ service_request_id: string }>;
    expect(mine).toBeDefined();
    expect((await json(`/requests/${mine?.service_request_id ?? ''}.json?api_key=${otherKey}`)).status).toBe(404);
    expect(await json(`/requests.json?api_key=${otherKey}`)).toEqual({ status: 200, body: [] });

    const badKey = await json(`/requests.json?api_key=${'x'.repeat(32)}`);
    expect(badKey.status).toBe(403);
    expectValid(errorsSchema, badKey.body);
    const noKey = await json('/requests.json');
    expect(noKey.status).toBe(400);
    expectValid(errorsSchema, noKey.body);
    const wrongJurisdiction = await post(form({ jurisdiction_id: '110101' }));
    expect(wrongJurisdiction.status).toBe(404);
    const missing = await post(form({ phone: '' }));
    expect(missing.status).toBe(400);
    expectValid(errorsSchema, JSON.parse(missing.text));
    const missingXml = await post(form({ service_code: 'no-such-code' }), 'xml');
    expect(missingXml.status).toBe(404);
    expect(xmlElements(missingXml.text)).toEqual(['errors', 'error', 'code', 'description']);
  }, 120_000);

  it('registers a retried POST once: the same answer for the same Idempotency-Key or client_request_id, 409 for another body', async () => {
    const requests = await w.count('open311_requests');
    const byHeader = { 'idempotency-key': 'open311-retry-0001-aaaa' };
    const first = await post(form({ description: '东屯镇某小区电梯停运两周。' }), 'json', byHeader);
    expect(first.status).toBe(201);
    const retried = await post(form({ description: '东屯镇某小区电梯停运两周。' }), 'json', byHeader);
    expect(retried.status).toBe(201);
    expect(JSON.parse(retried.text)).toEqual(JSON.parse(first.text));
    const [answer] = JSON.parse(first.text) as Array<{ service_request_id: string; token: string; service_notice: string }>;
    expect(answer?.service_notice).toMatch(/^已登记，信访件编号 \S+，查询码 \S+/);
    expect(await w.count('open311_requests')).toBe(requests + 1);
    expect(await w.count('petitions', 'case_id = $1', [answer?.service_request_id])).toBe(1);

    const other = await post(form({ description: '另一件事：东屯镇路灯不亮。' }), 'json', byHeader);
    expect(other.status).toBe(409);
    expectValid(errorsSchema, JSON.parse(other.text));
    expect((JSON.parse(other.text) as Array<{ code: number; description: string }>)[0]).toMatchObject({ code: 409 });
    expect((JSON.parse(other.text) as Array<{ description: string }>)[0]?.description).toMatch(/^IDEMPOTENCY_KEY_REUSED: /);

    // Without a header, the client's own id: once per client (another client's same id is another request).
    const byId = form({ description: '东屯镇某路段积水。', 'attribute[client_request_id]': 'fms-4711' });
    const a = await post(byId);
    const b = await post(byId, 'xml');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    const [created] = JSON.parse(a.text) as Array<{ service_request_id: string; token: string }>;
    expect(xmlTexts(b.text, 'service_request_id')).toEqual([created?.service_request_id]);
    expect(xmlTexts(b.text, 'token')).toEqual([created?.token]);
    const elsewhere = await post({ ...byId, api_key: otherKey });
    expect(elsewhere.status).toBe(201);
    expect((JSON.parse(elsewhere.text) as Array<{ service_request_id: string }>)[0]?.service_request_id).not.toBe(
      created?.service_request_id,
    );
    expect(await w.count('open311_requests')).toBe(requests + 3);
    const registered = (await w.caseLog()).filter((e) => e.type === 'petition.registered' && e.caseId === created?.service_request_id);
    expect(registered.length).toBe(1);

    const malformed = await post(form(), 'json', { 'idempotency-key': 'short' });
    expect(malformed.status).toBe(400);
    expect((JSON.parse(malformed.text) as Array<{ description: string }>)[0]?.description).toMatch(/^INVALID_IDEMPOTENCY_KEY: /);
  }, 120_000);
});
