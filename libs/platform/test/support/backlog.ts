import { randomUUID } from 'node:crypto';

import type { AnyEvent } from '@sunshine/contracts';
import { type OutboxWriter, type ReadMessage } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { dispatched, registered } from './test-events';

export interface Backlog {
  /** Per case, the event ids in the order their transactions committed (the order they were written). */
  readonly written: Map<string, string[]>;
  readonly total: number;
  readonly transactions: number;
}

export interface BacklogOptions {
  readonly cases: number;
  /** One case in `racingEvery` writes all its events in concurrent transactions that race for the case. */
  readonly racingEvery?: number;
  /** Called after each commit (e.g. to kill a relay once enough is written). */
  readonly onCommit?: (committedEvents: number) => void;
}

function eventsFor(caseId: string, n: number): AnyEvent[] {
  return [registered(caseId, caseId.slice(0, 8)), ...Array.from({ length: n - 1 }, (_, i) => dispatched(caseId, i + 1))];
}

/**
 * Writes hundreds of cases at once through OutboxWriter, each event in a real transaction, all cases interleaved
 * on the connection pool. Most cases write their events one transaction after the other (sometimes two events in
 * one transaction); some race: all their transactions start together and hold the case for a few milliseconds
 * after appending, so only the writer's per-case lock decides, and the commit order is the written order.
 */
export async function writeBacklog(dataSource: DataSource, writer: OutboxWriter, options: BacklogOptions): Promise<Backlog> {
  const written = new Map<string, string[]>();
  let total = 0;
  let transactions = 0;
  const commit = async (caseId: string, events: AnyEvent[], holdMs: number) => {
    await dataSource.transaction(async (manager) => {
      for (const event of events) await writer.append(manager, event);
      if (holdMs > 0) await manager.query('SELECT pg_sleep($1)', [holdMs / 1000]);
    });
    written.get(caseId)?.push(...events.map((e) => e.id));
    total += events.length;
    transactions++;
    options.onCommit?.(total);
  };
  const racingEvery = options.racingEvery ?? 5;
  await Promise.all(
    Array.from({ length: options.cases }, async (_, i) => {
      const caseId = randomUUID();
      written.set(caseId, []);
      const events = eventsFor(caseId, 3 + (i % 3));
      if (i % racingEvery === 0) {
        await Promise.all(events.map((e) => commit(caseId, [e], 5 + Math.random() * 20)));
        return;
      }
      for (let k = 0; k < events.length;) {
        const size = k > 0 && Math.random() < 0.25 ? 2 : 1;
        await commit(caseId, events.slice(k, k + size), Math.random() < 0.2 ? 3 : 0);
        k += size;
      }
    }),
  );
  return { written, total, transactions };
}

/** Per case, the event ids in topic order (a case's events share a partition: offset order is its order). */
export function topicOrder(messages: readonly ReadMessage[], cases: ReadonlySet<string>): Map<string, string[]> {
  const order = new Map<string, string[]>();
  for (const m of messages) {
    if (!m.key || !cases.has(m.key)) continue;
    const id = m.headers['event-id'];
    if (!id) throw new Error(`message without event-id at ${m.partition}@${m.offset}`);
    order.set(m.key, [...(order.get(m.key) ?? []), id]);
  }
  return order;
}

/** Ids that occur more than once. */
export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
