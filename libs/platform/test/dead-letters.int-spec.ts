import { randomUUID } from 'node:crypto';

import { type AnyEvent, deadLetterTopic, prefixed } from '@sunshine/contracts';
import { readTopic } from '@sunshine/platform';
import { eventually } from '@sunshine/testing';

import { dlqCli, dlqJson } from './support/dlq-cli';
import { FIXTURE_UNITS } from './support/fixture-directory';
import type { FixtureProcess } from './support/fixture-process';
import { dispatched, registered } from './support/test-events';
import { CONSUMER_FIXTURE, TestRun } from './support/test-run';

interface DeadLetterRow {
  id: string;
  key: string;
  eventId: string | null;
  eventType: string | null;
  error: string;
  attempts: number;
  status: string;
}

interface Action {
  action: string;
  by: string;
  unitId: string;
  reason: string;
  ok: boolean | null;
  applied: number | null;
}

interface ParkedRow {
  key: string;
  deadLetterId: string;
  waiting: number;
}

interface Stats {
  group: string;
  received: number;
  applied: number;
  skipped: number;
  deadLettered: number;
  parked: number;
}

/**
 * Acceptance: a message whose handler keeps failing lands, after bounded retries, on the consumer group's
 * dead-letter topic with its error; later messages of its case are parked while other cases flow; replaying the
 * dead letter after the fix applies it and the parked ones, in order. Unknown types and newer versions are skipped
 * and counted, never dead-lettered. Operated with the ops CLI (tools/dlq.ts) over the service's endpoints.
 */
