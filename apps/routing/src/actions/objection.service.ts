import { Injectable } from '@nestjs/common';
import { isLate, objectionWindow } from '@sunshine/domain';
import { Clock, DeadlineContextSource, DomainException, type StaffPrincipal } from '@sunshine/platform';
import { CaseActionRunner, type ActionResult } from '../cases/case-action.runner';
import { DeskService } from '../desk/desk.service';
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
  ) {}

  raise(caseId: string, staff: StaffPrincipal, dto: RaiseObjectionDto, version: number): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      const now = this.clock.now();
      const period = objectionWindow(tx.state, { ...this.deadlines.current(), asOf: now });
      if (period && isLate(now, period)) {
        throw new DomainException(
          'OBJECTION_LATE',
          'unprocessable',
          { zh: '已超过5个工作日的异议期限（《信访工作条例》第二十三条）', en: 'objections must be raised within 5 working days of receipt (Art 23)' },
          { dueAt: period.dueAt, lastDay: period.lastDay, receivedAt: period.startAt },
        );
      }
      await tx.run({ name: 'raise-objection', payload: { unitId: staff.unitId, reason: dto.reason } });
    });
  }

  /** 异议成立: the case returns to the bureau; with `redispatch` the bureau sends it on in the same step. */
  approve(caseId: string, staff: StaffPrincipal, dto: ApproveObjectionDto, version: number): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await tx.run({ name: 'approve-objection', payload: { bureauUnitId: staff.unitId, reason: dto.reason } });
      if (dto.redispatch) await this.desk.dispatchIn(tx, dto.redispatch);
    });
  }

  reject(caseId: string, staff: StaffPrincipal, dto: RejectObjectionDto, version: number): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await tx.run({ name: 'reject-objection', payload: { bureauUnitId: staff.unitId, reason: dto.reason } });
    });
  }
}
