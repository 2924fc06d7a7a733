import { Injectable } from '@nestjs/common';
import type { CaseCommand } from '@sunshine/domain';
import type { ExpectedVersion } from '@sunshine/platform';
import type { StaffPrincipal } from '@sunshine/platform';

import { type ActionResult, CaseActionRunner } from '../cases/case-action.runner';
import { accusedUnit, unknownUnit } from '../cases/unit-errors';
import { DirectoryCache } from '../directory/directory.cache';
import { StaffUsersService } from '../directory/staff-users.service';
import type {
  AcceptDto,
  AddAssistingUnitDto,
  ApproveExtensionDto,
  AssignHandlerDto,
  CloseDto,
  HearingDto,
  NotAcceptDto,
  RejectExtensionDto,
  RequestExtensionDto,
} from './unit-actions.dto';

/**
 * A unit's actions on a case it holds, each one command checked by decide and emitted with the state change in one
 * transaction: 签收, 经办人, 受理 / 不予受理, 办理, 听证, 延期 (Art 34: the head approves, ≤ 30 days), 协办, 办结/终结.
 */
@Injectable()
export class UnitActionsService {
  constructor(
    private readonly runner: CaseActionRunner,
    private readonly users: StaffUsersService,
    private readonly directory: DirectoryCache,
  ) {}

  sign(caseId: string, staff: StaffPrincipal, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, (tx) =>
      tx.run({ name: 'sign', payload: { unitId: staff.unitId } }).then(() => undefined),
    );
  }

  assignHandler(caseId: string, staff: StaffPrincipal, dto: AssignHandlerDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await this.users.assertMember(tx.m, dto.handlerId, staff.unitId);
      await tx.run({ name: 'assign-handler', payload: { unitId: staff.unitId, handlerId: dto.handlerId } });
    });
  }

  accept(caseId: string, staff: StaffPrincipal, dto: AcceptDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'accept', payload: { unitId: staff.unitId, ...dto } });
  }

  notAccept(caseId: string, staff: StaffPrincipal, dto: NotAcceptDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'not-accept', payload: { unitId: staff.unitId, ...dto } });
  }

  startHandling(caseId: string, staff: StaffPrincipal, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'start-handling', payload: { unitId: staff.unitId } });
  }

  hearing(caseId: string, staff: StaffPrincipal, edge: 'start' | 'end', dto: HearingDto, version: ExpectedVersion): Promise<ActionResult> {
    const name = edge === 'start' ? 'start-hearing' : 'end-hearing';
    return this.command(caseId, staff, version, { name, payload: { unitId: staff.unitId, ...dto } });
  }

  requestExtension(caseId: string, staff: StaffPrincipal, dto: RequestExtensionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'request-extension', payload: { unitId: staff.unitId, ...dto } });
  }

  /** 批准延期: the head approves the days asked for (or fewer). */
  approveExtension(caseId: string, staff: StaffPrincipal, dto: ApproveExtensionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      const days = dto.days ?? tx.state.stages[tx.state.stage]?.pendingExtensionDays ?? 0;
      await tx.run({ name: 'approve-extension', payload: { unitId: staff.unitId, days, approvedBy: staff.subject, reason: dto.reason } });
    });
  }

  rejectExtension(caseId: string, staff: StaffPrincipal, dto: RejectExtensionDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, {
      name: 'reject-extension',
      payload: { unitId: staff.unitId, rejectedBy: staff.subject, reason: dto.reason },
    });
  }

  addAssistingUnit(caseId: string, staff: StaffPrincipal, dto: AddAssistingUnitDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      if (!(await this.directory.current(tx.m)).get(dto.assistingUnitId)) throw unknownUnit(dto.assistingUnitId);
      if (tx.state.accusedUnitId === dto.assistingUnitId) throw accusedUnit();
      await tx.run({ name: 'add-assisting-unit', payload: { unitId: staff.unitId, assistingUnitId: dto.assistingUnitId } });
    });
  }

  close(caseId: string, staff: StaffPrincipal, dto: CloseDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'close', payload: { unitId: staff.unitId, reason: dto.reason } });
  }

  /** 不再受理: the re-reviewing unit ends the matter (Art 36); done by itself once the 复核意见 is served. */
  finalize(caseId: string, staff: StaffPrincipal, version: ExpectedVersion): Promise<ActionResult> {
    return this.command(caseId, staff, version, { name: 'finalize', payload: { unitId: staff.unitId } });
  }

  private command(caseId: string, staff: StaffPrincipal, version: ExpectedVersion, command: CaseCommand): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      await tx.run(command);
    });
  }
}
