import { Injectable } from '@nestjs/common';
import { type Actor, type Jurisdiction, referenceKey, type ReferenceKind } from '@sunshine/contracts';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../errors/domain.exception';
import { newEvent } from '../messaging/event-factory';
import { OutboxWriter } from '../messaging/outbox.writer';
import { REFERENCE_EVENT_TYPES, referenceIdOf, type ReferencePayload, referenceValueOf } from './reference-item';

/** A snapshot's content: the payload without its revision (the publisher numbers it). */
export type ReferenceContent<K extends ReferenceKind> = Omit<ReferencePayload<K>, 'revision'>;

export interface ReferencePublishMeta {
  /** Who publishes: the staff member who loaded it, or the job (e.g. routing's seed). */
  readonly actor: Actor;
  readonly jurisdiction?: Jurisdiction;
  readonly correlationId?: string;
  readonly occurredAt?: Date;
  /** Publish nothing when the content equals what was last published (idempotent seeds). Default false. */
  readonly onlyIfChanged?: boolean;
}

export interface ReferencePublication {
  readonly kind: ReferenceKind;
  readonly id: string;
  /** The revision published, or the one already published when nothing changed. */
  readonly revision: number;
  readonly published: boolean;
  /** The event written to the outbox, null when nothing was published. */
  readonly eventId: string | null;
}

/**
 * Publishes a reference item's full snapshot on the reference-data topic through the service's outbox, in the
 * caller's transaction (with the state change that made it). Only the item's owner publishes it: supervision the
 * calendar years and deadline policies, routing the rule set in force and the category table. Every service, the
 * owner included, takes it in through its consumer (ReferenceDataService), never directly.
 */
@Injectable()
export class ReferenceDataPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish<K extends ReferenceKind>(
    m: EntityManager,
    kind: K,
    content: ReferenceContent<K>,
    meta: ReferencePublishMeta,
  ): Promise<ReferencePublication> {
    const id = referenceIdOf(kind, content);
    checked(kind, content);
    // One publisher at a time per item: the revision counter below is read, then written.
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`reference-publication|${referenceKey(kind, id)}`]);
    const [last] = await m.query<Array<{ revision: number; same: boolean }>>(
      `SELECT revision, payload = $3::jsonb AS same FROM reference_publications WHERE kind = $1 AND id = $2`,
      [kind, id, JSON.stringify(content)],
    );
    if (last && last.same && meta.onlyIfChanged) return { kind, id, revision: Number(last.revision), published: false, eventId: null };
    // Above the last revision published here and any seen on the topic (e.g. this schema was rebuilt), or replicas ignore it.
    const [seen] = await m.query<Array<{ revision: number | null }>>(
      `SELECT max(revision) AS revision FROM reference_data WHERE kind = $1 AND id = $2`,
      [kind, id],
    );
    const revision = Math.max(Number(last?.revision ?? 0), Number(seen?.revision ?? 0)) + 1;
    await m.query(
      `INSERT INTO reference_publications (kind, id, revision, payload, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, id) DO UPDATE SET revision = $3, payload = $4, published_at = $5, published_by = $6`,
      [kind, id, revision, JSON.stringify(content), meta.occurredAt ?? new Date(), meta.actor.id],
    );
    const payload = { ...content, revision } as ReferencePayload<K>;
    const event = newEvent(REFERENCE_EVENT_TYPES[kind], payload as never, {
      jurisdiction: meta.jurisdiction ?? { place: [], unit: [] },
      actor: meta.actor,
      correlationId: meta.correlationId,
      occurredAt: meta.occurredAt,
    });
    await this.outbox.append(m, event, referenceKey(kind, id));
    return { kind, id, revision, published: true, eventId: event.id };
  }
}

function checked<K extends ReferenceKind>(kind: K, content: ReferenceContent<K>): void {
  try {
    referenceValueOf(kind, content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainException('REFERENCE_DATA_INVALID', 'unprocessable', {
      zh: `参考数据不符合规则：${reason}`,
      en: `reference data refused by the domain rules: ${reason}`,
    });
  }
}
