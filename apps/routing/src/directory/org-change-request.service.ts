import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { DomainException, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import type { CreateUnitDto, UnitChanges } from './org-admin.dto';
import type { ApproveChangeDto, ChangeRequestListQuery, ProposeChangeDto, RejectChangeDto } from './org-change-request.dto';
import { type OrgChangeRequest, OrgChangeRequestStore } from './org-change-request.store';
import { OrgDirectoryService, type UnitDraft } from './org-directory.service';
import { changedUnitDraft, checkParent, inTerritory, lockUnit, newUnitDraft, sameTrust, UNIT_NOT_FOUND } from './unit-draft';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new DomainException('CHANGE_REQUEST_NOT_FOUND', 'not-found', { zh: '变更申请不存在', en: 'no such change request' });

/**
 * Trust-bearing changes of the directory (DESIGN §3): a new unit, or a unit's kind, parent, territory or competences.
 * A system administrator (`sysadmin`) of a city-level unit proposes, with a reason; ANOTHER city-level system
 * administrator approves (four eyes; the controller's @Roles and @CityLevel admit only city-level sysadmins), and only then is the unit changed and its full snapshot published, in the same
 * transaction that records the decision. Every request stays on record with who, when, why, before and after.
 */
@Injectable()
export class OrgChangeRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectoryService,
    private readonly requests: OrgChangeRequestStore,
    private readonly relay: OutboxRelay,
  ) {}

  async propose(staff: StaffPrincipal, dto: ProposeChangeDto): Promise<OrgChangeRequest> {
    return this.dataSource.transaction(async (m) => {
      const unitId = dto.action === 'create' ? newUnitDraft(dto.unit).id : dto.unitId;
      await lockUnit(m, unitId);
      const current = await this.directory.get(m, unitId);
      const after = dto.action === 'create' ? this.creating(staff, dto.unit, current) : this.updating(staff, current, dto.changes);
      if (after.parentId !== current?.parentId) await checkParent(this.directory, m, after);
      const pending = await this.requests.pendingFor(m, unitId);
      if (pending) {
        throw new DomainException(
          'CHANGE_REQUEST_PENDING',
          'conflict',
          {
            zh: '该单位已有一项待批准的变更申请，请先批准或驳回',
            en: 'the unit has a change request pending: approve or reject it first',
          },
          { pendingId: pending.id },
        );
      }
      return this.requests.insert(m, {
        id: uuidv7(),
        action: dto.action,
        unitId,
        changes: dto.action === 'create' ? after : dto.changes,
        before: current,
        after,
        reason: dto.reason,
        proposedBy: staff.subject,
        proposedByUnit: staff.unitId,
      });
    });
  }

  async approve(staff: StaffPrincipal, id: string, dto: ApproveChangeDto): Promise<OrgChangeRequest> {
    const decided = await this.dataSource.transaction(async (m) => {
      const request = await this.pending(m, id);
      if (request.proposedBy === staff.subject) {
        throw new DomainException(
          'FOUR_EYES_REQUIRED',
          'forbidden',
          {
            zh: '变更申请须由另一名市级系统管理员批准，提出人不能批准自己的申请',
            en: 'a change request must be approved by another city-level system administrator than its proposer',
          },
          { proposedBy: request.proposedBy },
        );
      }
      await lockUnit(m, request.unitId);
      const current = await this.directory.get(m, request.unitId);
      const draft = this.applicable(request, current);
      inTerritory(staff, draft.divisionCode);
      if (draft.parentId !== current?.parentId) await checkParent(this.directory, m, draft);
      await this.directory.upsert(m, [draft], staff.subject, staff.unitId);
      const applied = await this.directory.get(m, request.unitId);
      if (!applied) throw UNIT_NOT_FOUND;
      return this.requests.decide(m, id, {
        status: 'applied',
        by: staff.subject,
        byUnit: staff.unitId,
        note: dto.note ?? null,
        after: applied,
      });
    });
    this.relay.poke();
    return decided;
  }

  /** Any city-level system administrator may reject; the proposer rejecting its own request withdraws it. */
  async reject(staff: StaffPrincipal, id: string, dto: RejectChangeDto): Promise<OrgChangeRequest> {
    return this.dataSource.transaction(async (m) => {
      await this.pending(m, id);
      return this.requests.decide(m, id, { status: 'rejected', by: staff.subject, byUnit: staff.unitId, note: dto.reason });
    });
  }

  list(q: ChangeRequestListQuery): Promise<{ items: OrgChangeRequest[]; total: number }> {
    return this.requests.list(this.dataSource.manager, q);
  }

  async get(id: string): Promise<OrgChangeRequest> {
    const request = UUID.test(id) ? await this.requests.get(this.dataSource.manager, id) : null;
    if (!request) throw NOT_FOUND;
    return request;
  }

  private creating(staff: StaffPrincipal, dto: CreateUnitDto, current: OrgUnitSnapshot | null): UnitDraft {
    inTerritory(staff, dto.divisionCode);
    const draft = newUnitDraft(dto);
    if (current)
      throw new DomainException('UNIT_EXISTS', 'conflict', { zh: '单位已存在', en: 'the unit exists already' }, { id: draft.id });
    return draft;
  }

  private updating(staff: StaffPrincipal, current: OrgUnitSnapshot | null, changes: UnitChanges): UnitDraft {
    if (!current) throw UNIT_NOT_FOUND;
    inTerritory(staff, current.divisionCode);
    const draft = changedUnitDraft(current, changes);
    inTerritory(staff, draft.divisionCode);
    if (sameTrust(current, draft)) {
      throw new DomainException('NOTHING_TO_CHANGE', 'unprocessable', {
        zh: '申请的内容与单位现状相同',
        en: 'the unit is already as requested',
      });
    }
    return draft;
  }

  /** The unit the request makes of the directory as it is now; 409 when the unit moved since it was proposed. */
  private applicable(request: OrgChangeRequest, current: OrgUnitSnapshot | null): UnitDraft {
    const stale = (zh: string, en: string) =>
      new DomainException('CHANGE_REQUEST_STALE', 'conflict', { zh, en }, { unitId: request.unitId });
    if (request.action === 'create') {
      if (current) throw stale('该单位已存在，申请已过时，请驳回', 'the unit exists already: the request is stale, reject it');
      return request.after;
    }
    if (!current || !request.before || !sameTrust(current, request.before)) {
      throw stale('单位在申请提出后已有变化，请驳回后重新申请', 'the unit changed since the request was made: reject it and propose again');
    }
    return changedUnitDraft(current, request.changes as UnitChanges);
  }

  private async pending(m: EntityManager, id: string): Promise<OrgChangeRequest> {
    const request = UUID.test(id) ? await this.requests.get(m, id, true) : null;
    if (!request) throw NOT_FOUND;
    if (request.status !== 'pending') {
      throw new DomainException(
        'CHANGE_REQUEST_DECIDED',
        'conflict',
        {
          zh: `该变更申请已${request.status === 'applied' ? '批准生效' : '驳回'}，不能再次处理`,
          en: `the change request is ${request.status} already`,
        },
        { status: request.status, decidedBy: request.decidedBy },
      );
    }
    return request;
  }
}
