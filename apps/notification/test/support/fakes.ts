import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ChannelProvider, OutboundMessage, SendResult } from '../../src/channels/channel';

/** An SMS provider that records what it accepted; told to answer `retry` a number of times first. */
export class RecordingSms implements ChannelProvider {
  readonly channel = 'sms' as const;
  readonly accepted: OutboundMessage[] = [];
  failures = 0;
  attempts = 0;
  queries = 0;

  async send(message: OutboundMessage): Promise<SendResult> {
    this.attempts++;
    if (this.failures > 0) {
      this.failures--;
      return { outcome: 'retry', reason: 'gateway throttled (isv.BUSINESS_LIMIT_CONTROL)' };
    }
    if (!this.accepted.some((m) => m.deliveryId === message.deliveryId)) this.accepted.push(message);
    return { outcome: 'accepted', providerId: `biz-${message.deliveryId}` };
  }

  /** As QuerySendDetails by OutId: accepted when it took this delivery id, else null. */
  async inDoubt(message: OutboundMessage): Promise<SendResult | null> {
    this.queries++;
    return this.accepted.some((m) => m.deliveryId === message.deliveryId)
      ? { outcome: 'accepted', providerId: `OutId:${message.deliveryId}` }
      : null;
  }
}

/** intake's delivery endpoints as a stand-in: every case's petitioner has `phone`, reachable by SMS. */
export class FakeIntake {
  private server?: Server;
  url = '';
  readonly calls: string[] = [];

  constructor(private readonly phone: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.calls.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      if (!req.headers.authorization?.startsWith('Bearer ')) return void res.writeHead(401).end('{}');
      if (req.url?.match(/^\/delivery\/cases\/[0-9a-f-]{36}\/address$/))
        return void res.end(JSON.stringify({ phone: this.phone, email: null, channels: ['sms'] }));
      if (req.url === '/delivery/messages') return void res.end('[]');
      res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
