import { Injectable, Logger } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import { divisionLineage, type CaseState } from '@sunshine/domain';
import { newEvent, OutboxWriter } from '@sunshine/platform';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { CaseStore } from '../cases/case.store';
import { DirectoryCache } from '../directory/directory.cache';
import { RoutingPolicyService, type RoutingOutcome } from './routing-policy.service';

/**
 * Automatic dispatch: a registered petition goes where the routing policy sends it; a case forwarded to a bureau is
 * dispatched on from that bureau's level. Every hop is one case.dispatched with the rule that matched and why;
 * a case no rule settles goes to the bureau's manual dispatch desk.
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger(DispatchService.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly outbox: OutboxWriter,
    private readonly directory: DirectoryCache,
    private readonly policy: RoutingPolicyService,
  ) {}

  async onRegistered(m: EntityManager, event: EventOf<'petition.registered'>): Promise<void> {
    const caseId = event.caseId;
    if (!caseId) return;
    const state = await this.cases.apply(m, caseId, [event]);
    await this.dispatchFrom(m, state, event.payload.receivingUnitId, event);
  }

  /** The next hop when a case was forwarded to a bureau that is not the last stop. */
  async onDispatched(m: EntityManager, event: EventOf<'case.dispatched'>): Promise<void> {
    const caseId = event.caseId;
    if (!caseId) return;
    const state = await this.cases.load(m, caseId);
    if (!state || state.holdingUnitId !== event.payload.toUnitId || state.status !== 'dispatched') return;
    const unit = (await this.directory.current(m)).get(event.payload.toUnitId);
    if (unit?.kind !== 'petition-bureau') return;
    await this.dispatchFrom(m, state, unit.id, event);
  }

  private async dispatchFrom(
    m: EntityManager,
    state: CaseState,
    bureauId: string,
    cause: EventOf<'petition.registered'> | EventOf<'case.dispatched'>,
  ): Promise<void> {
    const caseId = state.caseId ?? cause.caseId ?? '';
    const directory = await this.directory.current(m);
    const outcome: RoutingOutcome = this.policy.decide(state, bureauId, directory);
    const meta = {
      caseId,
      jurisdiction: { place: cityDown(state.placeCode), unit: cityDown(directory.get(bureauId)?.divisionCode ?? null) },
      actor: { kind: 'system' as const, id: 'routing-policy', unitId: bureauId },
      causedBy: { id: cause.id, correlationId: cause.correlationId },
    };
    if (outcome.kind === 'manual') {
      const event = newEvent('case.manual-dispatch-required', {
        unitId: bureauId,
        reason: { code: 'no-rule-matched', text: outcome.reasons.join('；').slice(0, 200) },
      }, meta);
      await this.outbox.append(m, event);
      await this.cases.apply(m, caseId, [event], state);
      this.logger.log(`case ${caseId}: no rule settles it at ${bureauId}: manual dispatch`);
      return;
    }
    const hop = (state.lastDispatch?.hop ?? 0) + 1;
    const to = directory.get(outcome.unitId);
    const event = newEvent('case.dispatched', {
      stage: state.stage,
      fromUnitId: bureauId,
      toUnitId: outcome.unitId,
      mode: outcome.mode,
      feedbackDueAt: outcome.feedbackDueAt,
      rule: { id: outcome.ruleId, version: outcome.ruleVersion },
      reasons: outcome.reasons,
      hop,
    }, { ...meta, jurisdiction: { place: meta.jurisdiction.place, unit: cityDown(to?.divisionCode ?? null) } });
    await this.outbox.append(m, event);
    await this.cases.apply(m, caseId, [event], state);
    await m.query(
      `INSERT INTO dispatches (id, case_id, event_id, hop, stage, from_unit_id, to_unit_id, mode, rule_id, rule_version, reasons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [uuidv7(), caseId, event.id, hop, state.stage, bureauId, outcome.unitId, outcome.mode, outcome.ruleId, outcome.ruleVersion, JSON.stringify(outcome.reasons)],
    );
  }
}

function cityDown(code: string | null): string[] {
  if (!code) return [];
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}
