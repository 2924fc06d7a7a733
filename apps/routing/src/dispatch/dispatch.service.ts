import { Injectable, Logger } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import { BUREAU_KINDS, type CaseCommand } from '@sunshine/domain';
import { CaseEmitter, CaseReplicaStore, Clock, type EmitMeta, type ReplicaCase } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { DirectoryCache } from '../directory/directory.cache';
import { RuleSetStore } from '../rules/rule-set.store';
import { type RoutingOutcome, RoutingPolicyService } from './routing-policy.service';

type Cause = { readonly id: string; readonly correlationId: string };
type Routed =
  | Extract<RoutingOutcome, { kind: 'dispatch' }>
  | { kind: 'manual'; code: 'no-rule-matched' | 'rule-error' | 'unresolved-registration' | 'finalized-matter'; reasons: string[] };

/**
 * Automatic hops one transaction may take on one case. Each hop to a bureau is dispatched on at once (a reaction in
 * the emitting transaction), so a rule set that sends a case round in circles would never end: the levels of the
 * hierarchy need at most four; past this limit a person at the last bureau's desk decides.
 */
export const MAX_AUTOMATIC_HOPS = 6;

/**
 * Automatic dispatch: a petition registered at a bureau goes where the routing policy (the active rule set) sends
 * it; a case forwarded to a bureau is dispatched on from that bureau's level. Every hop is one case.dispatched with
 * the rule that matched and why, decided by the lifecycle's decide; a case no rule settles goes to the bureau's
 * manual dispatch desk (case.manual-dispatch-required). A chain of hops ends at a unit that is not a bureau, at a
 * desk, or after MAX_AUTOMATIC_HOPS.
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger(DispatchService.name);
  /** Automatic hops taken per case in each open transaction (its EntityManager). */
  private readonly hops = new WeakMap<EntityManager, Map<string, number>>();

  constructor(
    private readonly store: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly directory: DirectoryCache,
    private readonly policy: RoutingPolicyService,
    private readonly rules: RuleSetStore,
    private readonly clock: Clock,
  ) {}

  /**
   * A petition registered at a bureau is dispatched by its rules (a handling unit decides a direct petition itself, Art 23);
   * one registered with its place or category as given (not in the directory or the code table) waits at the bureau's
   * desk for a person (人工分办), never dispatched by a rule; so does one on a matter final after re-review (Art 36), for
   * the bureau to decide 不予受理 (not-accept, proper channel `no-further-petition`).
   */
  async onRegistered(m: EntityManager, event: EventOf<'petition.registered'>): Promise<void> {
    const current = event.caseId ? await this.store.lock(m, event.caseId) : null;
    if (!current || current.state.status !== 'registered' || current.state.lastDispatch !== null) return;
    const bureauId = event.payload.receivingUnitId;
    if (!(await this.isBureau(m, bureauId))) return;
    const given = event.payload.asGiven;
    if (event.payload.flags.finalOf) {
      await this.toDesk(
        m,
        current,
        bureauId,
        {
          kind: 'manual',
          code: 'finalized-matter',
          reasons: [
            `同一事项已经复核终结（${event.payload.flags.finalOf}），不再受理（第三十六条），请决定不予受理 (final after re-review: decide not to accept)`,
          ],
        },
        event,
      );
      return;
    }
    if (!given) {
      await this.dispatchFrom(m, current, bureauId, event);
      return;
    }
    const facts = [
      (given.placeText ?? given.placeCode) ? `地点：${[given.placeText, given.placeCode].filter(Boolean).join(' ')}` : null,
      given.category ? `类别：${given.category}` : null,
    ]
      .filter(Boolean)
      .join('；');
    await this.toDesk(
      m,
      current,
      bureauId,
      {
        kind: 'manual',
        code: 'unresolved-registration',
        reasons: [`按原样登记（${facts}），不在机构目录或类别代码表中，需人工分办 (registered as given: a person decides)`],
      },
      event,
    );
  }

  /** The next hop when a case was forwarded to a bureau that is not the last stop. */
  async onDispatched(m: EntityManager, event: EventOf<'case.dispatched'>): Promise<void> {
    const current = event.caseId ? await this.store.lock(m, event.caseId) : null;
    const state = current?.state;
    if (!current || state?.holdingUnitId !== event.payload.toUnitId || state.status !== 'dispatched') return;
    if (state.lastDispatch?.hop !== event.payload.hop) return;
    if (await this.isBureau(m, event.payload.toUnitId)) await this.dispatchFrom(m, current, event.payload.toUnitId, event);
  }

  /** Applies the policy at `bureauId` (the holder) and emits the dispatch or the desk's request for a person. */
  async dispatchFrom(m: EntityManager, current: ReplicaCase, bureauId: string, cause?: Cause): Promise<ReplicaCase> {
    const caseId = current.state.caseId ?? '';
    const meta: EmitMeta = { actor: { kind: 'system', id: 'routing-policy', unitId: bureauId }, causedBy: cause };
    const outcome = this.countHop(m, caseId) ? await this.route(m, current, bureauId) : hopLimit();
    if (outcome.kind === 'manual') return this.toDesk(m, current, bureauId, outcome, cause);
    const command: CaseCommand = {
      name: 'dispatch',
      payload: {
        fromUnitId: bureauId,
        toUnitId: outcome.unitId,
        mode: outcome.mode,
        feedbackDueAt: outcome.feedbackDueAt,
        rule: { id: outcome.ruleId, version: outcome.ruleVersion },
        reasons: outcome.reasons.map((r) => r.slice(0, 200)).slice(0, 10),
        hop: (current.state.lastDispatch?.hop ?? 0) + 1,
      },
    };
    const result = await this.emitter.attempt(m, caseId, current, command, meta);
    if (!result.ok) this.logger.warn(`case ${caseId}: dispatch at ${bureauId} refused: ${result.error.code}`);
    return result.ok ? result.case : current;
  }

  /** The bureau's desk: a person decides (case.manual-dispatch-required with the code and why). */
  private async toDesk(
    m: EntityManager,
    current: ReplicaCase,
    bureauId: string,
    outcome: Extract<Routed, { kind: 'manual' }>,
    cause?: Cause,
  ): Promise<ReplicaCase> {
    const caseId = current.state.caseId ?? '';
    const meta: EmitMeta = { actor: { kind: 'system', id: 'routing-policy', unitId: bureauId }, causedBy: cause };
    const reason = { code: outcome.code, text: outcome.reasons.join('；').slice(0, 200) };
    const result = await this.emitter.attempt(
      m,
      caseId,
      current,
      { name: 'require-manual-dispatch', payload: { unitId: bureauId, reason } },
      meta,
    );
    this.logger.log(`case ${caseId}: ${outcome.code} at ${bureauId}: manual dispatch (${result.ok ? 'desk' : result.error.code})`);
    return result.ok ? result.case : current;
  }

  /** Counts one more automatic hop of the case in this transaction; false once the limit is reached. */
  private countHop(m: EntityManager, caseId: string): boolean {
    const perCase = this.hops.get(m) ?? new Map<string, number>();
    this.hops.set(m, perCase);
    const taken = perCase.get(caseId) ?? 0;
    perCase.set(caseId, taken + 1);
    return taken < MAX_AUTOMATIC_HOPS;
  }

  private async route(m: EntityManager, current: ReplicaCase, bureauId: string): Promise<Routed> {
    try {
      const outcome = this.policy.decide(
        current.state,
        bureauId,
        await this.directory.current(m),
        await this.rules.active(m),
        this.clock.now(),
      );
      return outcome.kind === 'manual' ? { ...outcome, code: 'no-rule-matched' } : outcome;
    } catch (error) {
      // A rule that breaks on this case must not stall the consumer: a person decides.
      return {
        kind: 'manual',
        code: 'rule-error',
        reasons: [`分办规则执行出错，需人工分办 (${error instanceof Error ? error.message : String(error)})`],
      };
    }
  }

  private async isBureau(m: EntityManager, unitId: string): Promise<boolean> {
    const unit = (await this.directory.current(m)).get(unitId);
    return unit !== undefined && BUREAU_KINDS.includes(unit.kind);
  }
}

function hopLimit(): Routed {
  return {
    kind: 'manual',
    code: 'rule-error',
    reasons: [
      `自动转送已达${MAX_AUTOMATIC_HOPS}次，分办规则可能循环，需人工分办 (automatic hops reached ${MAX_AUTOMATIC_HOPS}: the rules may loop)`,
    ],
  };
}
