import { deliveryListSchema, deliveryWithActionsSchema } from './deliveries-ops.response';

// The documented answers (@ZodResponse) accept what the service answers and say what a client may rely on.
const dead = {
  id: '0193a5b2-7c1e-7e2a-9f00-0000000000d1',
  eventId: '0193a5b2-7c1e-7e2a-9f00-0000000000e1',
  eventType: 'case.accepted',
  recipient: 'petitioner:0193a5b2-7c1e-7e2a-9f00-000000000001',
  channel: 'sms',
  kind: 'petitioner.accepted',
  kindName: '受理告知',
  caseId: '0193a5b2-7c1e-7e2a-9f00-000000000001',
  unitId: null,
  roles: [],
  legalKind: 'acceptance-notice',
  urgent: false,
  ruleVersion: 1,
  params: null,
  redaction: {
    zh: '通知参数仅向有权完整查阅该信访事项的人员显示',
    en: 'the notice’s parameters are shown only to those with full access to the case',
  },
  status: 'dead',
  attempts: 6,
  notBefore: '2026-12-03T01:00:00.000Z',
  addressMasked: '136****1234',
  providerId: null,
  lastError: 'QuerySendDetails: no answer from the SMS provider',
  createdAt: '2026-12-03T01:00:00.000Z',
  updatedAt: '2026-12-03T01:20:00.000Z',
  deliveredAt: null,
};

describe('the ops deliveries’ documented answers', () => {
  it('a dead SMS to a petitioner, its parameters withheld from a caller without full access', () => {
    expect(deliveryListSchema.parse([dead])).toEqual([dead]);
  });

  it('one delivery with the replay recorded on it', () => {
    const shown = {
      ...dead,
      status: 'pending',
      attempts: 0,
      actions: [
        {
          action: 'replay',
          reason: '服务商已恢复',
          actor: 'demo-city-ops',
          actorUnit: '410700000000:bureau',
          at: '2026-12-03T02:00:00.000Z',
        },
      ],
    };
    expect(deliveryWithActionsSchema.parse(shown)).toEqual(shown);
  });

  it('a status or channel outside the vocabulary is not an answer', () => {
    expect(deliveryListSchema.safeParse([{ ...dead, status: 'lost' }]).success).toBe(false);
    expect(deliveryListSchema.safeParse([{ ...dead, channel: 'fax' }]).success).toBe(false);
  });
});
