import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Topics } from '@sunshine/contracts';
import { createKafka, readTopic, type StaffRole, verifyBodySignature } from '@sunshine/platform';
import {
  DEMO_CITY,
  DEMO_DONGTUN,
  DEMO_UNITS as D,
  eventually,
  http,
  infraEnv,
  type RunningSmsGateway,
  type ServiceHarness,
  sql,
  startSmsGateway,
} from '@sunshine/testing';
import { SMTPServer } from 'smtp-server';

import { labourPetition, startWithDirectory } from './fixtures';
import { SseClient } from './supervision-sse';

// Planted personal data: none of it may appear in clear in notification's tables or on any topic.
const PHONE = '13912340077';
const ID_NUMBER = '410726198805051237';
const NAME = '钱多来';
const ACCUSER_PHONE = '13912340088';
const CLERK: StaffRole[] = ['clerk'];
const ONLINE_PHONE = '13912340099';
const DOWN_PHONE = '13912340122';
/** The secrets the units' admins set for their webhooks (PUT /units/{unitId}/webhook). */
const WEBHOOK_SECRETS: Readonly<Record<string, string>> = {
  [D.dongtun]: 'whsec-dongtun-e2e-0001',
  [D.hrss]: 'whsec-hrss-e2e-000002',
};

/** The units' official mailboxes their admins set (PUT /units/{unitId}/mailbox). */
const MAILBOXES: Readonly<Record<string, string>> = {
  [D.dongtun]: 'xfb@dongtun.yanjin.example',
  [D.hrss]: 'xfb@rsj.yanjin.example',
};

interface MailArrival {
  readonly rcptTo: readonly string[];
  readonly raw: string;
}

/**
 * A header's value as the reader sees it: the raw header unfolded, its RFC 2047 encoded words (=?UTF-8?B?…?= or
 * =?UTF-8?Q?…?=) decoded, the whitespace between two encoded words dropped.
 */
