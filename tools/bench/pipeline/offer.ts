import { petitionBody, type PetitionText } from './petitions';
import type { BenchStack } from './stack';

/** One offered registration: when it was sent, how it was answered, the case it created. */
export interface Offered {
  readonly i: number;
  readonly sentAt: number;
  answeredAt: number;
  status: number;
  caseId?: string;
  retryAfter?: string | null;
}

export interface OfferOptions {
  /** Registrations per second, open loop (sent on schedule whatever the answers); used when concurrency is 0. */
  readonly rate: number;
  /** Closed loop: this many clients, each sending the next as soon as it is answered. */
  readonly concurrency: number;
  readonly durationSec: number;
  /** A cap on requests in flight in open loop (a client's sockets), so an overloaded stack is not buried. */
  readonly maxInFlight?: number;
}

/**
 * Offers registrations to intake as 延津县信访局's clerks for `durationSec` and records every answer; status 0 is a
 * request that got no HTTP answer (connection refused or reset, e.g. while intake restarts).
 */
export class Offerer {
  readonly offered: Offered[] = [];
  private stopped = false;
  private inFlight = 0;
  private token = '';

  constructor(
    private readonly stack: BenchStack,
    private readonly texts: readonly PetitionText[],
    private readonly options: OfferOptions,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    this.token = await this.stack.token({
      sub: 'bench-clerk',
      unit: '410726000000:petition-bureau',
      division: '410726000000',
      roles: ['clerk'],
    });
    const until = Date.now() + this.options.durationSec * 1000;
    const pending = new Set<Promise<void>>();
    if (this.options.concurrency > 0) {
      await Promise.all(
        Array.from({ length: this.options.concurrency }, async () => {
          while (!this.stopped && Date.now() < until) await this.one();
        }),
      );
      return;
    }
    const intervalMs = 1000 / Math.max(0.001, this.options.rate);
    const t0 = Date.now();
    for (let n = 0; !this.stopped && Date.now() < until; n++) {
      const due = t0 + n * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (this.inFlight >= (this.options.maxInFlight ?? 2000)) {
        // The client is saturated: this offer is counted as not sent (status -1), never queued without bound.
        this.offered.push({ i: this.offered.length, sentAt: Date.now(), answeredAt: Date.now(), status: -1 });
        continue;
      }
      const p = this.one().finally(() => pending.delete(p));
      pending.add(p);
    }
    await Promise.all(pending);
  }

  private async one(): Promise<void> {
    const i = this.offered.length;
    const record: Offered = { i, sentAt: Date.now(), answeredAt: 0, status: 0 };
    this.offered.push(record);
    this.inFlight++;
    try {
      const res = await fetch(`${this.stack.url('intake')}/petitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(petitionBody(this.texts, i)),
        signal: AbortSignal.timeout(30000),
      });
      record.status = res.status;
      record.retryAfter = res.headers.get('retry-after');
      const body = (await res.json().catch(() => null)) as { caseId?: string } | null;
      if (res.status === 201 && body?.caseId) record.caseId = body.caseId;
    } catch {
      record.status = 0;
    } finally {
      record.answeredAt = Date.now();
      this.inFlight--;
    }
  }
}
