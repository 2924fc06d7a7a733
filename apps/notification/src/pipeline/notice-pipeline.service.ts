import { Inject, Injectable } from '@nestjs/common';
import type { AnyCaseEvent, EventOf } from '@sunshine/contracts';
import { type CaseState, type CaseVisibilityFacts } from '@sunshine/domain';
import { CaseReplicaStore, Clock, DeadlineContextSource, OrgDirectorySource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { UnitMailboxStore } from '../channels/mailbox/unit-mailbox.store';
import { UnitWebhookStore } from '../channels/webhook/unit-webhook.store';
import { DeliveryRepository, type NewDelivery } from '../deliveries/delivery.repository';
import { afterQuietHours } from '../deliveries/quiet-hours';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';
import { type PlannedEvent, type PlannedNotice, planNotices } from '../rules/notice-planner';
import { NoticeRuleSetService } from '../rules/notice-rule-set.service';
import { type NoticeParams, noticeParams } from '../templates/notice-params';

/**
 * From an applied event to its deliveries, in the transaction that applied it: the rule table in force for the case's
 * place plans the notices (the visibility rule drops every unit that may not see the case), each becomes one delivery
 * row (its UNIQUE key makes a replay plan nothing twice); a unit's webhook notice only for a unit that has a webhook, its
 * e-mail only for a unit that has a mailbox. Sending happens after commit, from the queues.
 */
@Injectable()
export class NoticePipeline {
  constructor(
    private readonly rules: NoticeRuleSetService,
    private readonly directory: OrgDirectorySource,
    private readonly deadlines: DeadlineContextSource,
    private readonly deliveries: DeliveryRepository,
    private readonly store: CaseReplicaStore,
    private readonly clock: Clock,
    private readonly webhooks: UnitWebhookStore,
    private readonly mailboxes: UnitMailboxStore,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** A case-log event the replica applied (`after`: the case after it). */
  async onCaseEvent(m: EntityManager, event: AnyCaseEvent, after: CaseState): Promise<number> {
    if (!event.caseId) return 0;
    const stored = await this.store.read(m, event.caseId);
    if (!stored) return 0;
    return this.plan(
      m,
      event,
      { type: event.type, payload: event.payload, case: { state: after, facts: stored.facts } },
      after,
      after.placeCode,
    );
  }

  /** An early warning from supervision: told to the bureaus over its division that may see every case it counts. */
  async onAlert(m: EntityManager, event: EventOf<'alert.early-warning'>): Promise<number> {
    const facts = await this.factsOf(m, event.payload.caseIds);
    if (!facts) return 0;
    return this.plan(m, event, { type: event.type, payload: event.payload, alertCases: facts }, null, event.payload.divisionCode);
  }

  /** A staff member flagged by evaluation: told to the unit's head if the unit may see every case the flag counts. */
  async onStaffFlagged(m: EntityManager, event: EventOf<'evaluation.staff-flagged'>): Promise<number> {
    const facts = await this.factsOf(m, event.payload.caseIds);
    if (!facts) return 0;
    const place = (await this.directory.current(m)).get(event.payload.unitId)?.divisionCode ?? null;
    return this.plan(m, event, { type: event.type, payload: event.payload, alertCases: facts }, null, place);
  }

  /** The visibility facts of every case, or null while the replica lacks one: nobody is told rather than the wrong unit. */
  private async factsOf(m: EntityManager, caseIds: readonly string[]): Promise<CaseVisibilityFacts[] | null> {
    const facts: CaseVisibilityFacts[] = [];
    for (const caseId of caseIds) {
      const found = await this.store.read(m, caseId);
      if (!found) return null;
      facts.push(found.facts);
    }
    return facts;
  }

  private async plan(
    m: EntityManager,
    event: { id: string; caseId?: string | null; type: string; payload: unknown; occurredAt: string },
    planned: PlannedEvent,
    state: CaseState | null,
    place: string | null,
  ): Promise<number> {
    const ruleSet = await this.rules.forPlace(m, place);
    if (!ruleSet.rules.some((r) => r.event === event.type)) return 0;
    const directory = await this.directory.current(m);
    const notices = await this.reachable(m, planNotices(ruleSet.rules, planned, directory));
    if (notices.length === 0) return 0;
    const now = this.clock.now();
    const params = noticeParams(event as never, state, directory, { ...this.deadlines.current(), asOf: now });
    const rows = notices.map((n) => this.delivery(n, event, state, params, ruleSet.version, now));
    return (await this.deliveries.plan(m, rows, now)).length;
  }

  /**
   * A unit is reached in-app, by its webhook if it has one and by e-mail to its mailbox if it has one: notices on a
   * channel the unit has not set (or on SMS: units have no phone) are not planned (no row, no job, nothing `skipped`).
   */
  private async reachable(m: EntityManager, notices: PlannedNotice[]): Promise<PlannedNotice[]> {
    const unitsOn = (channel: PlannedNotice['channel']): string[] => [
      ...new Set(notices.flatMap((n) => (n.channel === channel && n.recipient.kind === 'unit' ? [n.recipient.unitId] : []))),
    ];
    const withWebhook = await this.webhooks.withWebhook(m, unitsOn('webhook'));
    const withMailbox = await this.mailboxes.withMailbox(m, unitsOn('email'));
    return notices.filter((n) => {
      if (n.recipient.kind !== 'unit') return n.channel !== 'webhook';
      if (n.channel === 'webhook') return withWebhook.has(n.recipient.unitId);
      if (n.channel === 'email') return withMailbox.has(n.recipient.unitId);
      return n.channel === 'in-app';
    });
  }

  private delivery(
    n: PlannedNotice,
    event: { id: string; caseId?: string | null; type: string; payload: unknown },
    state: CaseState | null,
    params: NoticeParams,
    ruleVersion: number,
    now: Date,
  ): NewDelivery {
    const caseId = event.caseId ?? null;
    const toPetitioner = n.recipient.kind === 'petitioner';
    const urgent = n.rule.urgent ?? false;
    return {
      eventId: event.id,
      eventType: event.type,
      recipient: n.recipient.kind === 'unit' ? `unit:${n.recipient.unitId}` : `petitioner:${caseId ?? ''}`,
      channel: n.channel,
      kind: n.rule.kind,
      caseId,
      unitId: n.recipient.kind === 'unit' ? n.recipient.unitId : actingUnit(event.payload, state),
      roles: n.recipient.kind === 'unit' ? n.recipient.roles : [],
      legalKind: n.rule.legal ?? null,
      urgent,
      ruleVersion,
      params,
      notBefore: toPetitioner && n.channel === 'sms' && !urgent ? afterQuietHours(now, this.config.quietHours) : now,
    };
  }
}

/** The unit on whose behalf a petitioner's notice goes out: the acting unit, else the receiving or the holding one. */
function actingUnit(payload: unknown, state: CaseState | null): string | null {
  const p = payload as Record<string, unknown>;
  if (typeof p['unitId'] === 'string') return p['unitId'];
  return state?.receivingUnitId ?? state?.holdingUnitId ?? null;
}
