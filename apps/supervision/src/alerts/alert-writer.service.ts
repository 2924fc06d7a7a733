import { Injectable } from '@nestjs/common';
import type { AlertEarlyWarning } from '@sunshine/contracts';
import { cityDown } from '@sunshine/domain';
import { Clock, newEvent, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** Records an early warning once (by its dedupe key) and publishes it on the alerts topic, keyed by division code. */
@Injectable()
export class AlertWriter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async raise(
    m: EntityManager,
    alert: Omit<AlertEarlyWarning, 'alertId'>,
    dedupeKey: string,
    causedBy?: { id: string; correlationId: string },
    /** The instant the warning concerns (e.g. the registration that crossed the threshold); now by default. */
    at?: Date,
  ): Promise<string | null> {
    const alertId = uuidv7();
    const event = newEvent(
      'alert.early-warning',
      { alertId, ...alert },
      {
        jurisdiction: { place: cityDown(alert.divisionCode), unit: [] },
        actor: { kind: 'system', id: 'early-warning' },
        causedBy,
        occurredAt: this.clock.now(),
      },
    );
    const rows = await m.query<unknown[]>(
      `INSERT INTO alerts (id, kind, level, division_code, category, count, threshold, sensitive_period, case_ids, dedupe_key, event_id, raised_at,
                           representative_case_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        alertId,
        alert.kind,
        alert.level,
        alert.divisionCode,
        alert.category ?? null,
        alert.count,
        alert.threshold,
        alert.sensitivePeriod ?? null,
        alert.caseIds,
        dedupeKey,
        event.id,
        at ?? event.occurredAt,
        alert.representativeCaseId ?? null,
      ],
    );
    if (rows.length === 0) return null;
    await this.outbox.append(m, event, alert.divisionCode);
    return alertId;
  }
}
