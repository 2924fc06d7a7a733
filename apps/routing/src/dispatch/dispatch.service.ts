import { Injectable, Logger } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import { BUREAU_KINDS } from '@sunshine/domain';
import { Clock } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { CaseStore, type StoredCase } from '../cases/case.store';
import { CaseTransitions, type Acting } from '../cases/case-transitions.service';
import { DirectoryCache } from '../directory/directory.cache';
import { RuleSetStore } from '../rules/rule-set.store';
import { RoutingPolicyService, type RoutingOutcome } from './routing-policy.service';

type Cause = { readonly id: string; readonly correlationId: string };
type Routed =
  | Extract<RoutingOutcome, { kind: 'dispatch' }>
  | { kind: 'manual'; code: 'no-rule-matched' | 'rule-error'; reasons: string[] };

/**
 * Automatic dispatch: a petition registered at a bureau goes where the routing policy (the active rule set) sends
 * it; a case forwarded to a bureau is dispatched on from that bureau's level. Every hop is one case.dispatched with
 * the rule that matched and why, decided by the lifecycle's decide; a case no rule settles goes to the bureau's
 * manual dispatch desk (case.manual-dispatch-required).
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger(DispatchService.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly transitions: CaseTransitions,
    private readonly directory: DirectoryCache,
    private readonly policy: RoutingPolicyService,
    private readonly rules: RuleSetStore,
    private readonly clock: Clock,
  ) {}

  async onRegistered(m: EntityManager, event: EventOf<'petition.registered'>): Promise<void> {
    if (!event.caseId) return;
    const stored = await this.cases.apply(m, event.caseId, [event]);
    // A handling unit that registered a direct petition decides on it itself (当场, Art 23); bureaus dispatch.
    if (await this.isBureau(m, event.payload.receivingUnitId)) await this.dispatchFrom(m, stored, event.payload.receivingUnitId, event);
  }

  /** The next hop when a case was forwarded to a bureau that is not the last stop. */
  async onDispatched(m: EntityManager, event: EventOf<'case.dispatched'>): Promise<void> {
    if (!event.caseId) return;
    const stored = await this.cases.lock(m, event.caseId);
    const state = stored?.state;
    if (!stored || state?.holdingUnitId !== event.payload.toUnitId || state.status !== 'dispatched') return;
    if (state.lastDispatch?.hop !== event.payload.hop) return;
    if (await this.isBureau(m, event.payload.toUnitId)) await this.dispatchFrom(m, stored, event.payload.toUnitId, event);
  }

  /** Applies the policy at `bureauId` (the holder) and emits the dispatch or the desk's request for a person. */
  async dispatchFrom(m: EntityManager, stored: StoredCase, bureauId: string, cause?: Cause): Promise<StoredCase> {
    const caseId = stored.state.caseId ?? '';
    const acting: Acting = { actor: { kind: 'system', id: 'routing-policy', unitId: bureauId }, causedBy: cause };
    const outcome = await this.route(m, stored, bureauId);
    if (outcome.kind === 'manual') {
      const reason = { code: outcome.code, text: outcome.reasons.join('；').slice(0, 200) };
      const result = await this.transitions.attempt(m, stored, { name: 'require-manual-dispatch', payload: { unitId: bureauId, reason } }, acting);
      this.logger.log(`case ${caseId}: no rule settles it at ${bureauId}: manual dispatch (${result.ok ? 'desk' : result.error.code})`);
      return result.ok ? result.stored : stored;
    }
    const result = await this.transitions.attempt(m, stored, {
      name: 'dispatch',
      payload: {
        fromUnitId: bureauId,
        toUnitId: outcome.unitId,
        mode: outcome.mode,
        feedbackDueAt: outcome.feedbackDueAt,
        rule: { id: outcome.ruleId, version: outcome.ruleVersion },
        reasons: outcome.reasons.map((r) => r.slice(0, 200)).slice(0, 10),
        hop: (stored.state.lastDispatch?.hop ?? 0) + 1,
      },
    }, acting);
    if (!result.ok) this.logger.warn(`case ${caseId}: dispatch at ${bureauId} refused: ${result.error.code}`);
    return result.ok ? result.stored : stored;
  }

  private async route(m: EntityManager, stored: StoredCase, bureauId: string): Promise<Routed> {
    try {
      const outcome = this.policy.decide(stored.state, bureauId, await this.directory.current(m), await this.rules.active(m), this.clock.now());
      return outcome.kind === 'manual' ? { ...outcome, code: 'no-rule-matched' } : outcome;
    } catch (error) {
      // A rule that breaks on this case must not stall the consumer: a person decides.
      return { kind: 'manual', code: 'rule-error', reasons: [`分办规则执行出错，需人工分办 (${error instanceof Error ? error.message : String(error)})`] };
    }
  }

  private async isBureau(m: EntityManager, unitId: string): Promise<boolean> {
    const unit = (await this.directory.current(m)).get(unitId);
    return unit !== undefined && BUREAU_KINDS.includes(unit.kind);
  }
}
