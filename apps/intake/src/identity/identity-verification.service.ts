import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseVisibility, Clock, DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { forbidden } from '../core/intake-errors';
import { type OneTimeCodeKind, OneTimeCodes } from '../core/one-time-codes';
import { type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import { inUniformTime } from '../core/uniform-answer-time';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { CITIZEN_NOTIFIER, type CitizenNotifier } from '../recovery/citizen-notifier';
import { CitizenAccessService } from '../self-service/citizen-access.service';
import { GuessBudgetService } from '../self-service/guess-budget.service';
import type { IdentityCodeConfirmDto, IdentityCodeRequestDto, StaffIdentityConfirmationDto } from './identity.dto';

const IDENTITY_CODE: OneTimeCodeKind = { table: 'identity_verifications', purpose: 'identity', ttlMs: 30 * 60_000 };

export const IDENTITY_CODE_REQUESTED = {
  accepted: true,
  message: {
    zh: '如所填身份证号已有登记在案的手机，验证码已发送至该手机，30分钟内有效',
    en: 'if the ID number given has a phone on file, a code was sent to that phone (valid 30 minutes)',
  },
} as const;

export interface IdentityConfirmed {
  readonly caseNumber: string;
  readonly identity: { readonly status: 'verified'; readonly how: 'sms-code' | 'staff-confirmation' };
  readonly confirmedAt: string;
}

/**
 * Links an online submission to the petitioner on file only after verification (issue 17, door 4): a one-time code to
 * the phone on file for the ID number given (no SMS gateway yet: recorded sealed as `awaiting-gateway` through the
 * CitizenNotifier port), or staff who saw the person's identity document. The submitter's answers are the same whether
 * or not the ID number is on file (same body, same time); until then the case's petitioner is its own unverified record.
 */
@Injectable()
export class IdentityVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CitizenAccessService,
    private readonly budget: GuessBudgetService,
    private readonly registrations: RegistrationCommands,
    private readonly visibility: CaseVisibility,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly codes: OneTimeCodes,
    private readonly clock: Clock,
    @Inject(CITIZEN_NOTIFIER) private readonly notifier: CitizenNotifier,
  ) {}

  requestCode(dto: IdentityCodeRequestDto, client: CitizenClient): Promise<typeof IDENTITY_CODE_REQUESTED> {
    return inUniformTime(async () => {
      await this.dataSource.transaction(async (m) => {
        const petition = await this.access.open(m, dto, client);
        if (petition.petitionerIdentity === 'unverified') await this.sendCode(m, petition);
      });
      return IDENTITY_CODE_REQUESTED;
    });
  }

  async confirmCode(dto: IdentityCodeConfirmDto, client: CitizenClient): Promise<IdentityConfirmed> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const petition = await this.access.open(m, dto, client);
      if (petition.petitionerIdentity !== 'unverified') throw alreadyVerified();
      if (!(await this.codes.redeem(m, IDENTITY_CODE, petition.caseId, dto.code))) return null;
      return this.confirm(m, petition, 'sms-code', 'citizen:sms-code', undefined);
    });
    if (outcome) return outcome;
    await this.budget.fail(client, dto.caseNumber.trim().toUpperCase(), 'identity-code');
    throw new DomainException('IDENTITY_CODE_INVALID', 'unprocessable', {
      zh: '验证码不正确、已过期或未发送',
      en: 'the code is wrong, has expired, or none was sent',
    });
  }

  /** Staff saw the person (their identity document): a registration change, with full access only (an accusation: the discipline chain). */
  staffConfirm(caseId: string, dto: StaffIdentityConfirmationDto, staff: StaffPrincipal): Promise<IdentityConfirmed> {
    return this.registrations.change(caseId, staff, async (tx, petition) => {
      if ((await this.visibility.access(staff, tx.current.facts, tx.m)) !== 'full') {
        throw forbidden(
          'FULL_ACCESS_REQUIRED',
          '仅可查阅完整卷宗的单位可以核验信访人身份',
          'only a unit with the full dossier verifies a petitioner’s identity',
        );
      }
      if (petition.petitionerIdentity !== 'unverified') throw alreadyVerified();
      return this.confirm(tx.m, petition, 'staff-confirmation', staff.subject, dto.reason);
    });
  }

  private async confirm(
    m: EntityManager,
    petition: PetitionRecord,
    how: 'sms-code' | 'staff-confirmation',
    by: string,
    reason: unknown,
  ): Promise<IdentityConfirmed> {
    const now = this.clock.now();
    await this.petitioners.link(m, petition.petitionerId);
    await this.petitions.confirmIdentity(m, petition.caseId, how, by, now, reason);
    return { caseNumber: petition.caseNumber, identity: { status: 'verified', how }, confirmedAt: now.toISOString() };
  }

  /** A code to the phone on file for the ID number the submitter gave; nothing when none is on file (the same answer). */
  private async sendCode(m: EntityManager, petition: PetitionRecord): Promise<void> {
    const claimed = await this.petitioners.claimedBlindIndex(m, petition.petitionerId);
    const onFile = claimed ? await this.petitioners.findByBlindIndex(m, claimed) : null;
    const phone = onFile ? await this.petitioners.phoneOnFile(m, onFile) : null;
    if (!onFile || !phone) return;
    const code = await this.codes.issue(m, IDENTITY_CODE, petition.caseId, { target_petitioner_id: onFile });
    if (code === null) return;
    await this.notifier.send(m, {
      caseId: petition.caseId,
      channel: 'sms',
      to: phone,
      template: 'identity-verification',
      text: `【阳光信访】有人以您的身份证号网上提交了信访件${petition.caseNumber}。如系本人提交，验证码${code}，30分钟内有效；如非本人，请勿告知他人。`,
    });
  }
}

function alreadyVerified(): DomainException {
  return new DomainException('IDENTITY_ALREADY_VERIFIED', 'conflict', {
    zh: '该信访人身份已核验',
    en: 'this petitioner’s identity is already verified',
  });
}
