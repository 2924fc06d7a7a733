import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allowedCommands, stageRecord, type CaseState, type CommandName } from '@sunshine/domain';
import { CaseReplicaStore, Clock, DeadlineContextSource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CaseAccess } from './case-access.service';
import { caseDueAt, deskOf } from './case-row';
import { DispatchLog, type DispatchEntry } from './dispatch-log';
import { DirectoryCache } from '../directory/directory.cache';

/** One event of a case's history as routing shows it (facts only, as on the case log). */
export interface CaseEventRecord {
  readonly id: string;
  readonly type: string;
  readonly producer: string;
  readonly payload: unknown;
  readonly occurredAt: string;
}

/** A case as a unit reads it in routing: facts, where it is, what it may do next and why it landed there. No text, no personal data. */
export interface CaseDetail {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly version: number;
  readonly status: string | null;
  readonly stage: string;
  readonly type: string | null;
  readonly category: string | null;
  readonly channel: string | null;
  readonly placeCode: string | null;
  readonly receivingUnitId: string | null;
  readonly holdingUnitId: string | null;
  readonly heldBy: readonly string[];
  readonly assistingUnitIds: readonly string[];
  readonly handlerId: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly desk: { readonly unitId: string; readonly reason: string } | null;
  readonly objections: { readonly count: number; readonly pending: CaseState['objections']['pending']; readonly objectedTwice: boolean };
  readonly assignment: CaseState['assignment'];
  readonly lastDispatch: CaseState['lastDispatch'];
  readonly stageRecord: ReturnType<typeof stageRecord>;
  readonly flags: Pick<CaseState['flags'], 'hearingPaused' | 'confidential' | 'lawsuit' | 'manualDispatch' | 'supervised' | 'repeatOf'>;
  /** The commands the case's status allows (the holding unit's buttons); decide still checks each. */
  readonly allowedActions: CommandName[];
}

/** The commands routing owns (a unit's actions); the others belong to intake and supervision. */
const ROUTING_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'dispatch', 'require-manual-dispatch', 'sign', 'assign-handler', 'accept', 'not-accept', 'raise-objection', 'approve-objection',
  'reject-objection', 'add-assisting-unit', 'contribute-assist', 'start-handling', 'start-hearing', 'end-hearing', 'request-extension',
  'approve-extension', 'reject-extension', 'submit-assignment-report', 'reply', 'serve-reply', 'open-stage', 'close', 'finalize',
]);

@Injectable()
export class CaseViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly store: CaseReplicaStore,
    private readonly dispatchLog: DispatchLog,
    private readonly directory: DirectoryCache,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
  ) {}

  async get(caseId: string, staff: StaffPrincipal): Promise<CaseDetail> {
    const m = this.dataSource.manager;
    const { state: s, revision } = await this.access.readVisible(m, staff, caseId);
    return {
      caseId,
      caseNumber: s.caseNumber,
      version: revision,
      status: s.status,
      stage: s.stage,
      type: s.type,
      category: s.category,
      channel: s.channel,
      placeCode: s.placeCode,
      receivingUnitId: s.receivingUnitId,
      holdingUnitId: s.holdingUnitId,
      heldBy: s.heldBy,
      assistingUnitIds: s.assistingUnitIds,
      handlerId: s.handlerId,
      receivedAt: s.receivedAt,
      dueAt: caseDueAt(s, { ...this.deadlines.current(), asOf: this.clock.now() }),
      desk: deskOf(s, await this.directory.current(m)),
      objections: { count: s.objections.count, pending: s.objections.pending, objectedTwice: s.objections.count >= 2 },
      assignment: s.assignment,
      lastDispatch: s.lastDispatch,
      stageRecord: stageRecord(s),
      flags: {
        hearingPaused: s.flags.hearingPaused,
        confidential: s.flags.confidential,
        lawsuit: s.flags.lawsuit,
        manualDispatch: s.flags.manualDispatch,
        supervised: s.flags.supervised,
        repeatOf: s.flags.repeatOf,
      },
      allowedActions: allowedCommands(s.status).filter((n) => ROUTING_COMMANDS.has(n)),
    };
  }

  /** Every dispatch of the case with the rule that matched and why (why the case landed with a unit). */
  async dispatches(caseId: string, staff: StaffPrincipal): Promise<DispatchEntry[]> {
    const m = this.dataSource.manager;
    await this.access.readVisible(m, staff, caseId);
    return this.dispatchLog.list(m, caseId);
  }

  /** The case's events as routing's replica applied them (facts only: ids, codes, reasons staff wrote), oldest first. */
  async history(caseId: string, staff: StaffPrincipal): Promise<CaseEventRecord[]> {
    const m = this.dataSource.manager;
    await this.access.readVisible(m, staff, caseId);
    return (await this.store.history(m, caseId)).map((e) => ({ id: e.eventId, type: e.type, producer: e.producer, payload: e.payload, occurredAt: e.occurredAt }));
  }
}
