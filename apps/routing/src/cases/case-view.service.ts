import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStatus, Channel, PetitionType, Stage } from '@sunshine/contracts';
import { allowedActions, type CaseState, stageRecord, type UnitAction } from '@sunshine/domain';
import { CaseReplicaStore, Clock, DeadlineContextSource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { DirectoryCache } from '../directory/directory.cache';
import { ReplyStore } from '../reply/reply.store';
import { CaseAccess } from './case-access.service';
import { caseDueAt, deskOf } from './case-row';
import { type DispatchEntry, DispatchLog } from './dispatch-log';

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
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly category: string | null;
  readonly channel: Channel | null;
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
  readonly flags: Pick<
    CaseState['flags'],
    'hearingPaused' | 'confidential' | 'lawsuit' | 'manualDispatch' | 'supervised' | 'repeatOf' | 'mergedInto'
  >;
  /**
   * What the caller (its unit and roles) can do now, exactly (libs/domain `allowedActions`: the endpoint's roles, the
   * unit's authority, decide's verdict): each listed action succeeds for this caller, an unlisted one is refused.
   */
  readonly allowedActions: UnitAction[];
}

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
    private readonly replies: ReplyStore,
  ) {}

  async get(caseId: string, staff: StaffPrincipal): Promise<CaseDetail> {
    const m = this.dataSource.manager;
    const { state: s, revision } = await this.access.readVisible(m, staff, caseId);
    const directory = await this.directory.current(m);
    const clocks = { ...this.deadlines.current(), asOf: this.clock.now() };
    const draft = await this.replies.find(m, caseId, s.stage);
    const replyDraft = draft?.status === 'draft' ? { draftedBy: draft.draftedBy } : null;
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
      dueAt: caseDueAt(s, clocks),
      desk: deskOf(s, directory),
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
        mergedInto: s.flags.mergedInto,
      },
      allowedActions: allowedActions(
        s,
        { unitId: staff.unitId, subject: staff.subject, roles: staff.roles },
        { directory, clocks, replyDraft },
      ),
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
    return (await this.store.history(m, caseId)).map((e) => ({
      id: e.eventId,
      type: e.type,
      producer: e.producer,
      payload: e.payload,
      occurredAt: e.occurredAt,
    }));
  }
}
