import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnyCaseEvent, CaseStatus, Stage } from '@sunshine/contracts';
import type { CaseCommand, CaseState } from '@sunshine/domain';
import { DomainException, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseAccess, CASE_NOT_FOUND } from './case-access.service';
import { CaseStore, type StoredCase } from './case.store';
import { CaseTransitions, type Acting } from './case-transitions.service';

/** What a unit action answers: the case's new version (for the next If-Match) and the events it emitted. */
export interface ActionResult {
  readonly caseId: string;
  readonly version: number;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly holdingUnitId: string | null;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string }>;
}

/** One unit action's transaction: the locked case, the commands run so far and their events. */
export class CaseTx {
  readonly events: AnyCaseEvent[] = [];

  constructor(
    readonly m: EntityManager,
    public current: StoredCase,
    readonly staff: StaffPrincipal,
    private readonly transitions: CaseTransitions,
  ) {}

  get state(): CaseState {
    return this.current.state;
  }

  get acting(): Acting {
    return { actor: { kind: 'staff', id: this.staff.subject, unitId: this.staff.unitId } };
  }

  /** Runs a command; a refusal aborts the whole action (nothing is emitted). */
  async run(command: CaseCommand): Promise<AnyCaseEvent[]> {
    const { stored, events } = await this.transitions.run(this.m, this.current, command, this.acting);
    this.current = stored;
    this.events.push(...events);
    return events;
  }

  /** Runs a follow-up command when the law allows it now (e.g. finalize once a re-review reply is served). */
  async runIfAllowed(command: CaseCommand): Promise<boolean> {
    const result = await this.transitions.attempt(this.m, this.current, command, this.acting);
    if (!result.ok) return false;
    this.current = result.stored;
    this.events.push(...result.events);
    return true;
  }
}

/**
 * Runs a unit action: locks the case, applies visibility (404), checks the version the client acted on (409 and no
 * event for the loser of two concurrent clerks), runs the work in the same transaction, then wakes the relay.
 */
@Injectable()
export class CaseActionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly access: CaseAccess,
    private readonly transitions: CaseTransitions,
    private readonly relay: OutboxRelay,
  ) {}

  async act(caseId: string, staff: StaffPrincipal, expectedVersion: number, work: (tx: CaseTx) => Promise<void>): Promise<ActionResult> {
    const result = await this.dataSource.transaction(async (m) => {
      const current = await this.cases.lock(m, caseId);
      if (!current) throw CASE_NOT_FOUND;
      await this.access.check(m, staff, current.state);
      if (current.revision !== expectedVersion) throw versionConflict(expectedVersion, current.revision);
      const tx = new CaseTx(m, current, staff, this.transitions);
      await work(tx);
      return resultOf(caseId, tx);
    });
    if (result.events.length > 0) this.relay.poke();
    return result;
  }
}

function resultOf(caseId: string, tx: CaseTx): ActionResult {
  const s = tx.state;
  return {
    caseId,
    version: tx.current.revision,
    status: s.status,
    stage: s.stage,
    holdingUnitId: s.holdingUnitId,
    events: tx.events.map((e) => ({ id: e.id, type: e.type })),
  };
}

function versionConflict(expected: number, current: number): DomainException {
  return new DomainException(
    'VERSION_CONFLICT',
    'conflict',
    { zh: '该信访事项已被他人更新，请刷新后重试', en: 'the case changed since you read it: reload and retry' },
    { expectedVersion: expected, currentVersion: current },
  );
}
