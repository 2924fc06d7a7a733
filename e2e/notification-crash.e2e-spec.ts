import { Topics } from '@sunshine/contracts';
import { createKafka, readTopic } from '@sunshine/platform';
import {
  DEMO_UNITS as D,
  eventually,
  http,
  infraEnv,
  type RunningSmsGateway,
  type ServiceHarness,
  sql,
  startSmsGateway,
} from '@sunshine/testing';

import { labourPetition, startWithDirectory } from './fixtures';

const PHONE = '13912340111';

interface DeliveryRecord {
  readonly id: string;
  readonly status: string;
  readonly provider_id: string | null;
  readonly address_masked: string | null;
}

/**
 * Issue 13, "never repeats": notification is SIGKILLed between the SMS provider's acceptance of a petitioner's receipt
 * and its own record of it (fail point `notification.after-provider-accepted:sms`). After a restart without the fail
 * point, the delivery left `sending` is in doubt: notification asks the provider (QuerySendDetails) and records it
 * delivered without sending again. The local gateway has accepted exactly one SMS with that OutId.
 */
describe('notification killed between the SMS provider’s acceptance and the local record', () => {
  let h: ServiceHarness;
  let gateway: RunningSmsGateway;

  beforeAll(async () => {
    gateway = await startSmsGateway({
      accessKeyId: 'sunshine-dev-key',
      accessKeySecret: 'sunshine-dev-secret',
      signNames: ['阳光信访局'],
      templates: { SMS_SUNSHINE_NOTICE: '${text}' },
    });
    h = await startWithDirectory('demo', {
      env: { SMS_ENDPOINT: gateway.url, NOTIFICATION_QUIET_HOURS: 'off', NOTIFICATION_BACKOFF_MS: '200', NOTIFICATION_JOB_LOCK_MS: '5000' },
      services: ['intake', 'routing', 'notification'],
    });
  }, 600000);

  afterAll(async () => {
    await h?.stopAll();
    await gateway?.close();
  });

  it('sends the receipt SMS exactly once and records it delivered after the restart', async () => {
    await h.kill('notification');
    await h.start('notification', { FAILPOINTS: 'notification.after-provider-accepted:sms' });
    const token = await h.keys.token({
      sub: `${D.countyBureau}:clerk`,
      unit: D.countyBureau,
      division: D.countyBureau.slice(0, 12),
      roles: ['clerk'],
    });
    const res = await http<{ caseId: string; caseNumber: string }>('POST', `${h.url('intake')}/petitions`, {
      token,
      body: labourPetition({ channel: 'online', petitioner: { name: '周在线', phone: PHONE } }),
    });
    expect(res.status).toBe(201);
    const { caseId, caseNumber } = res.body;

    expect(await h.waitExit('notification', 120000)).toBe('SIGKILL');
    const receipt = async (): Promise<DeliveryRecord | undefined> =>
      (
        await sql<DeliveryRecord>(
          `SELECT id, status, provider_id, address_masked FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' AND channel = 'sms'`,
          [caseId],
        )
      )[0];
    // Killed after the provider took it: the gateway has it, the row still says `sending`.
    const left = await receipt();
    expect(left?.status).toBe('sending');
    expect(gateway.countFor(left?.id ?? '')).toBe(1);

    await h.start('notification');
    const done = await eventually(
      async () => {
        const row = await receipt();
        return row?.status === 'delivered' ? row : undefined;
      },
      180000,
      'the receipt recorded delivered after the restart',
    );
    expect(done).toEqual({ id: left?.id, status: 'delivered', provider_id: `OutId:${left?.id}`, address_masked: '139****0111' });
    expect(gateway.accepted.filter((m) => m.phoneNumbers === PHONE).map((m) => [m.outId, m.text])).toEqual([
      [
        left?.id,
        `【阳光信访局】您的信访事项已登记，编号${caseNumber}。可凭编号和查询码查询办理进度：https://xf.example.gov.cn/query?caseNumber=${caseNumber}`,
      ],
    ]);
    expect(gateway.countFor(left?.id ?? '')).toBe(1);

    // The legal receipt (送达回执) follows once.
    const kafka = createKafka('notification-crash-e2e', infraEnv().kafkaBrokers);
    const receipts = await eventually(
      async () => {
        const found = (await readTopic(kafka, h.topic(Topics.caseLog))).filter(
          (m) => m.key === caseId && m.headers['event-type'] === 'case.notice-delivered',
        );
        return found.length > 0 ? found : undefined;
      },
      60000,
      'case.notice-delivered',
    );
    expect(receipts.map((m) => (JSON.parse(m.value ?? '{}') as { payload?: { kind?: string; channel?: string } }).payload)).toEqual([
      expect.objectContaining({ noticeId: left?.id, kind: 'receipt', channel: 'sms' }),
    ]);
  }, 600000);
});
