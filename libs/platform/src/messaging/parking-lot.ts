import type { DataSource } from 'typeorm';

import type { DeadLetterEntity } from './dead-letter.entity';
import type { MessageProcessor, RawMessage } from './message-processor';

/** What a replay or discard did: `applied` counts the parked messages that followed the dead letter. */
export interface ResolveResult {
  readonly ok: boolean;
  readonly applied: number;
  readonly error?: string;
}

/** Who replays or discards a dead letter, and why: recorded in dead_letter_actions before the action runs. */
export interface DeadLetterActor {
  /** The operator's staff subject. */
  readonly subject: string;
  readonly unitId: string;
  readonly reason: string;
}

/** One operator action on a dead letter, as recorded (outcome null while it runs, or when it crashed half-way). */
export interface DeadLetterAction {
  readonly action: 'replay' | 'discard';
  readonly by: string;
  readonly unitId: string;
  readonly reason: string;
  readonly at: string;
  readonly ok: boolean | null;
  readonly applied: number | null;
  readonly error: string | null;
}

export interface ParkedKey {
  readonly topic: string;
  readonly key: string;
  readonly deadLetterId: string;
  readonly waiting: number;
}

/**
 * Keeps each key's order when a message dead-letters: later messages of that key wait here until an operator
 * replays or discards the dead letter; other keys flow on. Live work of several partitions runs side by side; an
 * operator's replay or discard runs alone (a readers–writer lock: live traffic shares, actions exclude).
 */
export class ParkingLot {
  /** The operators' actions, one after another; live work waits for those queued before it. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Live work under way (an action waits for it). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly consumer: string,
    private readonly dataSource: DataSource,
    private readonly processor: MessageProcessor,
  ) {}

  handleLive(message: RawMessage): Promise<void> {
    return this.shared(() => this.live(message));
  }

  /**
   * Consecutive messages of one partition in one transaction, when none of their keys is parked and all apply (see
   * MessageProcessor.applyChunk); false: nothing was applied, hand them to handleLive one at a time.
   */
  tryLiveChunk(messages: readonly RawMessage[]): Promise<boolean> {
    return this.shared(() => this.processor.applyChunk(messages));
  }

  private async live(message: RawMessage): Promise<void> {
    if (await this.processor.parkIfParked(message)) return;
    const result = await this.processor.apply(message, 'live');
    if (result.outcome === 'dead-lettered') await this.processor.deadLetter(message, result.error ?? 'unknown', result.attempts);
  }

  async list(status?: DeadLetterEntity['status']): Promise<DeadLetterEntity[]> {
    return this.dataSource.query(
      `SELECT id, topic, message_key AS key, partition, message_offset AS offset, event_id AS "eventId", event_type AS "eventType",
              error, attempts, status, created_at AS "createdAt", resolved_at AS "resolvedAt"
         FROM dead_letters WHERE consumer = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at`,
      [this.consumer, status ?? null],
    );
  }

  async show(id: string): Promise<DeadLetterEntity | null> {
    const rows = await this.dataSource.query<DeadLetterEntity[]>(
      `SELECT id, topic, message_key AS key, partition, message_offset AS offset, event_id AS "eventId", event_type AS "eventType",
              value, headers, error, attempts, status, created_at AS "createdAt", resolved_at AS "resolvedAt"
         FROM dead_letters WHERE consumer = $1 AND id = $2`,
      [this.consumer, id],
    );
    return rows[0] ?? null;
  }

  async parkedKeys(): Promise<ParkedKey[]> {
    const rows = await this.dataSource.query<Array<{ topic: string; key: string; id: string; waiting: string }>>(
      `SELECT d.topic, d.message_key AS key, d.id,
              (SELECT count(*) FROM parked_messages p WHERE p.consumer = d.consumer AND p.topic = d.topic AND p.message_key = d.message_key) AS waiting
         FROM dead_letters d WHERE d.consumer = $1 AND d.status = 'parked' ORDER BY d.created_at`,
      [this.consumer],
    );
    return rows.map((r) => ({ topic: r.topic, key: r.key, deadLetterId: r.id, waiting: Number(r.waiting) }));
  }