function decodedHeader(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

interface WebhookArrival {
  readonly unitId: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly delivery: string;
  readonly body: string;
}

interface NoticePage {
  readonly unread: number;
  readonly items: Array<{ caseId: string; kind: string; title: string; body: string }>;
}

/**
 * Issue 13 end to end: five processes on real Kafka, PostgreSQL and Redis, the demo city, the local SMS gateway. A case
 * dispatched by routing's rules reaches the receiving unit's clerks as an in-app notice (GET /notices and the stream);
 * the accused township of an accusation is told nothing; the petitioner's receipt reaches the gateway once; no planted
 * phone, ID number or name rests in clear in notification's tables or travels on any topic.
 */
describe('notification end to end', () => {
  let h: ServiceHarness;
  let gateway: RunningSmsGateway;
  const streams = new Map<string, SseClient>();
  const kafka = createKafka('notification-e2e', infraEnv().kafkaBrokers);
  let claim: { caseId: string; caseNumber: string; queryCode: string };
  let accusation: { caseId: string; caseNumber: string; queryCode: string };
  let claimHolder = '';
  let oneTimeCode = '';
  const webhookArrivals: WebhookArrival[] = [];
  let receiver: Server;
  const mails: MailArrival[] = [];
  let smtp: SMTPServer;

  const token = (unitId: string, roles: StaffRole[] = CLERK) =>
    h.keys.token({ sub: `${unitId}:clerk`, unit: unitId, division: unitId.slice(0, 12), roles });
  const notices = async (unitId: string, query = '') =>
    (await http<NoticePage>('GET', `${h.url('notification')}/notices${query}`, { token: await token(unitId) })).body;

  const register = async (body: Record<string, unknown>) => {
    const res = await http<{ caseId: string; caseNumber: string; queryCode: string }>('POST', `${h.url('intake')}/petitions`, {
      token: await token(D.countyBureau),
      body,
    });
    if (res.status !== 201) throw new Error(`registration: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    // A unit's system receiving its webhook: it keeps what arrives; the test checks the signature.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        webhookArrivals.push({
          unitId: decodeURIComponent((req.url ?? '').replace(/^\/hooks\//, '')),
          timestamp: String(req.headers['x-sunshine-timestamp'] ?? ''),
          signature: String(req.headers['x-sunshine-signature'] ?? ''),
          delivery: String(req.headers['x-sunshine-delivery'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    // The units' mail server (a real SMTP server, smtp-server): it keeps each message as it came, with its recipients.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    gateway = await startSmsGateway({
      accessKeyId: 'sunshine-dev-key',
      accessKeySecret: 'sunshine-dev-secret',
      signNames: ['阳光信访局'],
      templates: { SMS_SUNSHINE_NOTICE: '${text}' },
    });
    h = await startWithDirectory('demo', {
      env: {
        SMS_ENDPOINT: gateway.url,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        MAIL_FROM: '延津县信访局 <noreply@xfj.yanjin.example>',
        NOTIFICATION_QUIET_HOURS: 'off',
        NOTIFICATION_BACKOFF_MS: '200',
        NOTIFICATION_MAX_ATTEMPTS: '3',
      },
    });
    for (const unitId of [D.dongtun, `${DEMO_DONGTUN}:petition-office`, D.countyDiscipline, D.hrss]) {
      streams.set(
        unitId,
        await SseClient.open(`${h.url('notification')}/notices/stream`, await token(unitId, ['clerk', 'head', 'handler', 'supervisor'])),
      );
    }
    claim = await register(labourPetition({ petitioner: { name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: '延津县东屯镇' } }));
    accusation = await register(
      labourPetition({
        type: 'accusation',
        category: 'other',
        subject: '举报东屯镇政府截留补偿款',
        content: '东屯镇政府截留土地流转补偿款，请纪委调查。',
        petitioner: { name: '孙举报', phone: ACCUSER_PHONE },
        accused: { unitId: D.dongtun, person: '某镇长' },
      }),
    );
    claimHolder = await eventually(
      async () => {
        const [row] = await sql<{ holding_unit_id: string | null }>(
          `SELECT holding_unit_id FROM "${h.schema('notification')}".case_replica WHERE case_id = $1 AND status = 'dispatched'`,
          [claim.caseId],
        );
        return row?.holding_unit_id ?? undefined;
      },
      120000,
      'the claim dispatched',
    );
  }, 600000);

  afterAll(async () => {
    for (const s of streams.values()) await s.close();
    await h?.stopAll();
    await gateway?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  it('gives the receiving unit’s clerks an in-app notice of the dispatched case on GET /notices and the stream', async () => {
    const page = await eventually(
      async () => {
        const p = await notices(claimHolder, `?caseId=${claim.caseId}`);
        return p.items.length > 0 ? p : undefined;
      },
      60000,
      'the notice',
    );
    expect(page.items.map((i) => [i.caseId, i.kind, i.title])).toEqual([
      [claim.caseId, 'unit.case-arrived', `新的信访事项：${claim.caseNumber}`],
    ]);
    expect(page.items[0]?.body).toContain('受理期限至');
    expect([D.dongtun, D.hrss]).toContain(claimHolder);
    await eventually(
      async () =>
        streams
          .get(claimHolder)
          ?.of<{ caseId: string }>('notice')
          .some((n) => n.caseId === claim.caseId)
          ? true
          : undefined,
      30000,
      'the stream',
    );
  });

  it('tells the discipline commission of the accusation, and the accused township and its office nothing', async () => {
    await eventually(
      async () => ((await notices(D.countyDiscipline, `?caseId=${accusation.caseId}`)).items.length > 0 ? true : undefined),
      60000,
      'the commission’s notice',
    );
    await eventually(
      async () =>
        streams
          .get(D.countyDiscipline)
          ?.of<{ caseId: string }>('notice')
          .some((n) => n.caseId === accusation.caseId)
          ? true
          : undefined,
      30000,
      'the commission’s stream',
    );
    for (const unitId of [D.dongtun, `${DEMO_DONGTUN}:petition-office`]) {
      const page = await notices(unitId);
      expect([unitId, page.items.filter((i) => i.caseId === accusation.caseId)]).toEqual([unitId, []]);
      expect([unitId, JSON.stringify(streams.get(unitId)?.messages ?? []).includes(accusation.caseId)]).toEqual([unitId, false]);
    }
    const rows = await sql<{ recipient: string }>(
      `SELECT DISTINCT recipient FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 ORDER BY recipient`,
      [accusation.caseId],
    );
    expect(rows.map((r) => r.recipient)).toEqual([`petitioner:${accusation.caseId}`, `unit:${D.countyDiscipline}`]);
  });

  it('sends the petitioner’s receipt to the SMS gateway once, with the case number and without the query code', async () => {
    const sent = await eventually(
      async () => {
        const found = gateway.accepted.filter((m) => m.phoneNumbers === PHONE);
        return found.length > 0 ? found : undefined;
      },
      60000,
      'the receipt SMS',
    );
    expect(sent.map((m) => m.text)).toEqual([
      `【阳光信访局】您的信访事项已登记，编号${claim.caseNumber}。可凭编号和查询码查询办理进度：https://xf.example.gov.cn/query?caseNumber=${claim.caseNumber}`,
    ]);
    const [row] = await sql<{ status: string; address_masked: string }>(
      `SELECT status, address_masked FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' AND channel = 'sms'`,
      [claim.caseId],
    );
    expect(row).toEqual({ status: 'delivered', address_masked: '139****0077' });
    expect(sent[0]?.text).not.toContain(claim.queryCode);
  });

  it('serves an online petitioner’s written reply by SMS once, with the progress link; routing records the service and the review window runs from it', async () => {
    const res = await http<{ caseId: string; caseNumber: string; queryCode: string }>('POST', `${h.url('intake')}/petitions`, {
      token: await token(D.countyBureau),
      body: labourPetition({ channel: 'online', petitioner: { name: '赵网上', phone: ONLINE_PHONE } }),
    });
    expect(res.status).toBe(201);
    const online = res.body;
    const holder = await eventually(
      async () => {
        const [row] = await sql<{ holding_unit_id: string | null }>(
          `SELECT holding_unit_id FROM "${h.schema('routing')}".case_replica WHERE case_id = $1 AND status = 'dispatched'`,
          [online.caseId],
        );
        return row?.holding_unit_id ?? undefined;
      },
      120000,
      'the online petition dispatched',
    );
    const act = async (action: string, roles: StaffRole[], body?: unknown) => {
      const view = await http<{ version: number }>('GET', `${h.url('routing')}/cases/${online.caseId}`, {
        token: await token(holder, ['clerk', 'handler', 'head']),
      });
      return http<{ status: string }>('POST', `${h.url('routing')}/cases/${online.caseId}/${action}`, {
        token: await token(holder, roles),
        body,
        headers: { 'if-match': `"${view.body.version}"` },
      });
    };
    expect((await act('sign', ['clerk', 'handler', 'head'])).status).toBe(200);
    expect((await act('accept', ['clerk', 'handler', 'head'])).status).toBe(200);
    const draft = await http('PUT', `${h.url('routing')}/cases/${online.caseId}/reply/draft`, {
      token: await token(holder, ['handler']),
      body: { outcome: 'explained', text: '经调查核实，现将有关情况答复如下。' },
    });
    expect(draft.status).toBe(200);
    const approved = await http<{ status: string }>('POST', `${h.url('routing')}/cases/${online.caseId}/reply/approve`, {
      token: await h.keys.token({ sub: `${holder}:head`, unit: holder, division: holder.slice(0, 12), roles: ['head'] }),
      headers: {
        'if-match': `"${(await http<{ version: number }>('GET', `${h.url('routing')}/cases/${online.caseId}`, { token: await token(holder) })).body.version}"`,
      },
    });
    expect([approved.status, approved.body.status]).toEqual([200, 'replied']);

    const served = await eventually(
      async () => {
        const [row] = await sql<{ payload: { servedAt: string; method: string; noticeId: string } }>(
          `SELECT payload FROM "${h.schema('routing')}".case_replica_events WHERE case_id = $1 AND type = 'case.reply-served'`,
          [online.caseId],
        );
        return row?.payload;
      },
      120000,
      'the reply served',
    );
    const replies = gateway.accepted.filter((m) => m.phoneNumbers === ONLINE_PHONE && m.text.includes('书面答复'));
    expect(replies.map((m) => [m.outId, m.text])).toEqual([
      [
        served.noticeId,
        `【阳光信访局】您的信访事项${online.caseNumber}已作出书面答复，请凭编号和查询码查阅：https://xf.example.gov.cn/query?caseNumber=${online.caseNumber}。自收到之日起30日内可进行满意度评价或申请复查。`,
      ],
    ]);
    const [delivered] = await sql<{ payload: { deliveredAt: string; kind: string; channel: string } }>(
      `SELECT payload FROM "${h.schema('routing')}".case_replica_events WHERE case_id = $1 AND type = 'case.notice-delivered' AND payload->>'kind' = 'reply'`,
      [online.caseId],
    );
    expect([served.method, served.servedAt]).toEqual(['electronic', delivered?.payload.deliveredAt]);
    // Supervision's review-request window (第35条) starts at the service.
    const window = await eventually(
      async () => {
        const [row] = await sql<{ start_at: Date }>(
          `SELECT start_at FROM "${h.schema('supervision')}".deadline_clocks WHERE case_id = $1 AND kind = 'review-request-window'`,
          [online.caseId],
        );
        return row;
      },
      60000,
      'the review window',
    );
    expect(new Date(window.start_at).toISOString()).toBe(served.servedAt);
  });

  it('sends intake’s one-time code (query-code recovery) by SMS once over HTTP, never over Kafka, and the code works', async () => {
    const asked = await http('POST', `${h.url('intake')}/public/query-code/recovery`, {
      body: { caseNumber: claim.caseNumber, phone: PHONE },
    });
    expect(asked.status).toBe(202);
    const sent = await eventually(
      async () => {
        const found = gateway.accepted.filter((m) => m.phoneNumbers === PHONE && m.text.includes('验证码'));
        return found.length > 0 ? found : undefined;
      },
      60000,
      'the one-time code SMS',
    );
    expect(sent).toHaveLength(1);
    oneTimeCode = /验证码(\d{6})/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    expect(sent[0]?.text).toBe(
      `【阳光信访局】您正在找回信访件${claim.caseNumber}的查询码，验证码${oneTimeCode}，10分钟内有效。如非本人操作请忽略。`,
    );
    const [message] = await sql<{ status: string }>(`SELECT status FROM "${h.schema('intake')}".citizen_messages WHERE case_id = $1`, [
      claim.caseId,
    ]);
    expect(message?.status).toBe('handed-over');
    const reset = await http<{ queryCode: string }>('POST', `${h.url('intake')}/public/query-code/reset`, {
      body: { caseNumber: claim.caseNumber, code: oneTimeCode },
    });
    expect(reset.status).toBe(200);
  });

  it('posts the arrived case to the receiving unit’s webhook its admin set, signed with HMAC-SHA256 under the admin’s secret', async () => {
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/`;
    for (const [unitId, secret] of Object.entries(WEBHOOK_SECRETS)) {
      const put = await http<{ unitId: string; url: string }>(
        'PUT',
        `${h.url('notification')}/units/${encodeURIComponent(unitId)}/webhook`,
        {
          token: await token(unitId, ['admin']),
          body: { url: `${base}${encodeURIComponent(unitId)}`, secret },
        },
      );
      expect([put.status, put.body.unitId, put.body.url]).toEqual([200, unitId, `${base}${encodeURIComponent(unitId)}`]);
    }
    const hooked = await register(labourPetition({ petitioner: { name: '李推送', phone: '13912340133' } }));
    const [arrival] = await eventually(
      async () => {
        const found = webhookArrivals.filter((a) => a.body.includes(hooked.caseNumber));
        return found.length > 0 ? found : undefined;
      },
      60000,
      'the webhook POST',
    );
    const [planned] = await sql<{ id: string; recipient: string }>(
      `SELECT id, recipient FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND channel = 'webhook'`,
      [hooked.caseId],
    );
    const unitId = arrival?.unitId ?? '';
    expect(planned?.recipient).toBe(`unit:${unitId}`);
    expect(JSON.parse(arrival?.body ?? '{}')).toEqual({
      deliveryId: planned?.id,
      kind: 'unit.case-arrived',
      title: `新的信访事项：${hooked.caseNumber}`,
      text: expect.stringContaining(`信访事项${hooked.caseNumber}`) as unknown,
      sentAt: expect.any(String) as unknown,
    });
    const sentAt = (JSON.parse(arrival?.body ?? '{}') as { sentAt: string }).sentAt;
    expect(Math.floor(Date.parse(sentAt) / 1000)).toBe(Number(arrival?.timestamp));
    expect(arrival?.delivery).toBe(planned?.id);
    expect(Math.abs(Number(arrival?.timestamp) - Date.now() / 1000)).toBeLessThan(120);
    // The receiver's check, with the secret the admin set: the signature holds, and not under the other unit's secret.
    const other = Object.entries(WEBHOOK_SECRETS).find(([id]) => id !== unitId)?.[1] ?? '';
    expect([
      verifyBodySignature(WEBHOOK_SECRETS[unitId] ?? '', arrival?.timestamp ?? '', arrival?.body ?? '', arrival?.signature ?? ''),
      verifyBodySignature(other, arrival?.timestamp ?? '', arrival?.body ?? '', arrival?.signature ?? ''),
      /^sha256=[0-9a-f]{64}$/.test(arrival?.signature ?? ''),
    ]).toEqual([true, false, true]);
    await eventually(
      async () => {
        const [row] = await sql<{ status: string }>(`SELECT status FROM "${h.schema('notification')}".deliveries WHERE id = $1`, [
          planned?.id,
        ]);
        return row?.status === 'delivered' ? true : undefined;
      },
      30000,
      'the webhook delivery recorded',
    );
    expect(webhookArrivals.filter((a) => a.body.includes(hooked.caseNumber)).map((a) => a.unitId)).toEqual([unitId]);
  });

  it('mails the arrived case once to the receiving unit’s mailbox its admin set, with the zh-CN subject; a unit without one gets no e-mail', async () => {
    for (const [unitId, address] of Object.entries(MAILBOXES)) {
      const put = await http<{ unitId: string; address: string }>(
        'PUT',
        `${h.url('notification')}/units/${encodeURIComponent(unitId)}/mailbox`,
        {
          token: await token(unitId, ['admin']),
          body: { address },
        },
      );
      expect([put.status, put.body.unitId, put.body.address]).toEqual([200, unitId, 'x***@' + address.split('@')[1]]);
    }
    const mailed = await register(labourPetition({ petitioner: { name: '周邮件', phone: '13912340144' } }));
    const [mail] = await eventually(
      async () => {
        const found = mails.filter((m) => decodedHeader(m.raw, 'Subject').includes(mailed.caseNumber));
        return found.length > 0 ? found : undefined;
      },
      60000,
      'the e-mail',
    );
    const [planned] = await eventually(
      async () => {
        const rows = await sql<{ id: string; recipient: string; status: string; address_masked: string }>(
          `SELECT id, recipient, status, address_masked FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND channel = 'email' AND recipient LIKE 'unit:%'`,
          [mailed.caseId],
        );
        return rows[0]?.status === 'delivered' ? rows : undefined;
      },
      30000,
      'the e-mail delivery recorded',
    );
    const unitId = planned?.recipient.replace(/^unit:/, '') ?? '';
    expect(mail?.rcptTo).toEqual([MAILBOXES[unitId]]);
    expect(/^Subject: =\?UTF-8\?[BQ]\?/im.test(mail?.raw ?? '')).toBe(true);
    expect(decodedHeader(mail?.raw ?? '', 'Subject')).toBe(`新的信访事项：${mailed.caseNumber}`);
    expect(decodedHeader(mail?.raw ?? '', 'Message-ID')).toBe(`<${planned?.id}@xfj.yanjin.example>`);
    expect(planned?.address_masked).toBe('x***@' + MAILBOXES[unitId]?.split('@')[1]);
    expect(mails.filter((m) => decodedHeader(m.raw, 'Subject').includes(mailed.caseNumber)).length).toBe(1);
    // The first claim arrived before any unit had a mailbox: no e-mail was planned for a unit.
    const before = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND channel = 'email' AND recipient LIKE 'unit:%'`,
      [claim.caseId],
    );
    expect(before[0]?.n).toBe('0');
  });

  it('retries while the SMS gateway is down, then keeps a dead delivery ops list; the replay sends it once, its receipt follows once', async () => {
    const ops = await h.keys.token({ sub: `${D.cityBureau}:ops`, unit: D.cityBureau, division: DEMO_CITY, roles: ['ops'] });
    const receipt = async () =>
      (
        await sql<{ id: string; status: string; attempts: number; last_error: string | null }>(
          `SELECT id, status, attempts, last_error FROM "${h.schema('notification')}".deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' AND channel = 'sms'`,
          [down.caseId],
        )
      )[0];
    let down: { caseId: string; caseNumber: string } = { caseId: '', caseNumber: '' };
    await gateway.down();
    try {
      down = await register(labourPetition({ petitioner: { name: '吴断网', phone: DOWN_PHONE } }));
      const dead = await eventually(
        async () => {
          const row = await receipt();
          return row?.status === 'dead' ? row : undefined;
        },
        60000,
        'the dead receipt',
      );
      // NOTIFICATION_MAX_ATTEMPTS=3 in this world. An attempt without an answer leaves the delivery in doubt: the next
      // asks QuerySendDetails first, which the gateway, still down, does not answer either.
      expect([dead.attempts, dead.last_error]).toEqual([
        3,
        'QuerySendDetails: no answer from the SMS provider: fetch failed (ECONNREFUSED)',
      ]);
    } finally {
      await gateway.up();
    }
    const dead = await receipt();
    const listed = await http<Array<{ id: string; caseId: string; status: string; attempts: number; addressMasked: string }>>(
      'GET',
      `${h.url('notification')}/ops/deliveries?status=dead&channel=sms`,
      { token: ops },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.filter((d) => d.caseId === down.caseId).map((d) => [d.id, d.status, d.attempts, d.addressMasked])).toEqual([
      [dead?.id, 'dead', 3, '139****0122'],
    ]);
    expect(gateway.accepted.filter((m) => m.phoneNumbers === DOWN_PHONE)).toEqual([]);

    const replay = await http<{ id: string; status: string }>('POST', `${h.url('notification')}/ops/deliveries/${dead?.id}/replay`, {
      token: ops,
      body: { reason: '短信网关恢复后重发' },
    });
    expect([replay.status, replay.body.status]).toEqual([200, 'pending']);
    await eventually(async () => ((await receipt())?.status === 'delivered' ? true : undefined), 60000, 'the replayed receipt');
    expect(gateway.accepted.filter((m) => m.phoneNumbers === DOWN_PHONE).map((m) => [m.outId, m.text])).toEqual([
      [
        dead?.id,
        `【阳光信访局】您的信访事项已登记，编号${down.caseNumber}。可凭编号和查询码查询办理进度：https://xf.example.gov.cn/query?caseNumber=${down.caseNumber}`,
      ],
    ]);
    const again = await http<{ code: string }>('POST', `${h.url('notification')}/ops/deliveries/${dead?.id}/replay`, {
      token: ops,
      body: { reason: '再来一次' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'DELIVERY_NOT_DEAD']);
    // The legal receipt: failed once for good, then delivered once (routing's replica of the case's log).
    const receipts = await eventually(
      async () => {
        const rows = await sql<{ type: string; payload: { noticeId: string; kind: string; channel: string; final?: boolean } }>(
          `SELECT type, payload FROM "${h.schema('routing')}".case_replica_events WHERE case_id = $1 AND type IN ('case.notice-delivered', 'case.notice-failed') ORDER BY seq`,
          [down.caseId],
        );
        return rows.some((r) => r.type === 'case.notice-delivered') ? rows : undefined;
      },
      60000,
      'case.notice-delivered',
    );
    expect(
      receipts.filter((r) => r.payload.noticeId === dead?.id).map((r) => [r.type, r.payload.kind, r.payload.channel, r.payload.final]),
    ).toEqual([
      ['case.notice-failed', 'receipt', 'sms', false],
      ['case.notice-failed', 'receipt', 'sms', false],
      ['case.notice-failed', 'receipt', 'sms', true],
      ['case.notice-delivered', 'receipt', 'sms', undefined],
    ]);
    expect(gateway.countFor(dead?.id ?? '')).toBe(1);
  });

  it('keeps no planted phone, ID number or name in clear in notification’s tables or on any topic', async () => {
    const planted = [
      PHONE,
      ID_NUMBER,
      NAME,
      ACCUSER_PHONE,
      '孙举报',
      ONLINE_PHONE,
      '赵网上',
      DOWN_PHONE,
      '吴断网',
      '13912340133',
      '李推送',
      '13912340144',
      '周邮件',
      claim.queryCode,
      accusation.queryCode,
      `验证码${oneTimeCode}`,
    ];
    const tables = await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [
      h.schema('notification'),
    ]);
    const hits: string[] = [];
    for (const { table_name } of tables) {
      for (const value of planted) {
        const [n] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM "${h.schema('notification')}"."${table_name}" t WHERE t::text LIKE $1`,
          [`%${value}%`],
        );
        if (Number(n?.n) > 0) hits.push(`${table_name}: ${value}`);
      }
    }
    for (const topic of Object.values(Topics)) {
      const text = (await readTopic(kafka, h.topic(topic))).map((m) => m.value ?? '').join('\n');
      for (const value of planted) if (text.includes(value)) hits.push(`${topic}: ${value}`);
    }
    expect(hits).toEqual([]);
    expect(tables.length).toBeGreaterThan(5);
  });
});
