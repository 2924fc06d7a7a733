import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, Channel, PayloadOf, PetitionType } from '@sunshine/contracts';
import { LAWSUIT_CATEGORY, lshBandKeys, minhashSignature, type OrgDirectory } from '@sunshine/domain';
import { type BlindIndexer, CaseEmitter, Clock, DomainException, OrgDirectorySource } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { CategoryTableService } from '../categories/category-table.service';
import { IdempotencyService, type IdempotentRequest } from '../core/idempotency.service';
import { unprocessableField } from '../core/intake-errors';
import { PetitionRepository } from '../core/petition.repository';
import { type PersonInput, PetitionerRepository } from '../core/petitioner.repository';
import { BLIND_INDEXER } from '../crypto/crypto.module';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { ReceptionService } from '../reception/reception.service';
import { matterText } from '../repeat/matter-similarity';
import { callerKeyValues } from '../repeat/repeat-detector.service';
import { RepeatReportsService } from '../repeat/repeat-reports.service';
import { CaseNumberService } from './case-number.service';
import { hashQueryCode, newQueryCode } from './query-code';
import { type RegistrationChecks, RegistrationChecksService } from './registration-checks.service';

export interface RegistrationInput {
  readonly channel: Channel;
  readonly receivedAt: Date;
  readonly type: PetitionType;
  /** A code of the category table, or the clerk's words (registered as `other`, kept as given). */
  readonly category: string;
  /** The place's division code as given (6–12 digits); with or instead of `placeText`. */
  readonly placeCode?: string;
  readonly placeText?: string;
  /** The clerk confirmed a receipt older than RECEIVED_AT_CONFIRMATION_DAYS. */
  readonly confirmReceivedAt?: boolean;
  readonly subject: string;
  readonly content: string;
  readonly petitioner: PersonInput;
  readonly form:
    | { readonly kind: 'individual' }
    | { readonly kind: 'collective'; readonly headCount: number; readonly representatives: readonly PersonInput[] };
  readonly accused?: { readonly unitId?: string; readonly person?: string };
  readonly receptionId?: string;
  /** What `POST /suggestions` suggested for the text, sent back with the form (智能分类: its acceptance is measured). */
  readonly suggestion?: { readonly model: string; readonly category: string; readonly score: number };
}

/** Who registers: the receiving unit, the actor of the event, and the staff subject (or `citizen:online`). */
export interface Registrar {
  readonly unitId: string;
  readonly actor: Actor;
  readonly registeredBy: string;
}

export interface Registered {
  readonly caseId: string;
  readonly caseNumber: string;
  /** Shown once, to be handed to the petitioner; only its keyed hash is stored. */
  readonly queryCode: string;
  readonly flags: PayloadOf<'petition.registered'>['flags'];
  readonly checks: RegistrationChecks;
  /** The place or category as given when the directory or the code table does not know them: a person at the dispatch desk decides. */
  readonly asGiven?: AsGiven;
}

/**
 * What a channel writes of its own about the case (an Open311 request, a 12345 work order) in the registration's
 * transaction: the case exists with it or not at all, and a replayed registration (same idempotency key) does not run it.
 */
export type WithinRegistration = (m: EntityManager, registered: Registered) => Promise<void>;

type AsGiven = NonNullable<PayloadOf<'petition.registered'>['asGiven']>;

/**
 * A receipt more than this many days before now (a letter found late, a typo in the year) is registered only when the
 * clerk confirms it (`confirmReceivedAt: true`), else 422 RECEIVED_AT_CONFIRMATION_REQUIRED: every deadline counts from it.
 */
