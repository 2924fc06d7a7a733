import { randomUUID } from 'node:crypto';

import type { EventOf } from '@sunshine/contracts';
import { newEvent } from '@sunshine/platform';

const PLACE = ['410700000000', '410726000000'];
const BUREAU = '410726000000:petition-bureau';
const jurisdiction = { place: PLACE, unit: PLACE };
const clerk = { kind: 'staff' as const, id: 'clerk-1', unitId: BUREAU };

/** A valid `petition.registered` for a case; `label` lands in the case number so a failing test reads well. */
export function registered(caseId: string, label = '1'): EventOf<'petition.registered'> {
  const now = new Date().toISOString();
  return newEvent(
    'petition.registered',
    {
      caseNumber: `T-${label}`.slice(0, 40),
      channel: 'visit',
      form: { kind: 'individual' },
      type: 'claim',
      category: 'labour-wages',
      placeCode: '410726000000',
      receivingUnitId: BUREAU,
      receivedAt: now,
      registeredAt: now,
      petitionerRef: randomUUID(),
      flags: { skipLevel: false, confidential: false, lawsuit: false },
      attachmentCount: 0,
    },
    { caseId, jurisdiction, actor: clerk },
  );
}

/** A valid `case.dispatched` (forward to the county's labour bureau) for a case. */
export function dispatched(caseId: string, hop = 1): EventOf<'case.dispatched'> {
  return newEvent(
    'case.dispatched',
    {
      stage: 'original',
      fromUnitId: BUREAU,
      toUnitId: '410726000000:labour-bureau',
      mode: 'forward',
      rule: { id: 'labour-wages', version: 1 },
      reasons: ['属地：延津县；主管：人社局（劳资纠纷）'],
      hop,
    },
    { caseId, jurisdiction, actor: { kind: 'system', id: 'routing' } },
  );
}
