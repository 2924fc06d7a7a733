import type { CaseAccessLevel, CaseVisibilityFacts } from '@sunshine/domain';
import type { DataSource } from 'typeorm';

import type { StaffPrincipal } from '../auth/staff-claims';
import type { CaseReplicaStore } from '../case-replica/case-replica.store';
import type { CaseVisibility } from '../case-replica/case-visibility.service';
import { DomainException } from '../errors/domain.exception';
import type { PlatformCollectors } from '../metrics/platform-collectors';
import { DeadLetterController } from './dead-letter.controller';
import type { DeadLetterEntity } from './dead-letter.entity';
import { EventServerRegistry } from './event-server.registry';
import type { KafkaEventServer } from './kafka-event.server';
import type { DeadLetterActor } from './parking-lot';

const OPS: StaffPrincipal = {
  subject: 'op1',
  unitId: '410700000000:petition-bureau',
  roles: ['ops'],
  divisionCode: '410700000000',
  token: 't',
};
const PARKED = '0190f3a0-0000-7000-8000-000000000001';
const REPLAYED = '0190f3a0-0000-7000-8000-000000000002';
const ACCUSATION = '0190f3a0-0000-7000-8000-000000000003';
const CLAIM = '0190f3a0-0000-7000-8000-000000000004';
const DIRECTORY = '0190f3a0-0000-7000-8000-000000000005';
const STRANGER = '0190f3a0-0000-7000-8000-000000000006';
const UNKNOWN = '0190f3a0-0000-7000-8000-0000000000ff';
const ACCUSATION_CASE = '0190f3a0-0000-7000-8000-0000000000a1';
const CLAIM_CASE = '0190f3a0-0000-7000-8000-0000000000c1';
const SECRET = '举报副镇长截留补偿款';

function event(caseId: string) {
  return JSON.stringify({
    id: '0190f3a0-0000-7000-8000-0000000000e1',
    type: 'petition.registered',
    version: 1,
    caseId,
    producer: 'intake',
    occurredAt: '2026-03-02T01:00:00.000Z',
    correlationId: 'c-1',
    causationId: null,
    actor: { kind: 'staff', id: 'clerk-1' },
    payload: { subject: SECRET },
  });
}

const row = (id: string, status: DeadLetterEntity['status'], topic = 'sunshine.case-log', key = ACCUSATION_CASE, value = event(key)) =>
  ({ id, status, topic, key, value, headers: { 'event-type': 'petition.registered' } }) as Partial<DeadLetterEntity> as DeadLetterEntity;

/** The controller over a parking lot of six dead letters, and a replica where the caller sees the claim fully, the accusation by its facts. */
function controller(options: { replica?: boolean } = {}) {
  const calls: string[] = [];
  const rows: Record<string, DeadLetterEntity> = {
    [PARKED]: row(PARKED, 'parked'),
    [REPLAYED]: row(REPLAYED, 'replayed'),
    [ACCUSATION]: row(ACCUSATION, 'parked', 'pfx.sunshine.case-log', ACCUSATION_CASE),
    [CLAIM]: row(CLAIM, 'parked', 'pfx.sunshine.case-log', CLAIM_CASE),
    [STRANGER]: row(STRANGER, 'parked', 'pfx.sunshine.case-log', '0190f3a0-0000-7000-8000-0000000000d1'),
    [DIRECTORY]: row(
      DIRECTORY,
      'parked',
      'pfx.sunshine.org-directory',
      '410726000000:dept-hrss',
      JSON.stringify({ id: 'u', type: 'org.unit-snapshot', payload: { name: '人社局' } }),
    ),
  };
  const parkingLot = {
    show: (id: string) => Promise.resolve(rows[id] ?? null),
    actions: () => Promise.resolve([]),
    replay: (id: string, by: DeadLetterActor) => (
      calls.push(`replay ${id} by ${by.subject}@${by.unitId}: ${by.reason}`),
      Promise.resolve({ ok: true, applied: 0 })
    ),
    discard: (id: string, by: DeadLetterActor) => (
      calls.push(`discard ${id} by ${by.subject}@${by.unitId}: ${by.reason}`),
      Promise.resolve({ ok: true, applied: 0 })
    ),
  };
  const registry = new EventServerRegistry();
  registry.server = { parkingLot } as unknown as KafkaEventServer;
  const access: Record<string, CaseAccessLevel> = { [ACCUSATION_CASE]: 'facts-only', [CLAIM_CASE]: 'full' };
  const cases = {
    read: (_m: unknown, caseId: string) => Promise.resolve(access[caseId] ? { facts: { caseId } as unknown as CaseVisibilityFacts } : null),
  } as unknown as CaseReplicaStore;
  const visibility = {
    access: (_s: StaffPrincipal, facts: CaseVisibilityFacts) =>
      Promise.resolve(access[(facts as unknown as { caseId: string }).caseId] ?? 'none'),
  } as unknown as CaseVisibility;
  const dataSource = { manager: {} } as unknown as DataSource;
  const ctl =
    options.replica === false ? new DeadLetterController(registry) : new DeadLetterController(registry, cases, visibility, dataSource);
  return { ctl, calls };
}

async function refusal(work: Promise<unknown>): Promise<[string, string]> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainException)) throw new Error(`expected a DomainException, got ${String(error)}`);
  return [error.code, error.kind];
}