export const RECEIVED_AT_CONFIRMATION_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * 有访必录入: registers a petition from any channel, once, and emits petition.registered (decided by the domain, through
 * the platform's CaseEmitter: outbox and case replica) in the same transaction as the petition and its case number. A
 * repeat, a skip-level visit or a lawsuit matter is registered and flagged, never refused.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectorySource,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly caseNumbers: CaseNumberService,
    private readonly checks: RegistrationChecksService,
    private readonly repeatReports: RepeatReportsService,
    private readonly receptions: ReceptionService,
    private readonly emitter: CaseEmitter,
    private readonly idempotency: IdempotencyService,
    private readonly categories: CategoryTableService,
    private readonly clock: Clock,
    @Inject(BLIND_INDEXER) private readonly blindIndexer: BlindIndexer,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /**
   * Registers once per `Idempotency-Key` (`idempotent`: the first answer again for the same body, 409 for another).
   * Only staff recognise a returning petitioner by the ID number (they saw the person); an online form's ID number is
   * unverified and links the submission to nobody (its own petitioner record, issue 17 door 4). A known petitioner's
   * record is never rewritten: the details given now are the version this case carries (door 3).
   */
  async register(
    input: RegistrationInput,
    registrar: Registrar,
    idempotent: IdempotentRequest | null = null,
    within?: WithinRegistration,
  ): Promise<Registered> {
    const registeredAt = this.clock.now();
    // The directory is read once per registration (its stamp, a rebuild only when it changed): the units, the place, the
    // checks and the event's jurisdiction all use this one (docs/benchmarks.md "Directory look-ups").
    const directory = await this.directory.current();
    const { unit, placeCode, category, asGiven, lateReceipt } = this.validate(input, registrar, registeredAt, directory);
    const leaderRef = input.receptionId ? await this.receptions.leaderOf(this.dataSource.manager, input.receptionId, unit.id) : undefined;
    const staffSaw = registrar.actor.kind === 'staff';
    const blind = input.petitioner.idNumber ? this.blindIndexer.index(input.petitioner.idNumber) : null;
    const keys = this.callerKeys(input.petitioner);
    const facts = {
      channel: input.channel,
      type: input.type,
      category,
      placeCode,
      accusedUnitId: input.accused?.unitId,
      receivingUnitId: unit.id,
    };
    const form =
      input.form.kind === 'collective'
        ? { kind: 'collective' as const, headCount: input.form.headCount, representatives: input.form.representatives.length }
        : { kind: 'individual' as const };
    // The text's MinHash signature, once: the near-duplicate check and the stored signature both use it (CPU, so
    // computed before a connection is held).
    const signature = minhashSignature(matterText(input.subject, input.content));
    // The checks read on the registration's own connection, in its transaction: one pool checkout per registration
    // instead of one per read (~10), so under load a registration queues for a connection once, not at every read
    // (docs/benchmarks.md "Where the time goes"). A replayed Idempotency-Key runs none of them.
    const registered = await this.idempotency.once(idempotent, async (m): Promise<Registered> => {
      const known = staffSaw && blind ? await this.petitioners.findByBlindIndex(m, blind) : null;
      // Staff saw or heard the caller; an online submitter is unverified and matched to no earlier case (issue 17 door 4).
      const caller = staffSaw ? { petitionerId: known, ...keys, placeCode } : null;
      const found = await this.checks.run(
        m,
        facts,
        { caller, subject: input.subject, content: input.content, signature },
        registeredAt,
        { unitId: unit.id, divisionCode: unit.divisionCode },
        directory,
      );
      const checks: RegistrationChecks = lateReceipt
        ? { ...found, lateReceipt: { ...lateReceipt, confirmedBy: registrar.registeredBy } }
        : found;
      // A match the registering unit may not see is never named to it (door 2): it is reported to the unit that may.
      const hidden = caller
        ? await this.repeatReports.findHidden(m, caller, input, { unitId: unit.id, divisionCode: unit.divisionCode })
        : null;
      const flags = {
        ...(checks.repeat ? { repeatOf: checks.repeat.caseId } : {}),
        ...(checks.finality ? { finalOf: checks.finality.caseId } : {}),
        skipLevel: checks.skipLevel.flagged,
        confidential: input.type === 'accusation',
        lawsuit: category === LAWSUIT_CATEGORY,
        ...(leaderRef ? { leaderReception: leaderRef } : {}),
      };
      const caseId = uuidv7();
      const queryCode = newQueryCode();
      const petitionerId = staffSaw
        ? await this.petitioners.findOrCreate(m, uuidv7(), input.petitioner, blind)
        : await this.petitioners.createUnverified(m, uuidv7(), input.petitioner, blind);
      const petitionerVersionId = await this.petitioners.recordVersion(
        m,
        petitionerId,
        input.petitioner,
        registrar.registeredBy,
        registeredAt,
      );
      // Whatever does not need the case number is written before it is taken: the text's signature, the dossier (its
      // reference to the petition is checked at the commit) and a hidden repeat's report.
      await this.petitions.insertTextSignature(m, caseId, signature, lshBandKeys(signature));
      await this.petitions.insertDossier(m, caseId, {
        subject: input.subject,
        content: input.content,
        accusedPerson: input.accused?.person,
        representatives: input.form.kind === 'collective' ? input.form.representatives : undefined,
      });
      if (hidden) await this.repeatReports.record(m, caseId, hidden, registeredAt);
      // Taken last: the counter row stays locked only until the commit (no gaps, no duplicates). Every statement after
      // it is one the unit's next registration waits for: only what needs the number (the petition row, the event and
      // its replica row, the channel's own rows, the kept answer).
      const caseNumber = await this.caseNumbers.next(m, unit.divisionCode, registeredAt);
      await this.petitions.insert(
        m,
        {
          caseId,
          caseNumber,
          queryCodeHash: hashQueryCode(this.config.blindIndexKey, caseNumber, queryCode),
          channel: input.channel,
          type: input.type,
          category,
          placeCode,
          receivingUnitId: unit.id,
          receivedAt: input.receivedAt,
          registeredAt,
          form,
          asGiven: asGiven ?? null,
          petitionerId,
          petitionerVersionId,
          petitionerIdentity: staffSaw ? 'staff-registration' : 'unverified',
          accusedUnitId: input.accused?.unitId ?? null,
          flags,
          registeredBy: registrar.registeredBy,
          receptionId: input.receptionId ?? null,
          checks: { ...checks },
        },
        { phone: input.petitioner.phone, ...keys },
      );
      // The case is created here: no replica row yet (current = null).
      await this.emitter.emit(
        m,
        caseId,
        null,
        {
          name: 'register',
          payload: {
            caseNumber,
            channel: input.channel,
            form,
            type: input.type,
            category,
            placeCode,
            receivingUnitId: unit.id,
            receivedAt: input.receivedAt.toISOString(),
            registeredAt: registeredAt.toISOString(),
            petitionerRef: petitionerId,
            accusedUnitId: input.accused?.unitId,
            flags,
            attachmentCount: 0,
            ...(asGiven ? { asGiven } : {}),
            ...(input.suggestion ? { suggestion: { ...input.suggestion, accepted: input.suggestion.category === category } } : {}),
          },
        },
        // The answer needs nothing of the replica row: not read back (the counter row is locked until the commit).
        { actor: registrar.actor, directory, readBack: false },
      );
      const answer: Registered = { caseId, caseNumber, queryCode, flags, checks, ...(asGiven ? { asGiven } : {}) };
      if (within) await within(m, answer);
      return answer;
    });
    this.emitter.poke();
    return registered;
  }

  /**
   * Facts that must hold before anything is written: the receiving and accused units exist, the receipt is not in the
   * future (nor older than RECEIVED_AT_CONFIRMATION_DAYS unless confirmed). A place the directory or a category the
   * code table does not know is no refusal (有访必录入): it is registered as given, at the receiving unit's division,
   * category `other`, and the case goes to the dispatch desk.
   */
  private validate(input: RegistrationInput, registrar: Registrar, now: Date, directory: OrgDirectory) {
    const unit = directory.get(registrar.unitId);
    if (!unit)
      throw unprocessableField(
        'UNKNOWN_RECEIVING_UNIT',
        'receivingUnitId',
        '登记单位不在组织目录中',
        `unit ${registrar.unitId} is not in the directory`,
      );
    if (input.accused?.unitId && !directory.get(input.accused.unitId)) {
      throw unprocessableField(
        'UNKNOWN_ACCUSED_UNIT',
        'accused.unitId',
        '被检举单位不在组织目录中',
        `unit ${input.accused.unitId} is not in the directory`,
      );
    }
    if (input.receivedAt.getTime() > now.getTime() + 60_000) {
      throw unprocessableField('RECEIVED_IN_FUTURE', 'receivedAt', '收到时间不能晚于现在', 'receivedAt cannot be in the future');
    }
    const lateReceipt = this.lateReceipt(input, now);
    // 6 (county) and 9 (township) digits name the same division as its 12-digit statistics code.
    const code = input.placeCode?.padEnd(12, '0');
    const known = code !== undefined && directory.at(code).length > 0;
    const category = this.categories.resolve(input.category);
    const asGiven: { -readonly [K in keyof AsGiven]: AsGiven[K] } = {};
    if (!known) {
      if (input.placeCode !== undefined) asGiven.placeCode = input.placeCode;
      if (input.placeText !== undefined) asGiven.placeText = input.placeText;
    }
    if (category.asGiven !== undefined) asGiven.category = category.asGiven;
    const unresolved = Object.keys(asGiven).length > 0;
    return {
      unit,
      placeCode: known ? code : unit.divisionCode,
      category: category.code,
      asGiven: unresolved ? asGiven : undefined,
      lateReceipt,
    };
  }

  /** The blind indexes a later registration recognises this caller by (repeat detection): the phone and the name. */
  private callerKeys(person: PersonInput): { phoneIndex: string | null; nameIndex: string } {
    const values = callerKeyValues(person);
    return { phoneIndex: values.phone ? this.blindIndexer.index(values.phone) : null, nameIndex: this.blindIndexer.index(values.name) };
  }

  /** A receipt older than RECEIVED_AT_CONFIRMATION_DAYS: 422 unless the clerk confirms it; the confirmation is recorded. */
  private lateReceipt(input: RegistrationInput, now: Date): { days: number } | undefined {
    const days = Math.floor((now.getTime() - input.receivedAt.getTime()) / DAY_MS);
    if (days <= RECEIVED_AT_CONFIRMATION_DAYS) return undefined;
    if (input.confirmReceivedAt === true) return { days };
    throw new DomainException(
      'RECEIVED_AT_CONFIRMATION_REQUIRED',
      'unprocessable',
      {
        zh: `收到时间为${days}日前（超过${RECEIVED_AT_CONFIRMATION_DAYS}日），请核对；确属该日收到的，请确认后登记（confirmReceivedAt）`,
        en: `receivedAt is ${days} days ago (more than ${RECEIVED_AT_CONFIRMATION_DAYS}): check it, and confirm it with confirmReceivedAt if it is right`,
      },
      { fields: [{ field: 'receivedAt', reason: `须确认 / needs confirmation (${days} days ago)` }], days },
    );
  }
}
