import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnyCaseEvent } from '@sunshine/contracts';
import type { CaseCommand, CaseState } from '@sunshine/domain';
import type { DataSource, EntityManager } from 'typeorm';

import type { StaffPrincipal } from '../auth/staff-claims';
import { CASE_NOT_FOUND, versionConflict } from '../errors/decision-exception';
import { type ExpectedVersion, requireVersion } from '../http/if-match-version.decorator';
import { CaseEmitter } from './case-emitter.service';
import { CaseReplicaStore } from './case-replica.store';
import { CaseVisibility } from './case-visibility.service';
import type { ReplicaCase } from './replica-case';

/** One staff action's transaction: the locked case, the commands run so far and their events. */
export class CaseTx {
  readonly events: AnyCaseEvent[] = [];

  constructor(
    readonly m: EntityManager,
    public current: ReplicaCase,
    readonly staff: StaffPrincipal,
    private readonly emitter: CaseEmitter,
  ) {}

  get state(): CaseState {
    return this.current.state;
  }

  private get meta() {
    return { actor: { kind: 'staff' as const, id: this.staff.subject, unitId: this.staff.unitId } };
  }

  /** Runs a command; a refusal aborts the whole action (nothing is emitted). */
  async run(command: CaseCommand): Promise<readonly AnyCaseEvent[]> {
    const result = await this.emitter.emit(this.m, this.caseId, this.current, command, this.meta);
    this.current = result.case;
    this.events.push(...result.events);
    return result.events;
  }

  /** Runs a follow-up command when the law allows it now (e.g. finalize once a re-review reply is served). */
  async runIfAllowed(command: CaseCommand): Promise<boolean> {
    const result = await this.emitter.attempt(this.m, this.caseId, this.current, command, this.meta);
    if (!result.ok) return false;
    this.current = result.case;
    this.events.push(...result.events);
    return true;
  }

  private get caseId(): string {
    return this.current.state.caseId ?? '';
  }
}

export interface CaseActionOptions {
  /** The version the client acted on (If-Match / expectedVersion; 400 when missing, after visibility); undefined: no check. */
  readonly expectedVersion?: ExpectedVersion;
  /** The visibility the action needs (default: the case's facts). */
  readonly needs?: 'facts-only' | 'full';
}

/**
 * Runs a staff action on a case: locks it, applies visibility (404), checks the version the client acted on (400 when
 * missing; 409 and no event for the loser of two concurrent clerks), runs the work in the same transaction, then wakes
 * the relay.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly emitter: CaseEmitter,
  ) {}

  async act<T>(
    caseId: string,
    staff: StaffPrincipal,
    options: CaseActionOptions,
    work: (tx: CaseTx) => Promise<T>,
  ): Promise<{ tx: CaseTx; result: T }> {
    const done = await this.dataSource.transaction(async (m) => {
      const current = await this.store.lock(m, caseId);
      if (!current) throw CASE_NOT_FOUND;
      await this.visibility.assert(staff, current.facts, options.needs ?? 'facts-only', m);
      // Visibility first: a case the caller may not see is 404 whether or not a version was sent.
      const expected = options.expectedVersion === undefined ? undefined : requireVersion(options.expectedVersion);
      if (expected !== undefined && current.revision !== expected) throw versionConflict(expected, current.revision);
      const tx = new CaseTx(m, current, staff, this.emitter);
      return { tx, result: await work(tx) };
    });
    if (done.tx.events.length > 0) this.emitter.poke();
    return done;
  }
}
