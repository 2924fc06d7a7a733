import { Injectable } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import { isoOf } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

export interface DispatchEntry {
  readonly hop: number;
  readonly stage: string;
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly mode: string;
  readonly rule: { readonly id: string; readonly version: number };
  /** Why the case landed there, as the clerk reads it. */
  readonly reasons: readonly string[];
  readonly eventId: string;
  readonly at: string;
}

/** Every dispatch with the rule that matched and why (automatic or at the desk), so a unit can read why it has a case. */
@Injectable()
export class DispatchLog {
  /** Records a case.dispatched (once: recording the same event again is a no-op). */
  async record(m: EntityManager, e: EventOf<'case.dispatched'>): Promise<void> {
    if (!e.caseId) return;
    const p = e.payload;
    await m.query(
      `INSERT INTO dispatches (id, case_id, event_id, hop, stage, from_unit_id, to_unit_id, mode, rule_id, rule_version, reasons, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (event_id) DO NOTHING`,
      [
        uuidv7(),
        e.caseId,
        e.id,
        p.hop,
        p.stage,
        p.fromUnitId,
        p.toUnitId,
        p.mode,
        p.rule.id,
        p.rule.version,
        JSON.stringify(p.reasons),
        e.occurredAt,
      ],
    );
  }

  async list(m: EntityManager, caseId: string): Promise<DispatchEntry[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT hop, stage, from_unit_id, to_unit_id, mode, rule_id, rule_version, reasons, event_id, created_at FROM dispatches WHERE case_id = $1 ORDER BY created_at, hop`,
      [caseId],
    );
    return rows.map((r) => ({
      hop: Number(r['hop']),
      stage: String(r['stage']),
      fromUnitId: String(r['from_unit_id']),
      toUnitId: String(r['to_unit_id']),
      mode: String(r['mode']),
      rule: { id: String(r['rule_id']), version: Number(r['rule_version']) },
      reasons: r['reasons'] as string[],
      eventId: String(r['event_id']),
      at: isoOf(r['created_at']) ?? '',
    }));
  }
}
