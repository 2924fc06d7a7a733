import { Param } from '@nestjs/common';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery } from '@sunshine/platform';

import {
  type ApproveChangeDto,
  approveChangeSchema,
  type ChangeRequestListQuery,
  changeRequestListQuerySchema,
  type ProposeChangeDto,
  proposeChangeSchema,
  type RejectChangeDto,
  rejectChangeSchema,
} from './org-change-request.dto';
import { OrgChangeRequestService } from './org-change-request.service';
import type { OrgChangeRequest } from './org-change-request.store';

const CHANGES = {
  zh: '新增单位及修改单位的类型、上级、区划和主管类别',
  en: "Creating units and changing a unit's kind, parent, territory or competences",
};
const RECORD = { zh: '机构变更申请记录', en: 'The record of directory change requests' };

/**
 * A unit's kind, parent, territory and competences, and new units, change only through a change request: proposed by
 * one city-level system administrator, approved by another (DESIGN §3). City-level admins read the record. The
 * guard checks the caller's unit is at level `city` in routing's own directory (@CityLevel), not the token's claims.
 */
@CityLevel(CHANGES)
@StaffController('org/change-requests', 'org directory 机构目录')
export class OrgChangeRequestController {
  constructor(private readonly requests: OrgChangeRequestService) {}

  @StaffRoute('POST', '', {
    roles: ['sysadmin'],
    summary: '提出机构变更申请（新增单位，或修改类型、上级、区划、主管类别；市级系统管理员，须说明理由） Propose a change',
  })
  propose(@ZodBody(proposeChangeSchema) dto: ProposeChangeDto, @Staff() staff: StaffPrincipal): Promise<OrgChangeRequest> {
    return this.requests.propose(staff, dto);
  }

  @StaffRoute('GET', '', {
    roles: ['admin', 'sysadmin'],
    summary: '机构变更申请及其处理记录（市级单位管理员） Change requests, pending and decided',
  })
  @CityLevel(RECORD)
  list(@ZodQuery(changeRequestListQuerySchema) q: ChangeRequestListQuery) {
    return this.requests.list(q);
  }

  @StaffRoute('GET', ':id', { roles: ['admin', 'sysadmin'], summary: '一项机构变更申请 One change request' })
  @CityLevel(RECORD)
  get(@Param('id') id: string): Promise<OrgChangeRequest> {
    return this.requests.get(id);
  }

  @StaffRoute('POST', ':id/approve', {
    status: 200,
    roles: ['sysadmin'],
    summary: '批准并生效（另一名市级系统管理员；发布单位完整快照） Approve and apply (a second city-level sysadmin)',
  })
  approve(
    @Param('id') id: string,
    @ZodBody(approveChangeSchema) dto: ApproveChangeDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrgChangeRequest> {
    return this.requests.approve(staff, id, dto);
  }

  @StaffRoute('POST', ':id/reject', { status: 200, roles: ['sysadmin'], summary: '驳回或撤回（须说明理由） Reject, or withdraw one’s own' })
  reject(
    @Param('id') id: string,
    @ZodBody(rejectChangeSchema) dto: RejectChangeDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrgChangeRequest> {
    return this.requests.reject(staff, id, dto);
  }
}
