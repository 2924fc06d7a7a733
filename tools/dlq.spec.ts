import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { main, USAGE } from './dlq';

/** A stand-in service answering the /ops/messaging endpoints the way the platform's controller does. */
function opsService(): Promise<{ url: string; server: Server; seen: string[]; bodies: unknown[] }> {
  const seen: string[] = [];
  const bodies: unknown[] = [];
  const dead = {
    id: '0192d0c4-0000-7000-8000-0000000000aa',
    topic: 'sunshine.case-log',
    key: '0192d0c4-0000-7000-8000-0000000000cc',
    partition: 3,
    offset: '41',
    eventId: '0192d0c4-0000-7000-8000-0000000000ee',
    eventType: 'case.dispatched',
    error: 'Error: unit 410726000000:labour-bureau\nis unknown',
    attempts: 5,
    status: 'parked',
    createdAt: '2026-11-22T02:00:00.000Z',
    resolvedAt: null,
  };
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined));
  });
  const answer = (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    if (req.method === 'POST') bodies.push({ type: req.headers['content-type'], body });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers['authorization'] !== 'Bearer ops-token')
      return send(403, { code: 'OPS_ONLY', message: { zh: '仅运维人员可操作', en: 'ops role required' } });
    if (req.url === '/ops/messaging/dead-letters?status=parked' || req.url === '/ops/messaging/dead-letters') return send(200, [dead]);
    if (req.url === `/ops/messaging/dead-letters/${dead.id}`) return send(200, { ...dead, value: '{}', headers: {} });
    if (req.url === `/ops/messaging/dead-letters/${dead.id}/replay`)
      return send(201, { ok: false, applied: 0, error: 'Error: still failing' });
    if (req.url === `/ops/messaging/dead-letters/${dead.id}/discard`) return send(201, { ok: true, applied: 2 });
    if (req.url === '/ops/messaging/parked') return send(200, [{ topic: dead.topic, key: dead.key, deadLetterId: dead.id, waiting: 2 }]);
    if (req.url === '/ops/messaging/stats') return send(200, { group: 'routing', received: 10, skipped: 1 });
    return send(404, { code: 'DEAD_LETTER_NOT_FOUND', message: { zh: '死信不存在', en: 'no such dead letter' } });
  };
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen, bodies }),
    ),
  );
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, fetch });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tools/dlq.ts (ops CLI for dead letters)', () => {
  let service: Awaited<ReturnType<typeof opsService>>;
  const id = '0192d0c4-0000-7000-8000-0000000000aa';

  beforeAll(async () => {
    service = await opsService();
  });

  afterAll(() => new Promise<void>((r) => service.server.close(() => r())));

  it('lists dead letters as a table, one line each, errors flattened', async () => {
    const r = await cli(['list', '--status', 'parked', '--service-url', `${service.url}/`, '--token', 'ops-token']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+status\s+type\s+key\s+partition@offset\s+attempts\s+created\s+error$/);
    expect(lines[1]).toContain('case.dispatched');
    expect(lines[1]).toContain('3@41');
    expect(lines[1]).toContain('Error: unit 410726000000:labour-bureau is unknown');
    expect(service.seen).toContain('GET /ops/messaging/dead-letters?status=parked');
  });

  it('takes the URL and token from the environment; shows, discards, lists parked keys and stats', async () => {
    const env = { SUNSHINE_SERVICE_URL: service.url, SUNSHINE_OPS_TOKEN: 'ops-token' };
    expect(JSON.parse((await cli(['show', id], env)).out)).toMatchObject({ id, attempts: 5 });
    expect(await cli(['discard', id, '--reason', '重复消息，丢弃'], env)).toMatchObject({
      code: 0,
      out: `discarded ${id}; 2 parked message(s) applied after it`,
    });
    // The reason goes to the service, which records it with the operator.
    expect(service.bodies.at(-1)).toEqual({ type: 'application/json', body: { reason: '重复消息，丢弃' } });
    expect((await cli(['parked'], env)).out).toMatch(
      /sunshine\.case-log\s+0192d0c4-0000-7000-8000-0000000000cc\s+0192d0c4-0000-7000-8000-0000000000aa\s+2/,
    );
    expect(JSON.parse((await cli(['stats', '--json'], env)).out)).toEqual({ group: 'routing', received: 10, skipped: 1 });
  });

  it('exits 1 when a replay does not go through, or the service refuses', async () => {
    const env = { SUNSHINE_SERVICE_URL: service.url, SUNSHINE_OPS_TOKEN: 'ops-token' };
    const replay = await cli(['replay', id, '--reason', 'fixed upstream'], env);
    expect(replay.code).toBe(1);
    expect(replay.err).toContain('Error: still failing');
    const refused = await cli(['list', '--service-url', service.url, '--token', 'clerk-token']);
    expect(refused).toMatchObject({ code: 1, err: 'dlq: GET /dead-letters: HTTP 403 — OPS_ONLY: ops role required' });
  });

  it('exits 2 with the usage on a wrong command line', async () => {
    for (const args of [
      [],
      ['purge'],
      ['show'],
      ['show', 'not-a-uuid'],
      ['stats', id],
      ['list', '--status', 'lost'],
      ['stats'],
      ['replay', id],
      ['discard', id, '--reason', ' '],
      ['list', '--reason', 'why'],
    ]) {
      const r = await cli(
        args,
        args.length > 0 && args[0] !== 'stats' ? { SUNSHINE_SERVICE_URL: 'http://x', SUNSHINE_OPS_TOKEN: 't' } : {},
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain(USAGE);
    }
  });
});
