import { Injectable } from '@nestjs/common';
import type { PetitionCorrected } from '@sunshine/contracts';
import { LAWSUIT_CATEGORY } from '@sunshine/domain';
import { type CaseTx, CaseVisibility, Clock, DirectoryReplicaService, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { CategoryTableService } from '../categories/category-table.service';
import { forbidden, unprocessableField } from '../core/intake-errors';
import { type CorrectableColumns, type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import type { CorrectPetitionDto } from './correct-petition.dto';
import { RegistrationChecksService } from './registration-checks.service';

export interface Corrected {
  readonly caseId: string;
  readonly eventId: string;
  readonly changes: PetitionCorrected['changes'];
}

/**
 * 更正登记信息: corrects registered facts, records who and why, and emits petition.corrected with the new values, as
 * every registration change is made (RegistrationCommands: locked, visible, by its managing unit); changing who is accused, or
 * whether it is an accusation at all, needs the full dossier (the discipline chain), never the bare facts.
 */
@Injectable()
export class CorrectionService {
  constructor(
    private readonly registrations: RegistrationCommands,
    private readonly visibility: CaseVisibility,
    private readonly replica: DirectoryReplicaService,
    private readonly petitions: PetitionRepository,
    private readonly checks: RegistrationChecksService,
    private readonly categories: CategoryTableService,
    private readonly clock: Clock,
  ) {}

  correct(caseId: string, dto: CorrectPetitionDto, staff: StaffPrincipal): Promise<Corrected> {
    return this.registrations.change(caseId, staff, (tx, petition) => this.correctIn(tx, petition, dto, staff));
  }

  private async correctIn(tx: CaseTx, petition: PetitionRecord, dto: CorrectPetitionDto, staff: StaffPrincipal): Promise<Corrected> {
    const m = tx.m;
    const caseId = petition.caseId;
    if (
      tx.current.facts.confidential &&
      (dto.changes.type !== undefined || dto.changes.accusedUnitId !== undefined) &&
      (await this.visibility.access(staff, tx.current.facts, m)) !== 'full'
    ) {
      throw forbidden(
        'FULL_ACCESS_REQUIRED',
        '更改检举控告的类型或被检举对象须由有管理权限的纪检监察机关办理',
        'only the discipline-inspection chain changes an accusation’s type or accused',
      );
    }
    await this.validate(m, petition, dto);
    const { columns, changes } = await this.diff(petition, dto);
    if (Object.keys(changes).length === 0) {
      throw unprocessableField('NO_CHANGE', 'changes', '更正内容与登记信息相同', 'the corrections change nothing');
    }
    const now = this.clock.now();
    const [event] = await tx.run({ name: 'correct', payload: { changes, reason: dto.reason } });
    const eventId = event?.id ?? '';
    await this.petitions.updateFacts(m, caseId, columns);
    if (dto.changes.form?.kind === 'collective') await this.petitions.updateRepresentatives(m, caseId, dto.changes.form.representatives);
    await m.query(
      `INSERT INTO corrections (event_id, case_id, changes, reason, corrected_by, corrected_by_unit, corrected_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [eventId, caseId, JSON.stringify(changes), JSON.stringify(dto.reason), staff.subject, staff.unitId, now],
    );
    return { caseId, eventId, changes };
  }

  private async validate(m: EntityManager, petition: PetitionRecord, dto: CorrectPetitionDto): Promise<void> {
    const c = dto.changes;
    if (c.category !== undefined) this.categories.assertKnown(c.category, 'changes.category');
    if (c.placeCode && !(await this.replica.hasDivision(c.placeCode))) {
      throw unprocessableField(
        'UNKNOWN_DIVISION',
        'changes.placeCode',
        '区划代码不在组织目录中',
        `division ${c.placeCode} is not in the directory`,
      );
    }
    if (c.accusedUnitId && !(await this.replica.unit(c.accusedUnitId))) {
      throw unprocessableField(
        'UNKNOWN_ACCUSED_UNIT',
        'changes.accusedUnitId',
        '被检举单位不在组织目录中',
        `unit ${c.accusedUnitId} is not in the directory`,
      );
    }
    if ((c.type ?? petition.type) === 'accusation' && !(c.accusedUnitId ?? petition.accusedUnitId)) {
      const dossier = await this.petitions.loadDossier(m, petition.caseId);
      if (!dossier?.accusedPerson) {
        throw unprocessableField(
          'ACCUSED_REQUIRED',
          'changes.accusedUnitId',
          '检举控告须写明被检举对象',
          'an accusation names the accused',
        );
      }
    }
  }

  /** The facts that really change: new column values, and the event's `changes` (flags follow type, category, place). */
  private async diff(
    p: PetitionRecord,
    dto: CorrectPetitionDto,
  ): Promise<{ columns: CorrectableColumns; changes: PetitionCorrected['changes'] }> {
    const c = dto.changes;
    const columns: { -readonly [K in keyof CorrectableColumns]: CorrectableColumns[K] } = {};
    const changes: { -readonly [K in keyof PetitionCorrected['changes']]: PetitionCorrected['changes'][K] } = {};
    if (c.channel && c.channel !== p.channel) columns.channel = changes.channel = c.channel;
    if (c.type && c.type !== p.type) columns.type = changes.type = c.type;
    if (c.category && c.category !== p.category) columns.category = changes.category = c.category;
    if (c.placeCode && c.placeCode !== p.placeCode) columns.placeCode = changes.placeCode = c.placeCode;
    if (c.accusedUnitId && c.accusedUnitId !== p.accusedUnitId) columns.accusedUnitId = changes.accusedUnitId = c.accusedUnitId;
    if (c.receivedAt && Date.parse(c.receivedAt) !== p.receivedAt.getTime()) {
      columns.receivedAt = new Date(c.receivedAt);
      changes.receivedAt = columns.receivedAt.toISOString();
    }
    if (c.form) {
      const form =
        c.form.kind === 'collective'
          ? { kind: 'collective' as const, headCount: c.form.headCount, representatives: c.form.representatives.length }
          : { kind: 'individual' as const };
      if (JSON.stringify(form) !== JSON.stringify(p.form) || c.form.kind === 'collective') columns.form = changes.form = form;
    }
    const flags = { ...p.flags };
    flags.confidential = (columns.type ?? p.type) === 'accusation';
    flags.lawsuit = (columns.category ?? p.category) === LAWSUIT_CATEGORY;
    if (columns.channel || columns.type || columns.category || columns.placeCode || columns.accusedUnitId) {
      flags.skipLevel = (
        await this.checks.skipLevel({
          channel: columns.channel ?? p.channel,
          type: columns.type ?? p.type,
          category: columns.category ?? p.category,
          placeCode: columns.placeCode ?? p.placeCode,
          accusedUnitId: columns.accusedUnitId ?? p.accusedUnitId ?? undefined,
          receivingUnitId: p.receivingUnitId,
        })
      ).flagged;
    }
    const changedFlags = (['confidential', 'lawsuit', 'skipLevel'] as const).filter((k) => flags[k] !== p.flags[k]);
    if (changedFlags.length > 0) {
      columns.flags = flags;
      changes.flags = Object.fromEntries(changedFlags.map((k) => [k, flags[k]]));
    }
    return { columns, changes };
  }
}
