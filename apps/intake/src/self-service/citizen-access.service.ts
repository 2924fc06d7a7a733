import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException } from '@sunshine/platform';
import { timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { caseNotFound } from '../core/intake-errors';
import { PetitionRepository, type PetitionRecord } from '../core/petition.repository';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { hashQueryCode } from '../registration/query-code';
import type { CaseKey } from './citizen.dto';

const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Opens a case for its petitioner with the case number and the query code. A missing case and a wrong code get the
 * same answer, after the same work; wrong attempts are counted per case number (whether or not it exists) and
 * lock it for a while, so query codes cannot be guessed.
 */
@Injectable()
export class CitizenAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly petitions: PetitionRepository,
    private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async open(m: EntityManager, key: CaseKey): Promise<PetitionRecord> {
    const caseNumber = key.caseNumber.trim().toUpperCase();
    await this.assertNotLocked(caseNumber);
    const petition = await this.petitions.findByNumber(m, caseNumber);
    const expected = Buffer.from(petition?.queryCodeHash ?? hashQueryCode(this.config.blindIndexKey, caseNumber, 'NO-SUCH-CASE'));
    const given = Buffer.from(hashQueryCode(this.config.blindIndexKey, caseNumber, key.queryCode));
    const match = expected.length === given.length && timingSafeEqual(expected, given);
    if (!petition || !match) {
      await this.recordFailure(caseNumber);
      throw caseNotFound();
    }
    return petition;
  }

  /** Counts a wrong attempt; outside the caller's transaction, so it counts even though the request fails. */
  async recordFailure(caseNumber: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO query_failures (case_number, at) VALUES ($1, $2)`, [caseNumber, this.clock.now()]);
  }

  async assertNotLocked(caseNumber: string): Promise<void> {
    const since = new Date(this.clock.now().getTime() - FAILURE_WINDOW_MS);
    const [row] = await this.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM query_failures WHERE case_number = $1 AND at > $2`,
      [caseNumber, since],
    );
    if (Number(row?.n ?? 0) >= this.config.queryFailureLimit) {
      throw new DomainException('QUERY_LOCKED', 'rate-limited', {
        zh: '查询码错误次数过多，请15分钟后再试，或通过登记的手机找回查询码',
        en: 'too many wrong query codes: try again in 15 minutes, or recover the code through the registered phone',
      });
    }
  }
}
