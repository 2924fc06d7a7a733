import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { divisionContains, divisionLevelOf, divisionLineage } from '@sunshine/domain';
import { DomainException, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateUnitDto, PutUserDto, UnitListQuery, UpdateUnitDto } from './org-admin.dto';
import { OrgDirectoryService, type UnitDraft } from './org-directory.service';
import { StaffUsersService, type StaffUser } from './staff-users.service';

const UNIT_NOT_FOUND = new DomainException('UNIT_NOT_FOUND', 'not-found', { zh: '单位不存在', en: 'no such unit' });

/**
 * The organisation directory's admin: units, their parent, territory and competences (谁主管), and staff users with
 * their unit. An admin edits only inside its own territory; every change is published as the unit's full snapshot.
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

  async create(staff: StaffPrincipal, dto: CreateUnitDto): Promise<OrgUnitSnapshot> {
    inTerritory(staff, dto.divisionCode);
    const id = dto.id ?? `${dto.divisionCode}:${dto.kind}`;
    return this.change(staff, id, async (m, current) => {
      if (current) throw new DomainException('UNIT_EXISTS', 'conflict', { zh: '单位已存在', en: 'the unit exists already' }, { id });
      const level = divisionLevelOf(dto.divisionCode);
      const lineage = divisionLineage(dto.divisionCode);
      const draft: UnitDraft = { id, name: dto.name, kind: dto.kind, divisionCode: dto.divisionCode, level, parentId: dto.parentId,
        territoryPath: level === 'province' ? lineage : lineage.slice(1), competences: dto.competences, nonAdministrative: dto.nonAdministrative };
      await this.checkParent(m, draft);
      return draft;
    });
  }

  async update(staff: StaffPrincipal, id: string, dto: UpdateUnitDto): Promise<OrgUnitSnapshot> {
    return this.change(staff, id, async (m, current) => {
      if (!current) throw UNIT_NOT_FOUND;
      inTerritory(staff, current.divisionCode);
      const { revision: _revision, ...unit } = current;
      const draft: UnitDraft = {
        ...unit,
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
        ...(dto.parentId !== undefined ? { parentId: dto.parentId } : {}),
        ...(dto.competences !== undefined ? { competences: dto.competences } : {}),
        ...(dto.nonAdministrative !== undefined ? { nonAdministrative: dto.nonAdministrative } : {}),
      };
      await this.checkParent(m, draft);
      return draft;
    });
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
    return this.dataSource.transaction((m) => this.users.put(m, { subject, ...dto }, staff.subject));
  }

  private async change(staff: StaffPrincipal, id: string, build: (m: EntityManager, current: OrgUnitSnapshot | null) => Promise<UnitDraft>) {
    const unit = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`org-unit|${id}`]);
      const draft = await build(m, await this.directory.get(m, id));
      await this.directory.upsert(m, [draft], staff.subject);
      return this.directory.get(m, id);
    });
    this.relay.poke();
    if (!unit) throw UNIT_NOT_FOUND;
    return unit;
  }

  /** The parent exists and the change makes no cycle. */
  private async checkParent(m: EntityManager, draft: UnitDraft): Promise<void> {
    const seen = new Set([draft.id]);
    let next = draft.parentId;
    while (next !== null) {
      if (seen.has(next)) throw new DomainException('PARENT_CYCLE', 'unprocessable', { zh: '上级单位不能是自身或下级', en: 'the parent would make a cycle' });
      seen.add(next);
      const parent = await this.directory.get(m, next);
      if (!parent) throw new DomainException('UNKNOWN_PARENT', 'unprocessable', { zh: '上级单位不存在', en: 'no such parent unit' }, { parentId: next });
      next = parent.parentId;
    }
  }
}

function inTerritory(staff: StaffPrincipal, divisionCode: string): void {
  if (divisionContains(staff.divisionCode, divisionCode)) return;
  throw new DomainException('OUT_OF_TERRITORY', 'forbidden', { zh: '只能管理本辖区内的单位', en: 'units outside your territory' }, { divisionCode });
}