describe('dead letters, parking and skipping (consumer process, ops CLI)', () => {
  let run: TestRun;
  let consumer: FixtureProcess;
  let url: string;
  let token: string;
  let schema: string;
  const t0 = Date.now();

  beforeAll(async () => {
    run = await TestRun.create('dl');
    schema = run.schema('routing');
    token = await run.staffToken();
    consumer = run.start('consumer', CONSUMER_FIXTURE, { CONSUMER_MAX_ATTEMPTS: '3' });
    const match = await consumer.waitFor(/FIXTURE READY (\S+)/);
    url = match[1] ?? '';
  }, 120000);

  afterAll(async () => {
    await run?.cleanup();
  });

  const effectsOf = (caseId: string) =>
    run.query<{ event_id: string; mode: string }>(`SELECT event_id, mode FROM "${schema}".fx_effects WHERE case_id = $1 ORDER BY seq`, [
      caseId,
    ]);
  const poison = (caseId: string, eventType: string | null) =>
    run.db.query(
      `INSERT INTO "${schema}".fx_poison (case_id, event_type, reason) VALUES ($1, $2, 'fixture poison')
                  ON CONFLICT (case_id) DO UPDATE SET event_type = EXCLUDED.event_type`,
      [caseId, eventType],
    );
  const cure = (caseId: string) => run.db.query(`DELETE FROM "${schema}".fx_poison WHERE case_id = $1`, [caseId]);
  const ids = (events: readonly AnyEvent[]) => events.map((e) => e.id);
  const waitEffects = (caseId: string, n: number, what: string) =>
    eventually(
      async () => {
        const rows = await effectsOf(caseId);
        return rows.length >= n ? rows : undefined;
      },
      90000,
      what,
    );
  const waitParked = (key: string, waiting: number) =>
    eventually(
      async () => {
        const { body } = await dlqJson<ParkedRow[]>(['parked'], url, token);
        const row = body.find((r) => r.key === key);
        return row && row.waiting >= waiting ? row : undefined;
      },
      90000,
      `${waiting} message(s) parked for ${key}`,
    );

  it('dead-letters a failing message with its error, parks its case, lets others flow, and replays both in order after the fix', async () => {
    const t = Date.now();
    const P = randomUUID(); // always fails until fixed
    const Q = randomUUID(); // healthy, same partition
    const S = randomUUID(); // its first event fails: discarded by ops
    await poison(P, null);
    await poison(S, 'petition.registered');
    const p = [registered(P, 'P1'), dispatched(P, 1), dispatched(P, 2), dispatched(P, 3)];
    const q = [registered(Q, 'Q1'), dispatched(Q, 1), dispatched(Q, 2)];
    const s = [registered(S, 'S1'), dispatched(S, 1)];
    // One partition, interleaved: the parked case must not hold the others back.
    await run.produce([p[0], q[0], p[1], s[0], q[1], s[1]] as AnyEvent[], 0);

    await waitEffects(Q, 2, 'the healthy case');
    expect(ids(q.slice(0, 2))).toEqual((await effectsOf(Q)).map((r) => r.event_id));
    const parkedP = await waitParked(P, 1);
    await waitParked(S, 1);
    expect(await effectsOf(P)).toEqual([]);

    // On the dead-letter topic, with the error, the attempts and where it came from.
    const dlqTopic = prefixed(run.prefix, deadLetterTopic('routing'));
    const dlq = await eventually(
      async () => {
        const messages = await readTopic(run.kafka, dlqTopic);
        return messages.length >= 2 ? messages : undefined;
      },
      60000,
      'the dead-letter topic',
    );
    const onDlq = dlq.find((m) => m.headers['event-id'] === p[0]?.id);
    expect(onDlq?.key).toBe(P);
    expect(onDlq?.value && (JSON.parse(onDlq.value) as { id: string }).id).toBe(p[0]?.id);
    expect(onDlq?.headers).toMatchObject({
      'dlq-id': parkedP.deadLetterId,
      'dlq-attempts': '3',
      'dlq-original-topic': run.topic(),
      'dlq-original-partition': '0',
    });
    expect(onDlq?.headers['dlq-error']).toContain(`fixture handler refuses case ${P}: fixture poison`);
    expect(dlq.map((m) => m.key).sort()).toEqual([P, S].sort());

    // Listed and shown by the ops CLI.
    const list = await dlqJson<DeadLetterRow[]>(['list', '--status', 'parked'], url, token);
    expect(list.code).toBe(0);
    expect(list.body.map((d) => d.key).sort()).toEqual([P, S].sort());
    const shown = await dlqJson<DeadLetterRow>(['show', parkedP.deadLetterId], url, token);
    expect(shown.body).toMatchObject({
      id: parkedP.deadLetterId,
      eventId: p[0]?.id,
      eventType: 'petition.registered',
      attempts: 3,
      status: 'parked',
    });
    expect(shown.body.error).toContain('fixture poison');

    // Later events of P keep parking; the healthy case keeps flowing behind them on the same partition.
    await run.produce([p[2], q[2]] as AnyEvent[], 0);
    await waitEffects(Q, 3, 'the healthy case after a parked one');
    expect((await waitParked(P, 2)).waiting).toBe(2);

    // A replay before the fix fails and changes nothing.
    const early = await dlqJson<{ ok: boolean; applied: number; error?: string }>(
      ['replay', parkedP.deadLetterId, '--reason', '试重放'],
      url,
      token,
    );
    expect(early.code).toBe(1);
    expect(early.body).toMatchObject({ ok: false, applied: 0 });
    expect(await effectsOf(P)).toEqual([]);

    // The fix, then the replay: the dead letter and the parked ones apply, in the order they were produced.
    await cure(P);
    const replay = await dlqJson<{ ok: boolean; applied: number }>(
      ['replay', parkedP.deadLetterId, '--reason', '处理程序已修复'],
      url,
      token,
    );
    expect(replay).toMatchObject({ code: 0, body: { ok: true, applied: 2 } });
    expect(await effectsOf(P)).toEqual(ids(p.slice(0, 3)).map((id) => ({ event_id: id, mode: 'replay' })));
    const after = await dlqJson<DeadLetterRow & { actions: Action[] }>(['show', parkedP.deadLetterId], url, token);
    expect(after.body.status).toBe('replayed');
    expect(after.body.attempts).toBe(6);
    // Both replays, by whom and why, with what they did.
    expect(after.body.actions.map(({ action, by, unitId, reason, ok, applied }) => ({ action, by, unitId, reason, ok, applied }))).toEqual([
      { action: 'replay', by: 'ops-engineer-1', unitId: FIXTURE_UNITS.cityBureau, reason: '试重放', ok: false, applied: 0 },
      { action: 'replay', by: 'ops-engineer-1', unitId: FIXTURE_UNITS.cityBureau, reason: '处理程序已修复', ok: true, applied: 2 },
    ]);

    // The case flows live again.
    await run.produce([p[3]] as AnyEvent[], 0);
    await waitEffects(P, 4, 'the replayed case, live again');
    expect((await effectsOf(P)).map((r) => r.event_id)).toEqual(ids(p));
    expect((await effectsOf(P))[3]?.mode).toBe('live');

    // Discard: S's first event never applies, its parked follower does.
    const sDead = list.body.find((d) => d.key === S);
    const discard = await dlqCli(['discard', sDead?.id ?? '', '--reason', '该消息不应生效'], url, token);
    expect(discard.code).toBe(0);
    expect(discard.stdout).toContain('1 parked message(s) applied');
    expect((await effectsOf(S)).map((r) => r.event_id)).toEqual([s[1]?.id]);

    const parked = await dlqJson<ParkedRow[]>(['parked'], url, token);
    expect(parked.body).toEqual([]);
    process.stdout.write(`dead letters: ${Date.now() - t} ms (consumer started in ${t - t0} ms)\n`);
  }, 300000);

  it('keeps a case parked when a parked message fails again during the replay', async () => {
    const t = Date.now();
    const T = randomUUID();
    await poison(T, null);
    const events = [registered(T, 'T1'), dispatched(T, 1), dispatched(T, 2)];
    await run.produce(events.slice(0, 2) as AnyEvent[]);
    const first = await waitParked(T, 1);

    // Half a fix: the first event applies now, the second still fails.
    await poison(T, 'case.dispatched');
    const replay = await dlqJson<{ ok: boolean; applied: number; error?: string }>(
      ['replay', first.deadLetterId, '--reason', '部分修复'],
      url,
      token,
    );
    expect(replay.code).toBe(1);
    expect(replay.body).toMatchObject({ ok: false, applied: 0 });
    expect(replay.body.error).toContain('fixture poison');
    expect((await effectsOf(T)).map((r) => r.event_id)).toEqual([events[0]?.id]);

    // The failing follower is the key's dead letter now; the case stays parked behind it.
    const all = await dlqJson<DeadLetterRow[]>(['list'], url, token);
    const ofT = all.body.filter((d) => d.key === T);
    expect(ofT.map((d) => [d.eventId, d.status])).toEqual([
      [events[0]?.id, 'replayed'],
      [events[1]?.id, 'parked'],
    ]);
    await run.produce(events.slice(2) as AnyEvent[]);
    const second = await waitParked(T, 1);
    expect(second.deadLetterId).toBe(ofT[1]?.id);

    await cure(T);
    const done = await dlqJson<{ ok: boolean; applied: number }>(['replay', second.deadLetterId, '--reason', '全部修复'], url, token);
    expect(done.body).toEqual({ ok: true, applied: 1 });
    expect((await effectsOf(T)).map((r) => r.event_id)).toEqual(ids(events));
    process.stdout.write(`re-failure during replay: ${Date.now() - t} ms\n`);
  }, 300000);

  // Issue 17, door 9: /ops/messaging accepted any `ops` token, even of a unit that does not exist; a dead letter showed
  // the whole event (accusations included); replays and discards were attributed to nobody.
  it('binds ops to an operator of a city-level unit, shows a case’s payload to no one without full access, and records who discarded and why', async () => {
    const V = randomUUID();
    await poison(V, 'petition.registered');
    const v = [registered(V, 'SECRET-V1'), dispatched(V, 1)];
    await run.produce(v as AnyEvent[]);
    const parkedV = await waitParked(V, 1);
    const at = (path: string) => `${url}/ops/messaging${path}`;
    const ask = async (method: 'GET' | 'POST', path: string, who: string, body?: unknown) => {
      const res = await fetch(at(path), {
        method,
        headers: { authorization: `Bearer ${who}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const why = { reason: '核实后丢弃' };
    const routes: Array<['GET' | 'POST', string, unknown]> = [
      ['GET', '/stats', undefined],
      ['GET', '/parked', undefined],
      ['GET', '/dead-letters', undefined],
      ['GET', `/dead-letters/${parkedV.deadLetterId}`, undefined],
      ['POST', `/dead-letters/${parkedV.deadLetterId}/replay`, why],
      ['POST', `/dead-letters/${parkedV.deadLetterId}/discard`, why],
    ];
    // An ops token of a unit the directory does not know, and one of a county's unit: refused on every route.
    const ghost = await run.staffToken(['ops'], { sub: 'intruder', unit: '410700000000:ops-ghost' });
    const county = await run.staffToken(['ops'], { sub: 'county-ops', unit: FIXTURE_UNITS.countyBureau });
    const clerk = await run.staffToken(['clerk']);
    for (const [method, path, body] of routes) {
      for (const [who, token, code] of [
        ['ghost', ghost, 'CITY_LEVEL_REQUIRED'],
        ['county', county, 'CITY_LEVEL_REQUIRED'],
        ['clerk', clerk, 'OPS_ONLY'],
      ] as const) {
        const refused = await ask(method, path, token, body);
        expect([who, method, path, refused.status, refused.body['code']]).toEqual([who, method, path, 403, code]);
      }
    }
    expect((await ask('GET', '/dead-letters', ghost)).body['message']).toMatchObject({ zh: expect.stringContaining('市级单位') });

    // The city's operator sees the envelope, never the payload: this service keeps no case replica to say it may.
    const shown = await ask('GET', `/dead-letters/${parkedV.deadLetterId}`, token);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      value: null,
      payload: 'redacted',
      envelope: { id: v[0]?.id, type: 'petition.registered', caseId: V, producer: v[0]?.producer },
      redaction: { zh: expect.stringContaining('元数据') },
    });
    expect(JSON.stringify(shown.body)).not.toContain('SECRET-V1');
    expect(JSON.stringify(shown.body)).not.toContain('clerk-1');

    // A discard names its reason (400 without one, and the CLI refuses the command line) and is recorded with the operator.
    const bare = await ask('POST', `/dead-letters/${parkedV.deadLetterId}/discard`, token, {});
    expect([bare.status, bare.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await dlqCli(['discard', parkedV.deadLetterId], url, token)).code).toBe(2);
    expect(
      await run.count(`SELECT count(*) AS n FROM "${schema}".dead_letter_actions WHERE dead_letter_id = $1`, [parkedV.deadLetterId]),
    ).toBe(0);
    const discarded = await dlqJson<{ ok: boolean; applied: number }>(
      ['discard', parkedV.deadLetterId, '--reason', '核实后丢弃：登记事件已由人工补录'],
      url,
      token,
    );
    expect(discarded).toMatchObject({ code: 0, body: { ok: true, applied: 1 } });
    const recorded = await run.query<{
      action: string;
      actor_subject: string;
      actor_unit_id: string;
      reason: string;
      ok: boolean;
      applied: number;
    }>(`SELECT action, actor_subject, actor_unit_id, reason, ok, applied FROM "${schema}".dead_letter_actions WHERE dead_letter_id = $1`, [
      parkedV.deadLetterId,
    ]);
    expect(recorded).toEqual([
      {
        action: 'discard',
        actor_subject: 'ops-engineer-1',
        actor_unit_id: FIXTURE_UNITS.cityBureau,
        reason: '核实后丢弃：登记事件已由人工补录',
        ok: true,
        applied: 1,
      },
    ]);
    expect((await effectsOf(V)).map((r) => r.event_id)).toEqual([v[1]?.id]);
  }, 180000);

  it('skips and counts unknown event types and newer versions, never dead-letters them', async () => {
    const t = Date.now();
    const U = randomUUID();
    const before = await dlqJson<Stats>(['stats'], url, token);
    const known = registered(U, 'U1');
    const unknownType = { ...registered(U, 'U0'), id: randomUUID(), type: 'petition.teleported', payload: { to: 'mars' } };
    const newerVersion = { ...registered(U, 'U0'), id: randomUUID(), version: 2, payload: { shape: 'from the future' } };
    await run.produceRaw(U, [unknownType, newerVersion, known]);

    // The valid event behind them on the same key is applied: they were handled before it.
    await waitEffects(U, 1, 'the valid event after the skipped ones');
    expect((await effectsOf(U)).map((r) => r.event_id)).toEqual([known.id]);
    const stats = await dlqJson<Stats>(['stats'], url, token);
    expect(stats.body.group).toBe(`${run.prefix}.routing`);
    expect(stats.body.skipped - before.body.skipped).toBe(2);
    expect(stats.body.deadLettered).toBe(before.body.deadLettered);
    expect(
      await run.count(`SELECT count(*) AS n FROM "${schema}".fx_deliveries WHERE event_id = ANY($1::text[])`, [
        [unknownType.id, newerVersion.id],
      ]),
    ).toBe(2);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".dead_letters WHERE message_key = $1`, [U])).toBe(0);
    const dlq = await readTopic(run.kafka, prefixed(run.prefix, deadLetterTopic('routing')));
    expect(dlq.filter((m) => m.key === U)).toEqual([]);
    expect(consumer.log).toContain(`skipped unknown-type petition.teleported v1`);
    expect(consumer.log).toContain(`skipped newer-version petition.registered v2`);
    process.stdout.write(`skip unknown/newer: ${Date.now() - t} ms\n`);
  }, 120000);
});