  /** The operator actions on a dead letter, oldest first. */
  async actions(id: string): Promise<DeadLetterAction[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT action, actor_subject, actor_unit_id, reason, acted_at, ok, applied, error FROM dead_letter_actions
        WHERE consumer = $1 AND dead_letter_id = $2 ORDER BY id`,
      [this.consumer, id],
    );
    return rows.map((r) => ({
      action: r['action'] as DeadLetterAction['action'],
      by: String(r['actor_subject']),
      unitId: String(r['actor_unit_id']),
      reason: String(r['reason']),
      at: new Date(r['acted_at'] as string).toISOString(),
      ok: (r['ok'] as boolean | null) ?? null,
      applied: r['applied'] === null || r['applied'] === undefined ? null : Number(r['applied']),
      error: (r['error'] as string | null) ?? null,
    }));
  }

  /**
   * Applies the dead letter again, then its key's parked messages in order; the dead letter is resolved only when
   * none is left, so a crash half-way leaves it parked (replay it again: the inbox makes repeats harmless). Recorded
   * with who and why.
   */
  replay(id: string, by: DeadLetterActor): Promise<ResolveResult> {
    return this.serial(async () => {
      const dl = await this.parked(id);
      return this.recorded(dl, 'replay', by, async () => {
        const result = await this.processor.apply(toRaw(dl), 'replay');
        if (result.outcome === 'dead-lettered') {
          await this.dataSource.query(`UPDATE dead_letters SET error = $2, attempts = attempts + $3 WHERE id = $1`, [
            id,
            result.error,
            result.attempts,
          ]);
          return { ok: false, applied: 0, error: result.error };
        }
        return this.drainThenResolve(dl, 'replayed');
      });
    });
  }

  /**
   * Drops the dead letter (an operator decided it must never apply) and lets its key's parked messages flow. Recorded
   * with who and why.
   */
  discard(id: string, by: DeadLetterActor): Promise<ResolveResult> {
    return this.serial(async () => {
      const dl = await this.parked(id);
      return this.recorded(dl, 'discard', by, () => this.drainThenResolve(dl, 'discarded'));
    });
  }

  /** Records who asked for `action` and why before it runs, then its outcome. */
  private async recorded(
    dl: DeadLetterEntity,
    action: 'replay' | 'discard',
    by: DeadLetterActor,
    work: () => Promise<ResolveResult>,
  ): Promise<ResolveResult> {
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO dead_letter_actions (dead_letter_id, consumer, action, actor_subject, actor_unit_id, reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [dl.id, this.consumer, action, by.subject, by.unitId, by.reason],
    );
    const result = await work();
    await this.dataSource.query(`UPDATE dead_letter_actions SET ok = $2, applied = $3, error = $4, finished_at = now() WHERE id = $1`, [
      row?.id,
      result.ok,
      result.applied,
      result.error ?? null,
    ]);
    return result;
  }

  /**
   * Applies the key's parked messages in order, then resolves the dead letter under the key's lock once none is left
   * (a message parked meanwhile by another instance is drained first). If a parked message fails again it becomes
   * the key's new dead letter, in the same transaction that resolves this one: the key stays parked.
   */
  private async drainThenResolve(dl: DeadLetterEntity, status: 'replayed' | 'discarded'): Promise<ResolveResult> {
    let applied = 0;
    for (;;) {
      const waiting = await this.dataSource.query<
        Array<{ seq: string; partition: number; offset: string; value: string; headers: Record<string, string> }>
      >(
        `SELECT seq, partition, message_offset AS offset, value, headers FROM parked_messages
          WHERE consumer = $1 AND topic = $2 AND message_key = $3 ORDER BY seq LIMIT 100`,
        [this.consumer, dl.topic, dl.key],
      );
      if (waiting.length === 0) {
        const resolved = await this.dataSource.transaction(async (manager) => {
          await this.processor.lockKey(manager, dl.topic, dl.key);
          const left = await manager.query<unknown[]>(
            `SELECT 1 FROM parked_messages WHERE consumer = $1 AND topic = $2 AND message_key = $3 LIMIT 1`,
            [this.consumer, dl.topic, dl.key],
          );
          if (left.length > 0) return false;
          await manager.query(`UPDATE dead_letters SET status = $2, resolved_at = now() WHERE id = $1 AND status = 'parked'`, [
            dl.id,
            status,
          ]);
          return true;
        });
        if (resolved) return { ok: true, applied };
        continue;
      }
      for (const row of waiting) {
        const message: RawMessage = {
          topic: dl.topic,
          key: dl.key,
          partition: row.partition,
          offset: String(row.offset),
          value: row.value,
          headers: row.headers,
        };
        const result = await this.processor.apply(message, 'replay');
        if (result.outcome === 'dead-lettered') {
          const error = result.error ?? 'unknown';
          await this.processor.deadLetter(message, error, result.attempts, { deadLetterId: dl.id, status, parkedSeq: row.seq });
          return { ok: false, applied, error };
        }
        await this.dataSource.query(`DELETE FROM parked_messages WHERE seq = $1`, [row.seq]);
        applied++;
      }
    }
  }

  private async parked(id: string): Promise<DeadLetterEntity> {
    const dl = await this.show(id);
    if (!dl || dl.status !== 'parked') throw new Error(`dead letter ${id} is not parked`);
    return dl;
  }

  /** Live traffic: partitions (disjoint keys) run side by side, never beside an operator's replay or discard. */
  private shared<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    const settled = next.catch(() => undefined);
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return next;
  }

  /** An operator's action: after the live work under way and every action before it, alone. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const live = Promise.all([...this.running]);
    const next = this.chain.then(() => live).then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

function toRaw(dl: DeadLetterEntity): RawMessage {
  return { topic: dl.topic, key: dl.key, partition: dl.partition, offset: String(dl.offset), value: dl.value, headers: dl.headers };
}
