import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { shanghaiDateOf } from '@sunshine/domain';
import { verifyBodySignature } from '@sunshine/platform';

/** The fields of an upstream message the receiver reads (the rest is checked by the tests). */
export interface ReceivedMessage {
  messageId: string;
  caseNumber: string;
  sequence: number;
  kind: string;
  eventType: string;
  status: string;
  urgent: boolean;
  [field: string]: unknown;
}

/**
 * A local counterpart of the upstream petition information system, started by the test: it verifies each request's
 * signature (refused 401 otherwise), records each message once by its idempotency key (a message sent again is answered
 * 200 and counted, not recorded twice), refuses (409) a message of a case whose previous one it has not recorded (a
 * gap: out of order), and on demand refuses (503) the messages of listed case numbers, or all. A message is
 * recorded when it arrives and answered `delayMs` later: a sender killed meanwhile has been heard but not answered. A
 * signed GET `?day=` answers the acknowledgement of that day from what it recorded (less the case numbers in `forget`).
 */
export class UpstreamReceiver {
  /** Every request in arrival order (its idempotency key and case number). */
  readonly posts: Array<{ messageId: string; caseNumber: string; sequence: number }> = [];
  /** The messages recorded, once each, in the order recorded. */
  readonly recorded: ReceivedMessage[] = [];
  /** Requests whose message was already recorded (sent again; the dedupe answered 200). */
  resent = 0;
  badSignatures = 0;
  /** Messages that came before their case's previous one was recorded. */
  readonly outOfOrder: Array<{ caseNumber: string; sequence: number; recorded: number }> = [];
  /** Case numbers whose messages are refused with 503 while listed; `refuseAll` refuses every message. */
  readonly refusing = new Set<string>();
  refuseAll = false;
  /** How long each answer waits after the message was recorded. */
  delayMs = 0;
  /** Messages recorded whose answer has not been written yet. */
  unanswered = 0;
  /** Case numbers left out of the acknowledgement (as if the upstream had lost them). */
  readonly forget = new Set<string>();
  /** The days whose acknowledgement was asked for (signed requests only). */
  readonly acknowledgementsAsked: string[] = [];
  private readonly byKey = new Set<string>();
  private server!: Server;
  url = '';

  constructor(readonly secret: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        if (req.method === 'GET') {
          const [status, answer] = this.acknowledge(req.headers, new URL(req.url ?? '/', 'http://upstream').searchParams.get('day') ?? '');
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
          return;
        }
        const [status, delay] = this.take(req.headers, body);
        if (status === 200 && delay > 0) this.unanswered++;
        setTimeout(() => {
          if (status === 200 && delay > 0) this.unanswered--;
          res.writeHead(status).end('{}');
        }, delay);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/petition-system/changes`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The recorded messages of one case, in order. */
  of(caseNumber: string): ReceivedMessage[] {
    return this.recorded.filter((m) => m.caseNumber === caseNumber);
  }

  /** The acknowledgement of a day: each recorded case registered that day (Asia/Shanghai) with its latest unit and status. */
  private acknowledge(headers: IncomingHttpHeaders, day: string): [number, unknown] {
    const header = (name: string) => String(headers[name] ?? '');
    if (!verifyBodySignature(this.secret, header('x-sunshine-timestamp'), `day=${day}`, header('x-sunshine-signature'))) {
      this.badSignatures++;
      return [401, {}];
    }
    this.acknowledgementsAsked.push(day);
    const latest = new Map<string, ReceivedMessage>();
    for (const m of this.recorded) {
      if (typeof m['registeredAt'] === 'string' && shanghaiDateOf(m['registeredAt']) === day) latest.set(m.caseNumber, m);
    }
    const acknowledged = [...latest.values()]
      .filter((m) => !this.forget.has(m.caseNumber))
      .map((m) => ({ caseNumber: m.caseNumber, unitId: m['unitId'], status: m.status }));
    return [200, { acknowledged }];
  }

  /** Answers [status, delay] for one request. */
  private take(headers: IncomingHttpHeaders, body: string): [number, number] {
    const header = (name: string) => String(headers[name] ?? '');
    if (!verifyBodySignature(this.secret, header('x-sunshine-timestamp'), body, header('x-sunshine-signature'))) {
      this.badSignatures++;
      return [401, 0];
    }
    const message = JSON.parse(body) as ReceivedMessage;
    const key = header('idempotency-key');
    this.posts.push({ messageId: key, caseNumber: message.caseNumber, sequence: message.sequence });
    if (key !== message.messageId) return [400, 0];
    if (this.refuseAll || this.refusing.has(message.caseNumber)) return [503, 0];
    if (this.byKey.has(key)) {
      this.resent++;
      return [200, 0];
    }
    const before = this.of(message.caseNumber).length;
    if (message.sequence !== before + 1) {
      this.outOfOrder.push({ caseNumber: message.caseNumber, sequence: message.sequence, recorded: before });
      return [409, 0];
    }
    this.byKey.add(key);
    this.recorded.push(message);
    return [200, this.delayMs];
  }
}
