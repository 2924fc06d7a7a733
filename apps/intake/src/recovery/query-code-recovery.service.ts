import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { caseNotFound } from '../core/intake-errors';
import { type OneTimeCodeKind, OneTimeCodes } from '../core/one-time-codes';
import { PetitionRepository } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { ANSWER_FLOOR_MS, inUniformTime } from '../core/uniform-answer-time';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { hashQueryCode, newQueryCode } from '../registration/query-code';
import { GuessBudgetService } from '../self-service/guess-budget.service';
import { CITIZEN_NOTIFIER, type CitizenNotifier } from './citizen-notifier';
import type { RecoveryRequestDto, RecoveryResetDto } from './recovery.dto';

const RECOVERY_CODE: OneTimeCodeKind = { table: 'query_code_recoveries', purpose: 'recovery', ttlMs: 10 * 60_000 };
/** Step 1 answers no sooner than this after the request arrived, whatever matched: its time tells nothing. */
export const RECOVERY_ANSWER_FLOOR_MS = ANSWER_FLOOR_MS;

export const RECOVERY_ACCEPTED = {
  accepted: true,
  message: {
    zh: '如信件编号与登记的手机号码相符，验证码已发送至该手机，10分钟内有效',
    en: 'if the case number and the registered phone match, a code was sent to that phone (valid 10 minutes)',
  },
} as const;

/**
 * 找回查询码 through a verified channel: the phone registered with the case receives a one-time code (through the
 * CitizenNotifier port); the code buys a new query code, and the old one stops working. Every answer to step 1 is the
 * same, in the same time (RECOVERY_ANSWER_FLOOR_MS), and counts the same for its client's recovery budget and nothing
 * for the case, so
 * neither the answer, nor its time, nor a lockout counter tells whether a case or a phone exists (issue 17, door 10).
 */
@Injectable()
export class QueryCodeRecoveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly budget: GuessBudgetService,
    private readonly codes: OneTimeCodes,
    @Inject(CITIZEN_NOTIFIER) private readonly notifier: CitizenNotifier,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  request(dto: RecoveryRequestDto, client: CitizenClient): Promise<typeof RECOVERY_ACCEPTED> {
    return inUniformTime(async () => {
      await this.budget.admitRecovery(client);
      await this.sendCode(dto.caseNumber.toUpperCase(), dto.phone);
      return RECOVERY_ACCEPTED;
    }, RECOVERY_ANSWER_FLOOR_MS);
  }

  /** A one-time code to the phone registered with the case, when the phone given is that one; nothing otherwise. */
  private async sendCode(caseNumber: string, givenPhone: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const petition = await this.petitions.findByNumber(m, caseNumber);
      // The phone registered with this case; older rows without one fall back to the petitioner's.
      const phone = petition
        ? ((await this.petitions.contactPhone(m, petition.caseId)) ?? (await this.petitioners.load(m, petition.petitionerId))?.phone)
        : null;
      if (!petition || !phone || digits(phone) !== digits(givenPhone)) return;
      const code = await this.codes.issue(m, RECOVERY_CODE, petition.caseId);
      if (code === null) return;
      await this.notifier.send(m, {
        caseId: petition.caseId,
        channel: 'sms',
        to: phone,
        template: 'query-code-recovery',
        text: `【阳光信访】您正在找回信访件${petition.caseNumber}的查询码，验证码${code}，10分钟内有效。如非本人操作请忽略。`,
      });
    });
  }

  async reset(dto: RecoveryResetDto, client: CitizenClient): Promise<{ caseNumber: string; queryCode: string }> {
    const caseNumber = dto.caseNumber.toUpperCase();
    await this.budget.admit(client, caseNumber);
    const result = await this.dataSource.transaction(async (m) => {
      const petition = await this.petitions.findByNumber(m, caseNumber);
      if (!petition) return null;
      if (!(await this.codes.redeem(m, RECOVERY_CODE, petition.caseId, dto.code))) return null;
      const queryCode = newQueryCode();
      await this.petitions.setQueryCodeHash(m, petition.caseId, hashQueryCode(this.config.blindIndexKey, petition.caseNumber, queryCode));
      return { caseNumber: petition.caseNumber, queryCode };
    });
    if (!result) {
      await this.budget.fail(client, caseNumber, 'recovery-code');
      throw caseNotFound();
    }
    return result;
  }
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}
