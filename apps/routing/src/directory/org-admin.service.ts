import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { DomainException, isSeparatedAdminRole, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { PutUserDto, UnitListQuery, UpdateUnitDto } from './org-admin.dto';
import { OrgDirectoryService } from './org-directory.service';
import { type StaffUser, StaffUsersService } from './staff-users.service';
import { inTerritory, lockUnit, TRUST_FIELDS, UNIT_NOT_FOUND } from './unit-draft';

/**
 * The organisation directory's admin: a unit's name, and staff users with their unit. An admin edits only inside its
 * own territory; every change is published as the unit's full snapshot. What grants trust (kind, parent, territory,
 * competences, a new unit) is not an admin's to edit: it changes through an approved change request
 * (OrgChangeRequestService), so no unit can grant itself power.
 */
@Injectable()
export class OrgAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectoryService,
    private readonly users: StaffUsersService,
    private readonly relay: OutboxRelay,
  ) {}

  list(q: UnitListQuery): Promise<{ items: OrgUnitSnapshot[]; total: number }> {
    return this.directory.search(this.dataSource.manager, q);
  }

  async get(id: string): Promise<OrgUnitSnapshot> {
    const unit = await this.directory.get(this.dataSource.manager, id);
    if (!unit) throw UNIT_NOT_FOUND;
    return unit;
  }

  /** Renames a unit in the admin's territory; a trust-bearing field in the request is refused (403), nothing changed. */
  async update(staff: StaffPrincipal, id: string, dto: UpdateUnitDto): Promise<OrgUnitSnapshot> {
    const trust = TRUST_FIELDS.filter((f) => dto[f] !== undefined);
    if (trust.length > 0) {
      throw new DomainException(
        'TRUST_CHANGE_NEEDS_REQUEST',
        'forbidden',
        {
          zh: `单位的类型、上级、区划和主管类别（${trust.join('、')}）不能直接修改：须由市级系统管理员提出变更申请，经另一名市级系统管理员批准后生效`,
          en: `a unit's ${trust.join(', ')} cannot be edited: a city-level system administrator proposes a change request and another approves it`,
        },
        { fields: trust },
      );
    }
    const unit = await this.dataSource.transaction(async (m) => {
      await lockUnit(m, id);
      const current = await this.directory.get(m, id);
      if (!current) throw UNIT_NOT_FOUND;
      inTerritory(staff, current.divisionCode);
      const { revision: _revision, ...draft } = current;
      await this.directory.upsert(m, [{ ...draft, name: dto.name ?? draft.name }], staff.subject, staff.unitId);
      return this.directory.get(m, id);
    });
    this.relay.poke();
    if (!unit) throw UNIT_NOT_FOUND;
    return unit;
  }

  async unitUsers(unitId: string): Promise<StaffUser[]> {
    await this.get(unitId);
    return this.users.ofUnit(this.dataSource.manager, unitId);
  }

  async user(subject: string): Promise<StaffUser> {
    const user = await this.users.get(this.dataSource.manager, subject);
    if (!user) throw new DomainException('USER_NOT_FOUND', 'not-found', { zh: '用户不存在', en: 'no such user' });
    return user;
  }

  async putUser(staff: StaffPrincipal, subject: string, dto: PutUserDto): Promise<StaffUser> {
    const unit = await this.get(dto.unitId);
    inTerritory(staff, unit.divisionCode);
    const separated = dto.roles.filter(isSeparatedAdminRole);
    if (separated.length > 0) {
      throw new DomainException(
        'ROLE_NOT_GRANTABLE',
        'forbidden',
        {
          zh: `单位管理员不能登记三员（${separated.join('、')}）：系统管理员、安全管理员、审计管理员由身份认证系统授予`,
          en: `a unit admin cannot register ${separated.join(', ')}: the three administrators (sysadmin, security-admin, audit-admin) are granted by the identity provider`,
        },
        { roles: separated },
      );
    }
    return this.dataSource.transaction((m) => this.users.put(m, { subject, ...dto }, staff.subject));
  }
}
