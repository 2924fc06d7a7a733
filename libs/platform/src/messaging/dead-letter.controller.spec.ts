import type { StaffPrincipal } from '../auth/staff-claims';
import { DomainException } from '../errors/domain.exception';
import { DeadLetterController } from './dead-letter.controller';
import type { DeadLetterEntity } from './dead-letter.entity';
import { EventServerRegistry } from './event-server.registry';
import type { KafkaEventServer } from './kafka-event.server';

const OPS: StaffPrincipal = { subject: 'op1', unitId: '410700000000:petition-bureau', roles: ['ops'], divisionCode: '410700000000', token: 't' };
const PARKED = '0190f3a0-0000-7000-8000-000000000001';
const REPLAYED = '0190f3a0-0000-7000-8000-000000000002';
const UNKNOWN = '0190f3a0-0000-7000-8000-0000000000ff';

function controller() {
  const calls: string[] = [];
  const rows: Record<string, Pick<DeadLetterEntity, 'id' | 'status'>> = { [PARKED]: { id: PARKED, status: 'parked' }, [REPLAYED]: { id: REPLAYED, status: 'replayed' } };
  const parkingLot = {
    show: (id: string) => Promise.resolve(rows[id] ?? null),
    replay: (id: string) => (calls.push(`replay ${id}`), Promise.resolve({ ok: true, applied: 0 })),
    discard: (id: string) => (calls.push(`discard ${id}`), Promise.resolve({ ok: true, applied: 0 })),
  };
  const registry = new EventServerRegistry();
  registry.server = { parkingLot } as unknown as KafkaEventServer;
  return { ctl: new DeadLetterController(registry), calls };
}

async function refusal(work: Promise<unknown>): Promise<[string, string]> {
  const error: unknown = await work.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainException)) throw new Error(`expected a DomainException, got ${String(error)}`);
  return [error.code, error.kind];
}

describe('DeadLetterController replay and discard', () => {
  it('answers 404 DEAD_LETTER_NOT_FOUND for an id that does not exist, touching nothing', async () => {
    const { ctl, calls } = controller();
    expect(await refusal(ctl.replay(UNKNOWN, OPS))).toEqual(['DEAD_LETTER_NOT_FOUND', 'not-found']);
    expect(await refusal(ctl.discard(UNKNOWN, OPS))).toEqual(['DEAD_LETTER_NOT_FOUND', 'not-found']);
    expect(calls).toEqual([]);
  });

  it('answers 409 DEAD_LETTER_NOT_PARKED for one already replayed', async () => {
    const { ctl, calls } = controller();
    expect(await refusal(ctl.replay(REPLAYED, OPS))).toEqual(['DEAD_LETTER_NOT_PARKED', 'conflict']);
    expect(await refusal(ctl.discard(REPLAYED, OPS))).toEqual(['DEAD_LETTER_NOT_PARKED', 'conflict']);
    expect(calls).toEqual([]);
  });

  it('replays and discards a parked one', async () => {
    const { ctl, calls } = controller();
    expect(await ctl.replay(PARKED, OPS)).toEqual({ ok: true, applied: 0 });
    expect(await ctl.discard(PARKED, OPS)).toEqual({ ok: true, applied: 0 });
    expect(calls).toEqual([`replay ${PARKED}`, `discard ${PARKED}`]);
  });
});
