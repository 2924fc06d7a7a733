import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, RatingEntry, RatingScore, RatingSubject, Stage } from '@sunshine/contracts';
import {
  type CaseClock,
  type CaseCommand,
  type CaseState,
  type ClockContext,
  isLate,
  nextStage,
  ratingWindow,
  reviewRequestWindow,
  stageRecord,
} from '@sunshine/domain';
import {
  CaseEmitter,
  CaseReplicaStore,
  CaseVisibility,
  Clock,
  DeadlineContextSource,
  DomainException,
  type ReplicaCase,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { caseNotFound, forbidden, unprocessableField } from '../core/intake-errors';
import { type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import type { CallbackRatingDto, CitizenRatingDto, ReviewRequestDto, WithdrawalDto } from './citizen.dto';
import { CitizenAccessService } from './citizen-access.service';

export interface Done {
  readonly caseNumber: string;
  readonly eventId: string;
  readonly [key: string]: unknown;
}

/** A rating as recorded: the stage, subject, rated unit and score (the callback's caller and time when by phone). */
export interface Rated extends Done {
  readonly stage: Stage;
  readonly subject: RatingSubject;
  readonly unitId: string;
  readonly score: RatingScore;
  readonly enteredBy: RatingEntry;
}

interface Rating {
  readonly stage?: Stage;
  readonly subject: RatingSubject;
  readonly score: RatingScore;
}

/**
 * The petitioner's acts on a case: rate (once per stage and subject, inside the rating window), ask for review or
 * re-review (inside the window, Art 35/36), withdraw; and the rating staff take by phone (回访). Windows are computed
 * from the case's events with the domain's deadline functions; decide checks the rest; a refusal changes nothing.
 * Events go out through the platform's CaseEmitter (envelope jurisdiction: the place and the unit concerned, e.g. the
 * rated unit), folded into the case replica in the same transaction.
 */
@Injectable()
export class CitizenActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CitizenAccessService,
    private readonly replica: CaseReplicaStore,
    private readonly registrations: RegistrationCommands,
    private readonly petitions: PetitionRepository,
    private readonly visibility: CaseVisibility,
    private readonly emitter: CaseEmitter,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /** The petitioner's own rating; it replaces a callback rating of the same stage and subject (the domain's mayRate). */
  rate(dto: CitizenRatingDto, client: CitizenClient): Promise<Done> {
    return this.act(async (m) => {
      const petition = await this.access.open(m, dto, client);
      return this.rateCase(m, petition, await this.locked(m, petition), dto, 'citizen', citizen(petition));
    });
  }

  /**
   * 回访: a registration change (RegistrationCommands: locked, visible or 404, by its registering side or 403) that records
   * who called and when. A unit never rates itself: the rated unit and the units under it get 403 SELF_RATING.
   */
  async staffRate(caseId: string, dto: CallbackRatingDto, staff: StaffPrincipal): Promise<Done> {
    const rater: Actor = { kind: 'staff', id: staff.subject, unitId: staff.unitId };
    const calledAt = dto.calledAt ? new Date(dto.calledAt) : this.clock.now();
    const result = await this.registrations.change(caseId, staff, (tx, petition) =>
      this.rateCase(tx.m, petition, tx.current, dto, 'staff-callback', rater, { staff, calledAt, by: staff.subject }),
    );
    this.emitter.poke();
    return result;
  }

  /**
   * 12345 回访: the hotline's return call (a system, `hotline:<id>`), entered as a callback rating by the same rule as
   * every rating (window, rated unit, the domain's once-per-stage), in the caller's transaction (the hotline's
   * idempotency claim); the caller pokes the emitter after its commit. 404 when intake holds no such case.
   */
  async systemRate(m: EntityManager, caseId: string, r: Rating, system: string, calledAt: Date): Promise<Rated> {
    const petition = await this.petitions.find(m, caseId);
    if (!petition) throw caseNotFound();
    const current = await this.locked(m, petition);
    return this.rateCase(m, petition, current, r, 'staff-callback', { kind: 'system', id: system }, { calledAt, by: system });
  }

  requestReview(dto: ReviewRequestDto, client: CitizenClient): Promise<Done> {
    return this.act(async (m) => {
      const petition = await this.access.open(m, dto, client);
      const current = await this.locked(m, petition);
      const state = current.state;
      const now = this.clock.now();
      assertInWindow(reviewRequestWindow(state, this.clocksAt(now)), now, nextStage(state.stage) === 're-review' ? '复核' : '复查');
      const eventId = await this.emit(
        m,
        current,
        { name: 'request-review', payload: { stage: dto.stage, requestedAt: now.toISOString() } },
        citizen(petition),
      );
      await m.query(`INSERT INTO review_requests (case_id, stage, requested_at, event_id) VALUES ($1, $2, $3, $4)`, [
        petition.caseId,
        dto.stage,
        now,
        eventId,
      ]);
      return { caseNumber: petition.caseNumber, eventId, stage: dto.stage, requestedAt: now.toISOString() };
    });
  }

  withdraw(dto: WithdrawalDto, client: CitizenClient): Promise<Done> {
    return this.act(async (m) => {
      const petition = await this.access.open(m, dto, client);
      const current = await this.locked(m, petition);
      const eventId = await this.emit(m, current, { name: 'withdraw', payload: { reason: { code: dto.reason } } }, citizen(petition));
      await m.query(`INSERT INTO withdrawals (case_id, reason_code, withdrawn_at, event_id) VALUES ($1, $2, $3, $4)`, [
        petition.caseId,
        dto.reason,
        this.clock.now(),
        eventId,
      ]);
      return { caseNumber: petition.caseNumber, eventId };
    });
  }

  private async rateCase(
    m: EntityManager,
    petition: PetitionRecord,
    current: ReplicaCase,
    r: Rating,
    enteredBy: RatingEntry,
    actor: Actor,
    callback?: Callback,
  ): Promise<Rated> {
    if (!this.config.ratingSubjects.includes(r.subject)) {
      throw unprocessableField('SUBJECT_NOT_RATED', 'subject', '该评价对象未开放评价', `${r.subject} is not rated in this jurisdiction`);
    }
    const state = current.state;
    const stage = r.stage ?? state.stage;
    const now = this.clock.now();
    assertInWindow(ratingWindow(state, stage, this.clocksAt(now)), now, '满意度评价');
    const unitId = ratedUnit(state, stage, r.subject) ?? state.holdingUnitId ?? petition.receivingUnitId;
    if (callback) await this.assertMayCallBack(m, callback, unitId, stageRecord(state, stage).servedAt, now);
    const eventId = await this.emit(
      m,
      current,
      { name: 'rate', payload: { stage, subject: r.subject, unitId, score: r.score, enteredBy } },
      actor,
    );
    await m.query(
      `INSERT INTO ratings (case_id, stage, subject, unit_id, score, entered_by, staff_subject, rated_at, event_id, called_at, caller_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        petition.caseId,
        stage,
        r.subject,
        unitId,
        r.score,
        enteredBy,
        callback?.by ?? null,
        now,
        eventId,
        callback?.calledAt ?? null,
        callback?.staff?.unitId ?? null,
      ],
    );
    const called = callback
      ? {
          calledBy: callback.by,
          ...(callback.staff ? { callerUnitId: callback.staff.unitId } : {}),
          calledAt: callback.calledAt.toISOString(),
        }
      : {};
    return { caseNumber: petition.caseNumber, eventId, stage, subject: r.subject, unitId, score: r.score, enteredBy, ...called };
  }

  /** A unit never rates itself (nor does a unit under it); the call took place after the reply was served and not in the future. */
  private async assertMayCallBack(
    m: EntityManager,
    callback: Callback,
    ratedUnitId: string,
    servedAt: string | null,
    now: Date,
  ): Promise<void> {
    if (callback.staff && (await this.visibility.viewer(callback.staff, m)).lineage.includes(ratedUnitId)) {
      throw forbidden(
        'SELF_RATING',
        '被评价单位及其下属单位不得录入对本单位的回访评价',
        'a unit never enters a callback rating of itself or of a unit above it',
      );
    }
    const at = callback.calledAt.getTime();
    if (at > now.getTime() + 60_000 || (servedAt !== null && at < Date.parse(servedAt))) {
      throw unprocessableField(
        'CALLED_AT_OUT_OF_RANGE',
        'calledAt',
        '回访时间应在答复送达之后且不晚于现在',
        'the call took place after the reply was served and not in the future',
      );
    }
  }

  private clocksAt(now: Date): ClockContext {
    return { ...this.deadlines.current(), asOf: now };
  }

  /** The case as the replica holds it, locked for this transaction (the petitioner opened it with the query code). */
  private async locked(m: EntityManager, petition: PetitionRecord): Promise<ReplicaCase> {
    const current = await this.replica.lock(m, petition.caseId);
    if (!current) throw caseNotFound();
    return current;
  }

  private async emit(m: EntityManager, current: ReplicaCase, command: CaseCommand, actor: Actor): Promise<string> {
    const { events } = await this.emitter.emit(m, current.state.caseId ?? '', current, command, { actor });
    return events[0]?.id ?? '';
  }

  private async act(work: (m: EntityManager) => Promise<Done>): Promise<Done> {
    const done = await this.dataSource.transaction(work);
    this.emitter.poke();
    return done;
  }
}

/** 谁初次办理、谁接受评价: the first unit that accepted in the stage, else the one that replied; or the stage's bureau. */
function ratedUnit(state: CaseState, stage: Stage, subject: RatingSubject): string | null {
  const record = stageRecord(state, stage);
  if (subject === 'handling-unit') return record.acceptedByUnitId ?? record.reply?.unitId ?? null;
  return stage === 'original' ? state.receivingUnitId : record.openedAtUnitId;
}

/** A rating taken by phone: who called (staff by their token, or a system such as a 12345 hotline) and when. */
interface Callback {
  /** Staff of a unit (their unit is checked: never the rated unit); absent for a system outside the platform. */
  readonly staff?: StaffPrincipal;
  /** `ratings.staff_subject`: the staff subject, or the system (`hotline:<id>`). */
  readonly by: string;
  readonly calledAt: Date;
}

function citizen(petition: PetitionRecord): Actor {
  return { kind: 'citizen', id: `petitioner:${petition.petitionerId}` };
}

/** 422 when the window has run out; no window (nothing served yet) is left to decide's REPLY_NOT_SERVED. */
function assertInWindow(window: CaseClock | null, now: Date, what: string): void {
  if (window && isLate(now, window)) {
    throw new DomainException(
      'WINDOW_EXPIRED',
      'unprocessable',
      {
        zh: `${what}期限已于${window.lastDay}届满（${window.article}）`,
        en: `the ${window.kind} ended on ${window.lastDay} (${window.article})`,
      },
      { window: { kind: window.kind, dueAt: window.dueAt, lastDay: window.lastDay } },
    );
  }
}