const why = { reason: '修复后重放' };

describe('DeadLetterController replay and discard', () => {
  it('answers 404 DEAD_LETTER_NOT_FOUND for an id that does not exist, touching nothing', async () => {
    const { ctl, calls } = controller();
    expect(await refusal(ctl.replay(UNKNOWN, why, OPS))).toEqual(['DEAD_LETTER_NOT_FOUND', 'not-found']);
    expect(await refusal(ctl.discard(UNKNOWN, why, OPS))).toEqual(['DEAD_LETTER_NOT_FOUND', 'not-found']);
    expect(await refusal(ctl.show(UNKNOWN, OPS))).toEqual(['DEAD_LETTER_NOT_FOUND', 'not-found']);
    expect(calls).toEqual([]);
  });

  it('answers 409 DEAD_LETTER_NOT_PARKED for one already replayed', async () => {
    const { ctl, calls } = controller();
    expect(await refusal(ctl.replay(REPLAYED, why, OPS))).toEqual(['DEAD_LETTER_NOT_PARKED', 'conflict']);
    expect(await refusal(ctl.discard(REPLAYED, why, OPS))).toEqual(['DEAD_LETTER_NOT_PARKED', 'conflict']);
    expect(calls).toEqual([]);
  });

  it('replays and discards a parked one in the name of the operator, with the reason', async () => {
    const { ctl, calls } = controller();
    expect(await ctl.replay(PARKED, why, OPS)).toEqual({ ok: true, applied: 0 });
    expect(await ctl.discard(PARKED, { reason: '重复消息，丢弃' }, OPS)).toEqual({ ok: true, applied: 0 });
    expect(calls).toEqual([
      `replay ${PARKED} by op1@410700000000:petition-bureau: 修复后重放`,
      `discard ${PARKED} by op1@410700000000:petition-bureau: 重复消息，丢弃`,
    ]);
  });
});

describe('DeadLetterController show: the payload only to those who fully see the case (issue 17)', () => {
  it('shows an accusation’s event to a caller who sees only its facts as its envelope, without the payload', async () => {
    const shown = await controller().ctl.show(ACCUSATION, OPS);
    expect(shown).toMatchObject({
      value: null,
      payload: 'redacted',
      envelope: { type: 'petition.registered', caseId: ACCUSATION_CASE, producer: 'intake' },
    });
    expect(JSON.stringify(shown)).not.toContain(SECRET);
    expect(JSON.stringify(shown)).not.toContain('clerk-1');
  });

  it('shows the whole message to a caller with full access to the case', async () => {
    const shown = await controller().ctl.show(CLAIM, OPS);
    expect(shown).toMatchObject({ value: event(CLAIM_CASE), payload: 'shown' });
    expect(shown).not.toHaveProperty('redaction');
  });

  it('redacts every case message in a service without a case replica, and a case the replica does not know', async () => {
    const bare = await controller({ replica: false }).ctl.show(CLAIM, OPS);
    expect(bare).toMatchObject({ value: null, payload: 'redacted', redaction: { zh: expect.stringContaining('元数据') } });
    const unknown = await controller().ctl.show(STRANGER, OPS);
    expect(unknown).toMatchObject({ value: null, payload: 'redacted', envelope: { caseId: '0190f3a0-0000-7000-8000-0000000000d1' } });
  });

  it('shows a message of the directory’s topic whole: it is about no case', async () => {
    expect(await controller({ replica: false }).ctl.show(DIRECTORY, OPS)).toMatchObject({
      payload: 'shown',
      value: expect.stringContaining('人社局'),
    });
  });
});

describe('DeadLetterController lag: the group’s lag per partition, read as /metrics reads it', () => {
  function withLag(lags: Array<{ topic: string; partition: number; lag: number }> | undefined) {
    const registry = new EventServerRegistry();
    registry.server = { parkingLot: {}, groupId: 'pfx.intake' } as unknown as KafkaEventServer;
    const asked: string[] = [];
    const collectors = { consumerLag: (group: string) => (asked.push(group), Promise.resolve(lags)) } as unknown as PlatformCollectors;
    return { ctl: new DeadLetterController(registry, undefined, undefined, undefined, collectors), asked };
  }

  it('answers each partition’s lag and the total, for the service’s own group', async () => {
    const { ctl, asked } = withLag([
      { topic: 'pfx.sunshine.case-log', partition: 0, lag: 3 },
      { topic: 'pfx.sunshine.case-log', partition: 1, lag: 0 },
      { topic: 'pfx.sunshine.org-directory', partition: 0, lag: 2 },
    ]);
    expect(await ctl.lag()).toEqual({
      group: 'pfx.intake',
      total: 5,
      partitions: [
        { topic: 'pfx.sunshine.case-log', partition: 0, lag: 3 },
        { topic: 'pfx.sunshine.case-log', partition: 1, lag: 0 },
        { topic: 'pfx.sunshine.org-directory', partition: 0, lag: 2 },
      ],
    });
    expect(asked).toEqual(['pfx.intake']);
  });

  it('answers 503 LAG_UNAVAILABLE when Kafka does not answer', async () => {
    expect(await refusal(withLag(undefined).ctl.lag())).toEqual(['LAG_UNAVAILABLE', 'unavailable']);
  });
});
