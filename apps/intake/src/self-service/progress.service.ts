import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseNotAcceptedV1, type RatingSubject, type ReviewStage, type Stage } from '@sunshine/contracts';
import {
  type CaseState,
  CaseStatusTaxonomy,
  CategoryTaxonomy,
  ChannelTaxonomy,
  type CitizenClock,
  citizenClocks,
  type ClockContext,
  isLate,
  mayRate,
  nextStage,
  PetitionTypeTaxonomy,
  ProperChannelTaxonomy,
  RatingScoreTaxonomy,
  ratingWindow,
  ReplyOutcomeTaxonomy,
  reviewRequestWindow,
  stageRecord,
  StageTaxonomy,
  TERMINAL_STATUSES,
} from '@sunshine/domain';
import { CaseReplicaStore, Clock, DeadlineContextSource, OrgDirectorySource } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { caseNotFound } from '../core/intake-errors';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import type { CaseKey } from './citizen.dto';
import { CitizenAccessService } from './citizen-access.service';
import { type ReplyFetch, RoutingReplyClient } from './routing-reply.client';

type Labelled = { readonly code: string; readonly zh: string; readonly en: string };

export interface Progress {
  readonly caseNumber: string;
  readonly registeredAt: string | null;
  readonly channel: Labelled | null;
  readonly type: Labelled | null;
  readonly category: Labelled | null;
  readonly stage: Labelled;
  readonly status: Labelled | null;
  readonly handlingUnit: { readonly id: string; readonly name: string | null } | null;
  readonly deadlines: readonly CitizenClock[];
  readonly reply: (ReplyFetch & { readonly outcome: Labelled; readonly repliedAt: string | null; readonly servedAt: string | null }) | null;
  readonly ratings: ReadonlyArray<{ stage: Stage; subject: string; score: Labelled }>;
  readonly canRate: ReadonlyArray<{ stage: Stage; subject: RatingSubject; until: string }>;
  readonly canRequestReview: { readonly stage: ReviewStage; readonly until: string } | null;
  readonly canWithdraw: boolean;
  /**
   * 不予受理: the decision as the 不予受理告知书 states it — who decided and when, the reason, and where the petitioner may
   * turn instead (the proper channel, and the competent organ where named). Null unless the case was not accepted.
   */
  readonly notAccepted: NotAcceptedView | null;
}

export interface NotAcceptedView {
  readonly decidedAt: string;
  readonly unit: { readonly id: string; readonly name: string | null };
  readonly reason: { readonly code: string; readonly text: string | null };
  readonly properChannel: Labelled;
  readonly channelUnit: { readonly id: string; readonly name: string | null } | null;
}

const label = (t: { label(code: string, lang?: 'zh' | 'en'): string }, code: string | null): Labelled | null =>
  code === null ? null : { code, zh: t.label(code, 'zh'), en: t.label(code, 'en') };

/** 查询办理进度: the citizen-facing view of a case, from the service's case replica (the shared fold of the case log) and routing's reply text. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CitizenAccessService,
    private readonly replica: CaseReplicaStore,
    private readonly directory: OrgDirectorySource,
    private readonly replies: RoutingReplyClient,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async progress(key: CaseKey, client: CitizenClient): Promise<Progress> {
    const m = this.dataSource.manager;
    const petition = await this.access.open(m, key, client);
    const state = (await this.replica.read(m, petition.caseId))?.state;
    if (!state) throw caseNotFound();
    const record = stageRecord(state);
    const clocks: ClockContext = { ...this.deadlines.current(), asOf: this.clock.now() };
    const reply = record.reply
      ? {
          ...(record.servedAt ? await this.replies.fetch(petition.caseId) : notServed()),
          outcome: label(ReplyOutcomeTaxonomy, record.reply.outcome) as Labelled,
          repliedAt: record.repliedAt,
          servedAt: record.servedAt,
        }
      : null;
    return {
      caseNumber: petition.caseNumber,
      registeredAt: state.registeredAt,
      channel: label(ChannelTaxonomy, state.channel),
      type: label(PetitionTypeTaxonomy, state.type),
      category: label(CategoryTaxonomy, state.category),
      stage: label(StageTaxonomy, state.stage) as Labelled,
      status: label(CaseStatusTaxonomy, state.status),
      handlingUnit: state.holdingUnitId
        ? { id: state.holdingUnitId, name: (await this.directory.current(m)).get(state.holdingUnitId)?.name ?? null }
        : null,
      deadlines: citizenClocks(state, clocks),
      reply,
      ratings: ratingsOf(state),
      ...this.options(state, clocks),
      notAccepted: state.status === 'not-accepted' ? await this.notAccepted(m, petition.caseId) : null,
    };
  }

  /** The latest 不予受理 on the case log (its reason and channel travel in `case.not-accepted`, not in the fold). */
  private async notAccepted(m: EntityManager, caseId: string): Promise<NotAcceptedView | null> {
    const latest = (await this.replica.history(m, caseId, ['case.not-accepted'])).at(-1);
    const parsed = latest ? caseNotAcceptedV1.safeParse(latest.payload) : null;
    if (!latest || !parsed?.success) return null;
    const p = parsed.data;
    const directory = await this.directory.current(m);
    return {
      decidedAt: latest.occurredAt,
      unit: { id: p.unitId, name: directory.get(p.unitId)?.name ?? null },
      reason: { code: p.reason.code, text: p.reason.text ?? null },
      properChannel: label(ProperChannelTaxonomy, p.properChannel) as Labelled,
      channelUnit: p.channelUnitId ? { id: p.channelUnitId, name: directory.get(p.channelUnitId)?.name ?? null } : null,
    };
  }

  /** What the petitioner may still do, and until when (the case's clocks, from the domain). */
  private options(state: CaseState, clocks: ClockContext): Pick<Progress, 'canRate' | 'canRequestReview' | 'canWithdraw'> {
    const now = clocks.asOf;
    const canRate: Array<{ stage: Stage; subject: RatingSubject; until: string }> = [];
    for (const stage of StageTaxonomy.codes) {
      const window = ratingWindow(state, stage, clocks);
      if (!window || isLate(now, window)) continue;
      for (const subject of this.config.ratingSubjects) {
        if (mayRate(stageRecord(state, stage), subject, 'citizen')) canRate.push({ stage, subject, until: window.dueAt });
      }
    }
    const review = reviewRequestWindow(state, clocks);
    const next = nextStage(state.stage);
    const canRequestReview =
      review && next && state.status === 'replied' && state.reviewRequested === null && !isLate(now, review)
        ? { stage: next, until: review.dueAt }
        : null;
    return { canRate, canRequestReview, canWithdraw: state.status !== null && !TERMINAL_STATUSES.includes(state.status) };
  }
}

function ratingsOf(state: CaseState): Progress['ratings'] {
  const out: Array<{ stage: Stage; subject: string; score: Labelled }> = [];
  for (const stage of StageTaxonomy.codes) {
    for (const [subject, score] of Object.entries(state.stages[stage]?.ratings ?? {})) {
      if (score) out.push({ stage, subject, score: label(RatingScoreTaxonomy, score) as Labelled });
    }
  }
  return out;
}

function notServed(): ReplyFetch {
  return { available: false, note: { zh: '答复意见尚未送达', en: 'the reply has not been served yet' } };
}
