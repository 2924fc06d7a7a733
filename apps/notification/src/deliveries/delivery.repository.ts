import { Inject, Injectable } from '@nestjs/common';
import { type JobCorrelation, PLATFORM_CONFIG, type PlatformConfig, withCorrelation } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import type { ChannelName } from '../channels/channel';
import { DELIVERY_COLUMNS, deliveryChannel, deliveryOf, type DeliveryRow } from './delivery-row';

/** A delivery to plan: one (event, recipient, channel, notice kind), due at `notBefore`. */
export type NewDelivery = Pick<
  DeliveryRow,
  | 'eventId'
  | 'eventType'
  | 'recipient'
  | 'channel'
  | 'kind'
  | 'caseId'
  | 'unitId'
  | 'roles'
  | 'legalKind'
  | 'urgent'
  | 'ruleVersion'
  | 'params'
> & { readonly notBefore: Date };

/** A delivery due for its channel's queue, with the correlation and trace context its job carries. */
export type DueDelivery = Pick<DeliveryRow, 'id' | 'channel'> & JobCorrelation;

/**
 * The deliveries table: the UNIQUE (event, recipient, channel, kind) key is inserted before anything is sent, so an
 * event applied twice, a replayed log or two instances never plan a second delivery; its id is the provider's
 * idempotency id.
 */
@Injectable()
export class DeliveryRepository {
  private readonly channel: string;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.channel = deliveryChannel(config.database.schema);
  }

  /**
   * Inserts the deliveries not planned before, each with the correlation id and trace context of the work planning it
   * (the event being handled); wakes the queue feeder at commit. Returns the new ones' ids.
   */
  async plan(m: EntityManager, deliveries: readonly NewDelivery[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    const { correlationId, traceContext } = withCorrelation({});
    for (const d of deliveries) {
      const rows = await m.query<Array<{ id: string }>>(
        `INSERT INTO deliveries (id, event_id, event_type, recipient, channel, kind, case_id, unit_id, roles, legal_kind, urgent, rule_version,
           params, status, not_before, created_at, updated_at, correlation_id, trace_context)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'pending', $14, $15, $15, $16, $17)
         ON CONFLICT ON CONSTRAINT deliveries_once DO NOTHING RETURNING id`,
        [
          uuidv7(),
          d.eventId,
          d.eventType,
          d.recipient,
          d.channel,
          d.kind,
          d.caseId,
          d.unitId,
          [...d.roles],
          d.legalKind,
          d.urgent,
          d.ruleVersion,
          JSON.stringify(d.params),
          d.notBefore,
          now,
          correlationId ?? null,
          traceContext ? JSON.stringify(traceContext) : null,
        ],
      );
      if (rows[0]) ids.push(rows[0].id);
    }
    if (ids.length > 0) await m.query(`SELECT pg_notify($1, '')`, [this.channel]);
    return ids;
  }

  async get(m: EntityManager, id: string, lock = false): Promise<DeliveryRow | null> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? deliveryOf(rows[0]) : null;
  }

  /** Deliveries due now that are not (known to be) in a queue, oldest first; and queued or sending ones older than `staleBefore`. */
  async due(m: EntityManager, now: Date, staleBefore: Date, limit = 500): Promise<DueDelivery[]> {
    const rows = await m.query<
      Array<{ id: string; channel: ChannelName; correlation_id: string | null; trace_context: Record<string, string> | null }>
    >(
      `SELECT id, channel, correlation_id, trace_context FROM deliveries
        WHERE not_before <= $1 AND (status = 'pending' OR (status IN ('queued', 'sending') AND updated_at < $2))
        ORDER BY not_before, id LIMIT $3`,
      [now, staleBefore, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
      ...(r.trace_context ? { traceContext: r.trace_context } : {}),
    }));
  }

  async markQueued(m: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length > 0)
      await m.query(`UPDATE deliveries SET status = 'queued', updated_at = $2 WHERE id = ANY($1) AND status IN ('pending', 'queued')`, [
        [...ids],
        now,
      ]);
  }

  /**
   * In flight, committed before the provider is called: a crash after it, or an attempt without an answer, leaves the
   * row `sending` and the next attempt in doubt (it asks the provider before sending again).
   */
  async sending(m: EntityManager, id: string, attempts: number, now: Date): Promise<void> {
    await m.query(
      `UPDATE deliveries SET status = 'sending', attempts = $2, updated_at = $3 WHERE id = $1 AND status IN ('pending', 'queued', 'sending')`,
      [id, attempts, now],
    );
  }

  async attempted(m: EntityManager, id: string, attempts: number, error: string, now: Date): Promise<void> {
    await m.query(`UPDATE deliveries SET attempts = $2, last_error = $3, updated_at = $4 WHERE id = $1`, [
      id,
      attempts,
      error.slice(0, 500),
      now,
    ]);
  }

  async delivered(
    m: EntityManager,
    id: string,
    attempts: number,
    providerId: string,
    addressMasked: string | null,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE deliveries SET status = 'delivered', attempts = $2, provider_id = $3, address_masked = COALESCE($4, address_masked), delivered_at = $5,
         updated_at = $5, last_error = NULL WHERE id = $1`,
      [id, attempts, providerId.slice(0, 200), addressMasked, now],
    );
  }

  async finished(
    m: EntityManager,
    id: string,
    status: 'skipped' | 'dead',
    attempts: number,
    error: string,
    addressMasked: string | null,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE deliveries SET status = $2, attempts = $3, last_error = $4, address_masked = COALESCE($5, address_masked), updated_at = $6 WHERE id = $1`,
      [id, status, attempts, error.slice(0, 500), addressMasked, now],
    );
  }

  /** Back to pending for a replay (attempts start again), due at `notBefore`. */
  async requeue(m: EntityManager, id: string, notBefore: Date, now: Date): Promise<void> {
    await m.query(`UPDATE deliveries SET status = 'pending', attempts = 0, not_before = $2, updated_at = $3 WHERE id = $1`, [
      id,
      notBefore,
      now,
    ]);
    await m.query(`SELECT pg_notify($1, '')`, [this.channel]);
  }
}
