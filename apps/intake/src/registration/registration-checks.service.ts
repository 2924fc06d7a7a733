import { Injectable } from '@nestjs/common';
import type { Channel, PetitionType } from '@sunshine/contracts';
import {
  caseAccess,
  type CaseViewer,
  caseViewerOf,
  checkFinality,
  checkRepeatToHigherOrgan,
  DEFAULT_ROUTING_RULE_SET,
  detectSkipLevel,
  handlingDeadline,
  type OrgDirectory,
  stageRecord,
} from '@sunshine/domain';
import { CaseReplicaStore, DeadlineContextSource, OrgDirectorySource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { type CallerKeys, PetitionRepository } from '../core/petition.repository';
import { RepeatDetectorService, type RepeatMatch } from '../repeat/repeat-detector.service';

export interface CheckFacts {
  readonly channel: Channel;
  readonly type: PetitionType;
  readonly category: string;
  readonly placeCode: string;
  readonly accusedUnitId?: string;
  readonly receivingUnitId: string;
}

/** What intake's checks found: flags for the event, reasons for the clerk (never an HTTP rejection: 有访必录入). */
export interface RegistrationChecks {
  readonly skipLevel: { readonly flagged: boolean; readonly competentUnitId: string | null; readonly reasons: readonly string[] };
  readonly repeat: RepeatMatch | null;
  /**
   * Beside the same-person match (only when there is none): an earlier visible case whose text is a near duplicate
   * (basis `near-duplicate-text`, the estimated similarity as score) — the same matter through another channel or
   * another person. For the clerk's eyes; it sets no flag (merging is the clerk's decision: 并单).
   */
  readonly similarText?: RepeatMatch | null;
  /** Art 19 on the earlier matter: the deciding unit will not accept a repeat brought to a higher organ in time. */
  readonly art19: { readonly notAccepted: boolean; readonly reasons: readonly string[] } | null;
  /**
   * Art 36: the repeated matter is final after re-review (复核终结, 不再受理) — the earlier case itself, or the final case an
   * earlier repeat was already flagged with. The bureau decides 不予受理 with one action: routing's
   * `POST /cases/{caseId}/not-accept` (the head; proper channel `no-further-petition`); routing puts the case on its desk.
   */
  readonly finality: {
    readonly caseId: string;
    readonly caseNumber: string | null;
    readonly finalSince: string;
    readonly reasons: readonly string[];
    readonly decide: { readonly action: 'not-accept'; readonly properChannel: 'no-further-petition' };
  } | null;
  /** A receipt older than RECEIVED_AT_CONFIRMATION_DAYS, registered because the clerk confirmed it (who, how many days). */
  readonly lateReceipt?: { readonly days: number; readonly confirmedBy: string };
}

@Injectable()
export class RegistrationChecksService {
  constructor(
    private readonly directory: OrgDirectorySource,
    private readonly replica: CaseReplicaStore,
    private readonly repeats: RepeatDetectorService,
    private readonly deadlines: DeadlineContextSource,
    private readonly petitions: PetitionRepository,
  ) {}

  /** 越级 (Art 20): a visit received more than one level above the competent organ. */
  async skipLevel(facts: CheckFacts, m?: EntityManager): Promise<RegistrationChecks['skipLevel']> {
    return skipLevelIn(facts, await this.directory.current(m));
  }

  /**
   * The checks at registration. A repeat is looked for only among the earlier cases the registering unit may know of (the
   * one visibility rule): a match is a derived answer, never a way to learn of a case one may not see (an accusation).
   * `directory` is the one the registration read (once per registration); `signature` the text's MinHash (computed once).
   */
  async run(
    m: EntityManager,
    facts: CheckFacts,
    matter: { caller: CallerKeys | null; subject: string; content: string; signature: Uint32Array },
    at: Date,
    registrar: { readonly unitId: string; readonly divisionCode: string },
    directory: OrgDirectory,
  ): Promise<RegistrationChecks> {
    const skipLevel = skipLevelIn(facts, directory);
    const viewer = caseViewerOf(registrar.unitId, directory, registrar.divisionCode);
    const repeat = matter.caller ? await this.repeats.findRepeat(m, matter.caller, matter.subject, matter.content, viewer) : null;
    const similarText = matter.caller && !repeat ? await this.repeats.findSimilarText(m, matter.signature, viewer) : null;
    return {
      skipLevel,
      repeat,
      similarText,
      art19: repeat ? await this.art19(m, repeat.caseId, facts.receivingUnitId, at, directory) : null,
      finality: repeat ? await this.finality(m, repeat.caseId, viewer) : null,
    };
  }

  /** The final matter (Art 36) behind a repeat: the earlier case, else the one it was flagged final of (if visible). */
  private async finality(m: EntityManager, earlierCaseId: string, viewer: CaseViewer): Promise<RegistrationChecks['finality']> {
    const flaggedFinalOf = (await this.petitions.find(m, earlierCaseId))?.flags.finalOf;
    for (const caseId of [earlierCaseId, ...(flaggedFinalOf ? [flaggedFinalOf] : [])]) {
      const earlier = await this.replica.read(m, caseId);
      if (!earlier || caseAccess(earlier.facts, viewer).access === 'none') continue;
      const check = checkFinality(earlier.state);
      if (check.final && check.finalSince) {
        return {
          caseId,
          caseNumber: earlier.state.caseNumber,
          finalSince: check.finalSince,
          reasons: check.reasons,
          decide: { action: 'not-accept', properChannel: 'no-further-petition' },
        };
      }
    }
    return null;
  }

  private async art19(
    m: EntityManager,
    earlierCaseId: string,
    receivingUnitId: string,
    at: Date,
    directory: OrgDirectory,
  ): Promise<RegistrationChecks['art19']> {
    const earlier = (await this.replica.read(m, earlierCaseId))?.state;
    if (!earlier?.status) return null;
    const handlingUnitId = stageRecord(earlier).acceptedByUnitId ?? earlier.holdingUnitId;
    if (!handlingUnitId) return null;
    const deadline = handlingDeadline(earlier, { ...this.deadlines.current(), asOf: at });
    const check = checkRepeatToHigherOrgan({
      earlier: { caseId: earlierCaseId, status: earlier.status, handlingUnitId, handlingDeadline: deadline ?? undefined },
      receivingUnitId,
      at,
      directory,
    });
    return { notAccepted: check.notAccepted, reasons: check.reasons };
  }
}

/** 越级 (Art 20) against a directory already read. */
function skipLevelIn(facts: CheckFacts, directory: OrgDirectory): RegistrationChecks['skipLevel'] {
  const result = detectSkipLevel({ ...facts }, directory, DEFAULT_ROUTING_RULE_SET);
  return { flagged: result.skipLevel, competentUnitId: result.competentUnitId, reasons: result.reasons };
}
