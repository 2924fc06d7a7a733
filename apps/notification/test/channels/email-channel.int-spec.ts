import type { AddressInfo } from 'node:net';

import { previewConfig } from '@sunshine/platform';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import type { OutboundMessage } from '../../src/channels/channel';
import { loadChannelsConfig } from '../../src/channels/channels-config';
import { EmailChannelProvider } from '../../src/channels/email/email-channel.provider';

interface Arrival {
  readonly raw: string;
  readonly mail: ParsedMail;
  readonly rcptTo: string[];
}

const SUBJECT = '【延津县信访局】新信访事项到达：410726-2026-000123（请及时签收）';
const TEXT = '东屯镇人民政府：\n信访事项 410726-2026-000123 已转送贵单位，办理期限至 2026年12月17日。\n请登录阳光信访系统签收。';

function provider(port: number): EmailChannelProvider {
  return new EmailChannelProvider(
    loadChannelsConfig(previewConfig('notification'), {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      MAIL_FROM: '延津县信访局 <noreply@xfj.yanjin.example>',
      SMTP_TIMEOUT_MS: '3000',
    }),
  );
}

function message(deliveryId: string, to = 'clerk@dongtun.example'): OutboundMessage {
  return { deliveryId, channel: 'email', to, kind: 'case.dispatched', subject: SUBJECT, text: TEXT };
}

describe('e-mail channel against a real SMTP server (smtp-server)', () => {
  const arrivals: Arrival[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@'))
          return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        if (address.address.startsWith('busy@')) return callback(Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          void simpleParser(raw).then((mail) => {
            arrivals.push({ raw, mail, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          });
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('arrives with the zh-CN subject, the body and the Message-ID of the delivery', async () => {
    const result = await provider(port).send(message('0193a5c2-7d1e-7b3a-9f00-000000000001'));
    expect(result).toEqual({ outcome: 'accepted', providerId: '<0193a5c2-7d1e-7b3a-9f00-000000000001@xfj.yanjin.example>' });
    const arrival = arrivals.find((a) => a.mail.messageId === '<0193a5c2-7d1e-7b3a-9f00-000000000001@xfj.yanjin.example>');
    expect(arrival?.mail.subject).toBe(SUBJECT);
    expect(arrival?.mail.text?.trim()).toBe(TEXT);
    expect(arrival?.rcptTo).toEqual(['clerk@dongtun.example']);
    expect(arrival?.mail.from?.value).toEqual([{ address: 'noreply@xfj.yanjin.example', name: '延津县信访局' }]);
    expect(arrival?.mail.headers.get('x-sunshine-delivery')).toBe('0193a5c2-7d1e-7b3a-9f00-000000000001');
  });

  it('writes the subject as RFC 2047 encoded words (the header itself is ASCII)', async () => {
    await provider(port).send(message('0193a5c2-7d1e-7b3a-9f00-000000000002'));
    const arrival = arrivals.find((a) => a.mail.messageId === '<0193a5c2-7d1e-7b3a-9f00-000000000002@xfj.yanjin.example>');
    const subjectLines = /^Subject: .*(\r\n[ \t].*)*/m.exec(arrival?.raw ?? '')?.[0] ?? '';
    expect(subjectLines).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(subjectLines)).toBe(true);
  });

  it('sends a resend with the same Message-ID', async () => {
    await provider(port).send(message('0193a5c2-7d1e-7b3a-9f00-000000000003'));
    await provider(port).send(message('0193a5c2-7d1e-7b3a-9f00-000000000003'));
    expect(arrivals.filter((a) => a.mail.messageId === '<0193a5c2-7d1e-7b3a-9f00-000000000003@xfj.yanjin.example>')).toHaveLength(2);
  });

  it('is rejected on a permanent refusal (550) and retried on a temporary one (451)', async () => {
    const refused = await provider(port).send(message('d-550', 'nobody@dongtun.example'));
    expect(refused.outcome).toBe('rejected');
    expect(refused.outcome === 'rejected' && refused.reason).toMatch(/^EENVELOPE 550: /);
    expect(refused.outcome === 'rejected' && refused.reason).not.toContain('nobody@');
    const later = await provider(port).send(message('d-451', 'busy@dongtun.example'));
    expect(later.outcome).toBe('retry');
    expect(later.outcome === 'retry' && later.reason).toMatch(/^EENVELOPE 451: /);
  });

  it('is retried when no SMTP server listens', async () => {
    const result = await provider(1).send(message('d-down'));
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.reason).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:1');
  });
});
