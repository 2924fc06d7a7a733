import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_ROUTING_RULE_SET, dossierAccess, type DossierAccess } from '@sunshine/domain';
import { maskIdentifier, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CaseProjectionStore } from '../core/case-projection.store';
import { caseNotFound } from '../core/intake-errors';
import { IntakeDirectoryService } from '../core/intake-directory.service';
import { PetitionRepository, type PetitionRecord } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { AttachmentsService, type AttachmentView } from './attachments.service';

export interface DossierView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly access: Exclude<DossierAccess, 'none'>;
  readonly reasons: readonly string[];
  readonly facts: Record<string, unknown>;
  readonly subject?: string;
  readonly content?: string;
  readonly petitioner?: { name: string; idNumber: string | null; phone: string | null; address: string | null };
  readonly representatives?: ReadonlyArray<{ name: string; phone: string | null }>;
  readonly accusedPerson?: string | null;
  readonly attachments?: readonly AttachmentView[];
  /** Why the text and the people are not shown (accusations outside the discipline-inspection chain). */
  readonly withheld?: { zh: string; en: string };
}

const WITHHELD = {
  zh: '检举控告人身份及检举控告材料仅限有管理权限的纪检监察机关查阅（《信访工作条例》第三十条、第四十六条）',
  en: 'the accuser and the accusation’s material are shown only to the discipline-inspection chain (Art 30, 46)',
};

/**
 * The dossier for staff of any service, with visibility applied once, here (DESIGN §5): the domain's dossierAccess on
 * intake's projection of the case (every unit that ever held it). A case the caller may not see is a 404, like a
 * missing one.
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: IntakeDirectoryService,
    private readonly projections: CaseProjectionStore,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  async accessOf(caseId: string, staff: StaffPrincipal): Promise<{ access: Exclude<DossierAccess, 'none'>; reasons: readonly string[]; petition: PetitionRecord }> {
    const m = this.dataSource.manager;
    const [petition, state] = [await this.petitions.find(m, caseId), await this.projections.load(m, caseId)];
    if (!petition || !state) throw caseNotFound();
    const decision = dossierAccess({ state, viewerUnitId: staff.unitId, directory: await this.directory.current(), ruleSet: DEFAULT_ROUTING_RULE_SET });
    const access = decision.access;
    if (access === 'none') throw caseNotFound();
    return { access, reasons: decision.reasons, petition };
  }

  async read(caseId: string, staff: StaffPrincipal): Promise<DossierView> {
    const { access, reasons, petition } = await this.accessOf(caseId, staff);
    const m = this.dataSource.manager;
    const state = await this.projections.load(m, caseId);
    const facts = {
      channel: petition.channel, type: petition.type, category: petition.category, placeCode: petition.placeCode,
      placeLabel: (await this.directory.current()).placeLabel(petition.placeCode), receivingUnitId: petition.receivingUnitId,
      receivedAt: petition.receivedAt.toISOString(), registeredAt: petition.registeredAt.toISOString(), form: petition.form,
      accusedUnitId: petition.accusedUnitId, flags: petition.flags, status: state?.status ?? null, stage: state?.stage ?? null,
      holdingUnitId: state?.holdingUnitId ?? null,
    };
    const base = { caseId, caseNumber: petition.caseNumber, access, reasons, facts };
    if (access === 'facts-only') return { ...base, access, withheld: WITHHELD };
    const dossier = await this.petitions.loadDossier(m, caseId);
    const person = await this.petitioners.load(m, petition.petitionerId);
    return {
      ...base,
      access,
      subject: dossier?.subject,
      content: dossier?.content,
      petitioner: person ? { ...person, idNumber: person.idNumber ? maskIdentifier(person.idNumber) : null } : undefined,
      representatives: (dossier?.representatives ?? []).map((r) => ({ name: r.name, phone: r.phone ?? null })),
      accusedPerson: dossier?.accusedPerson ?? null,
      attachments: await this.attachments.list(m, caseId),
    };
  }

  /** One attachment's bytes: only with full access (an accusation's material never leaves the discipline chain). */
  async attachment(caseId: string, attachmentId: string, staff: StaffPrincipal) {
    const { access } = await this.accessOf(caseId, staff);
    if (access !== 'full') throw caseNotFound();
    const found = await this.attachments.open(caseId, attachmentId);
    if (!found) throw caseNotFound();
    return found;
  }
}
