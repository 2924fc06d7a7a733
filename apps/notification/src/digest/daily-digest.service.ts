import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inboxDue, reviveCaseState, shanghaiDateOf } from '@sunshine/domain';
import { Clock, DeadlineContextSource } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';

import { UnitMailboxStore } from '../channels/mailbox/unit-mailbox.store';
import { DeliveryRepository, type NewDelivery } from '../deliveries/delivery.repository';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';

/** The namespace of digest ids: one digest per (unit, day), whichever instance or run makes it. */
const DIGEST_NAMESPACE = '6f1c1a9e-2b1f-4c51-9a52-0d2b7f0e8a13';
const SHOWN_CASES = 10;

/**
 * The daily digest (每日提醒) to each unit's head: its open cases past their due and those due within the next days,
 * the due being the holding unit's next duty (the domain's inboxDue, as routing's inbox sorts by). One in-app delivery per
 * (unit, Shanghai day), and one e-mail to the unit's mailbox when it has one: a second run of the same day plans nothing.
 */
@Injectable()
export class DailyDigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly mailboxes: UnitMailboxStore,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** Plans today's digests; answers how many units get one. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const day = shanghaiDateOf(now);
    const soon = now.getTime() + this.config.digestDueSoonDays * 86_400_000;
    const clocks = { ...this.deadlines.current(), asOf: now };
    const rows = await this.dataSource.query<Array<{ case_id: string; state: unknown }>>(
      `SELECT case_id, state FROM case_replica WHERE holding_unit_id IS NOT NULL AND status NOT IN ('closed', 'finalized', 'withdrawn') ORDER BY case_id`,
    );
    const units = new Map<string, { overdue: number; dueSoon: number; due: Array<{ at: string; caseNumber: string }> }>();
    for (const row of rows) {
      const state = reviveCaseState(row.state, row.case_id);
      const due = state.holdingUnitId ? inboxDue(state, clocks) : null;
      if (!due || !state.holdingUnitId || Date.parse(due.dueAt) > soon) continue;
      const unit = units.get(state.holdingUnitId) ?? { overdue: 0, dueSoon: 0, due: [] };
      if (Date.parse(due.dueAt) <= now.getTime()) unit.overdue++;
      else unit.dueSoon++;
      unit.due.push({ at: due.dueAt, caseNumber: state.caseNumber ?? row.case_id });
      units.set(state.holdingUnitId, unit);
    }
    await this.dataSource.transaction(async (m) => {
      const withMailbox = await this.mailboxes.withMailbox(m, [...units.keys()]);
      const rows = [...units].flatMap(([unitId, u]) => {
        const digest: NewDelivery = {
          eventId: uuidv5(`digest:${unitId}:${day}`, DIGEST_NAMESPACE),
          eventType: 'notification.daily-digest',
          recipient: `unit:${unitId}`,
          channel: 'in-app',
          kind: 'unit.daily-digest',
          caseId: null,
          unitId,
          roles: ['head'],
          legalKind: null,
          urgent: false,
          ruleVersion: 0,
          params: {
            day,
            overdue: u.overdue,
            dueSoon: u.dueSoon,
            dueSoonDays: this.config.digestDueSoonDays,
            caseNumbers: u.due
              .sort((a, b) => a.at.localeCompare(b.at))
              .slice(0, SHOWN_CASES)
              .map((d) => d.caseNumber)
              .join('、'),
          },
          notBefore: now,
        };
        return withMailbox.has(unitId) ? [digest, { ...digest, channel: 'email' as const }] : [digest];
      });
      await this.deliveries.plan(m, rows, now);
    });
    return units.size;
  }
}
