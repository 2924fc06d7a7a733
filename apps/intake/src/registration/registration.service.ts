import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionLineage, LAWSUIT_CATEGORY } from '@sunshine/domain';
import {
  DirectoryReplicaService,
  DomainException,
  newEvent,
  OutboxRelay,
  OutboxWriter,
  type BlindIndexer,
  type StaffPrincipal,
} from '@sunshine/platform';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource } from 'typeorm';
import { BLIND_INDEXER } from '../crypto/crypto.module';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { CaseNumberService } from './case-number.service';
import { PetitionRepository } from './petition.repository';
import { hashQueryCode, newQueryCode } from './query-code';
import type { RegisterPetitionDto } from './register-petition.dto';

export interface Registered {
  readonly caseId: string;
  readonly caseNumber: string;
  /** Shown once, to be handed to the petitioner; only its hash is stored. */
  readonly queryCode: string;
}

/** 有访必录入: registers a petition from any channel, once, and emits petition.registered in the same transaction. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryReplicaService,
    private readonly petitions: PetitionRepository,
    private readonly caseNumbers: CaseNumberService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(BLIND_INDEXER) private readonly blindIndexer: BlindIndexer,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async register(dto: RegisterPetitionDto, staff: StaffPrincipal): Promise<Registered> {
    const unit = await this.directory.unit(staff.unitId);
    if (!unit) throw unknown('UNKNOWN_RECEIVING_UNIT', 'receivingUnitId', '登记单位不在组织目录中', `unit ${staff.unitId} is not in the directory`);
    if (!(await this.directory.hasDivision(dto.placeCode))) {
      throw unknown('UNKNOWN_DIVISION', 'placeCode', '区划代码不在组织目录中', `division ${dto.placeCode} is not in the directory`);
    }
    if (dto.accused?.unitId && !(await this.directory.unit(dto.accused.unitId))) {
      throw unknown('UNKNOWN_ACCUSED_UNIT', 'accused.unitId', '被检举单位不在组织目录中', `unit ${dto.accused.unitId} is not in the directory`);
    }
    const caseId = uuidv7();
    const queryCode = newQueryCode();
    const registeredAt = new Date();
    const result = await this.dataSource.transaction(async (m) => {
      const blind = dto.petitioner.idNumber ? this.blindIndexer.index(dto.petitioner.idNumber) : null;
      const petitionerId = await this.petitions.upsertPetitioner(m, uuidv7(), dto.petitioner, blind);
      const caseNumber = await this.caseNumbers.next(m, unit.divisionCode, registeredAt);
      const form = dto.form.kind === 'collective'
        ? { kind: 'collective' as const, headCount: dto.form.headCount, representatives: dto.form.representatives.length }
        : { kind: 'individual' as const };
      const flags = {
        skipLevel: false,
        confidential: dto.type === 'accusation',
        lawsuit: dto.category === LAWSUIT_CATEGORY,
        ...(dto.leaderReception ? { leaderReception: dto.leaderReception } : {}),
      };
      await this.petitions.insertPetition(m, {
        caseId, caseNumber, queryCodeHash: hashQueryCode(this.config.blindIndexKey, caseNumber, queryCode),
        channel: dto.channel, type: dto.type, category: dto.category, placeCode: dto.placeCode, receivingUnitId: unit.id,
        receivedAt: new Date(dto.receivedAt), registeredAt, form, petitionerId, accusedUnitId: dto.accused?.unitId ?? null,
        flags, registeredBy: staff.subject,
      });
      await this.petitions.insertDossier(m, caseId, {
        subject: dto.subject, content: dto.content, accusedPerson: dto.accused?.person,
        representatives: dto.form.kind === 'collective' ? dto.form.representatives : undefined,
      });
      const event = newEvent('petition.registered', {
        caseNumber, channel: dto.channel, form, type: dto.type, category: dto.category, placeCode: dto.placeCode,
        receivingUnitId: unit.id, receivedAt: new Date(dto.receivedAt).toISOString(), registeredAt: registeredAt.toISOString(),
        petitionerRef: petitionerId, accusedUnitId: dto.accused?.unitId, flags, attachmentCount: 0,
      }, {
        caseId,
        jurisdiction: { place: cityDown(dto.placeCode), unit: cityDown(unit.divisionCode) },
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        occurredAt: registeredAt,
      });
      await this.outbox.append(m, event);
      return { caseId, caseNumber, queryCode };
    });
    this.relay.poke();
    return result;
  }
}

/** Division codes from the city down (the envelope's jurisdiction). */
function cityDown(code: string): string[] {
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}

function unknown(code: string, field: string, zh: string, en: string): DomainException {
  return new DomainException(code, 'unprocessable', { zh, en }, { fields: [{ field, reason: en }] });
}
