import { Injectable } from '@nestjs/common';
import { isBureau, isLate, objectionRefusal, objectionWindow } from '@sunshine/domain';
import { Clock, DeadlineContextSource, DomainException, type ExpectedVersion, type StaffPrincipal } from '@sunshine/platform';

import { type ActionResult, CaseActionRunner, type CaseTx } from '../cases/case-action.runner';
import { authorityException } from '../cases/unit-errors';
import { DeskService } from '../desk/desk.service';
import { DirectoryCache } from '../directory/directory.cache';
import type { ApproveObjectionDto, RaiseObjectionDto, RejectObjectionDto } from './unit-actions.dto';

/**
 * 异议 (《信访工作条例》第23、24条): the unit holding a forwarded case objects within 5 working days of receipt with
 * detailed reasons; the forwarding bureau approves (the case comes back and is dispatched again) or rejects (the
 * unit keeps it). A second objection on a case sends it to a person at the desk, flagged (decide emits it).
 */
@Injectable()
export class ObjectionService {
  constructor(
    private readonly runner: CaseActionRunner,
    private readonly desk: DeskService,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    private readonly directory: DirectoryCache,
  ) {}

  raise(caseId: string, staff: StaffPrincipal, dto: RaiseObjectionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      const refusal = objectionRefusal(tx.state, await this.directory.current(tx.m));
      if (refusal) throw authorityException(refusal);
      const now = this.clock.now();
      const period = objectionWindow(tx.state, { ...this.deadlines.current(), asOf: now });
      if (period && isLate(now, period)) {
        throw new DomainException(
          'OBJECTION_LATE',
          'unprocessable',
          {
            zh: '已超过5个工作日的异议期限（《信访工作条例》第二十三条）',
            en: 'objections must be raised within 5 working days of receipt (Art 23)',
          },
          { dueAt: period.dueAt, lastDay: period.lastDay, receivedAt: period.startAt },
        );
      }
      await tx.run({ name: 'raise-objection', payload: { unitId: staff.unitId, reason: dto.reason } });
    });
  }

  /** 异议成立: the case returns to the bureau; with `redispatch` the bureau sends it on in the same step. */
  approve(caseId: string, staff: StaffPrincipal, dto: ApproveObjectionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await this.assertBureau(tx);
      await tx.run({ name: 'approve-objection', payload: { bureauUnitId: staff.unitId, reason: dto.reason } });
      if (dto.redispatch) await this.desk.dispatchIn(tx, dto.redispatch);
    });
  }

  reject(caseId: string, staff: StaffPrincipal, dto: RejectObjectionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await this.assertBureau(tx);
      await tx.run({ name: 'reject-objection', payload: { bureauUnitId: staff.unitId, reason: dto.reason } });
    });
  }

  /** Only a petition bureau decides an objection (Art 23). */
  private async assertBureau(tx: CaseTx): Promise<void> {
    if (!isBureau((await this.directory.current(tx.m)).get(tx.staff.unitId))) throw authorityException('OBJECTION_BUREAU_ONLY');
  }
}
