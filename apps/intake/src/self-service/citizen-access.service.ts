import { timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { caseNotFound } from '../core/intake-errors';
import { type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { hashQueryCode } from '../registration/query-code';
import type { CaseKey } from './citizen.dto';
import { GuessBudgetService } from './guess-budget.service';

/**
 * Opens a case for its petitioner with the case number and the query code. A missing case and a wrong code get the
 * same answer, after the same work; wrong attempts are counted against the client that made them (it is locked out,
 * with backoff) and the case number (every attempt on it is slowed, never refused), so query codes cannot be guessed
 * and a guesser cannot lock the petitioner out (GuessBudgetService).
 */
@Injectable()
export class CitizenAccessService {
  constructor(
    private readonly petitions: PetitionRepository,
    private readonly budget: GuessBudgetService,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async open(m: EntityManager, key: CaseKey, client: CitizenClient): Promise<PetitionRecord> {
    const caseNumber = key.caseNumber.trim().toUpperCase();
    await this.budget.admit(client, caseNumber);
    const petition = await this.petitions.findByNumber(m, caseNumber);
    const expected = Buffer.from(petition?.queryCodeHash ?? hashQueryCode(this.config.blindIndexKey, caseNumber, 'NO-SUCH-CASE'));
    const given = Buffer.from(hashQueryCode(this.config.blindIndexKey, caseNumber, key.queryCode));
    const match = expected.length === given.length && timingSafeEqual(expected, given);
    if (!petition || !match) {
      await this.budget.fail(client, caseNumber, 'query-code');
      throw caseNotFound();
    }
    return petition;
  }
}
