import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStatus, Channel, PetitionType, Stage } from '@sunshine/contracts';
import { caseAccess, type CaseAccessLevel, type CaseState, type CaseViewer } from '@sunshine/domain';
import {
  CASE_NOT_FOUND,
  CaseReplicaStore,
  CaseVisibility,
  maskIdentifier,
  OrgDirectorySource,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { type PetitionerIdentity, type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { AttachmentsService, type AttachmentView } from './attachments.service';
import { maskAddress, maskPhone } from './masking';

type Access = Exclude<CaseAccessLevel, 'none'>;

export interface DossierView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly access: Access;
  readonly reasons: readonly string[];
  readonly facts: DossierFacts;
  readonly subject?: string;
  readonly content?: string;
  /** Phones, addresses and the ID number masked; one field is shown in full only on request (DossierRevealService, logged). */
  readonly petitioner?: { name: string; idNumber: string | null; phone: string | null; address: string | null; identity: IdentityView };
  readonly representatives?: ReadonlyArray<{ name: string; phone: string | null }>;
  readonly accusedPerson?: string | null;
  readonly attachments?: readonly AttachmentView[];
  /** Why the text and the people are not shown (accusations outside the discipline-inspection chain). */
  readonly withheld?: { zh: string; en: string };
}

/** The registration's facts and where the case is now: what every reader of the dossier sees, even `facts-only`. */
export interface DossierFacts {
  readonly channel: Channel;
  readonly type: PetitionType;
  readonly category: string;
  readonly placeCode: string;
  /** The place's division names (the code when the directory does not know it). */
  readonly placeLabel: string;
  readonly receivingUnitId: string;
  readonly receivedAt: string;
  readonly registeredAt: string;
  readonly form: PetitionRecord['form'];
  readonly accusedUnitId: string | null;
  /** The registration's flags, without a link to a case the reader may not know of. */
  readonly flags: PetitionRecord['flags'];
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly holdingUnitId: string | null;
  readonly asGiven?: NonNullable<PetitionRecord['asGiven']>;
  /** The repeat match found at registration (basis, score, reason), only while its link is shown. */
  readonly repeat?: unknown;
}

/** How the petitioner is known: staff saw them, or an online submitter who may be someone else until verified. */
export interface IdentityView {
  readonly status: 'verified' | 'unverified';
  readonly how: PetitionerIdentity;
  readonly note?: { zh: string; en: string };
}

const UNVERIFIED_NOTE = {
  zh: '网上提交，身份未经核验：所填身份证号未与在案信访人关联，可经登记手机验证码或工作人员核验后关联',
  en: 'submitted online, identity unverified: the ID number given is linked to no petitioner on file until a code to the phone on file, or staff, verify it',
};

const WITHHELD = {
  zh: '检举控告人身份及检举控告材料仅限有管理权限的纪检监察机关查阅（《信访工作条例》第三十条、第四十六条）',
  en: 'the accuser and the accusation’s material are shown only to the discipline-inspection chain (Art 30, 46)',
};

interface Opened {
  readonly access: Access;
  readonly reasons: readonly string[];
  readonly petition: PetitionRecord;
  readonly state: CaseState;
  readonly viewer: CaseViewer;
}

/**
 * The dossier for staff of any service, with visibility applied once, here (DESIGN §5): the one visibility rule
 * (libs/domain caseAccess) on the case replica's facts (every unit that ever held it). A case the caller may not see is
 * the same 404 as a missing one; `facts-only` never shows the petitioner, the representatives, the text or attachments.
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectorySource,
    private readonly replica: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  private async open(m: EntityManager, caseId: string, staff: StaffPrincipal): Promise<Opened> {
    const [petition, current] = [await this.petitions.find(m, caseId), await this.replica.read(m, caseId)];
    if (!petition || !current) throw CASE_NOT_FOUND;
    const viewer = await this.visibility.viewer(staff, m);
    const decision = caseAccess(current.facts, viewer);
    if (decision.access === 'none') throw CASE_NOT_FOUND;
    return { access: decision.access, reasons: [decision.reason], petition, state: current.state, viewer };
  }

  async read(caseId: string, staff: StaffPrincipal): Promise<DossierView> {
    const m = this.dataSource.manager;
    const { access, reasons, petition, state, viewer } = await this.open(m, caseId, staff);
    const flags = await this.visibleFlags(m, petition.flags, viewer);
    const facts: DossierFacts = {
      channel: petition.channel,
      type: petition.type,
      category: petition.category,
      placeCode: petition.placeCode,
      placeLabel: (await this.directory.current(m)).placeLabel(petition.placeCode),
      receivingUnitId: petition.receivingUnitId,
      receivedAt: petition.receivedAt.toISOString(),
      registeredAt: petition.registeredAt.toISOString(),
      form: petition.form,
      accusedUnitId: petition.accusedUnitId,
      flags,
      status: state.status,
      stage: state.stage,
      holdingUnitId: state.holdingUnitId,
      // 有访必录入: the place or category as the clerk gave them when nobody had listed them (for the desk to decide).
      ...(petition.asGiven ? { asGiven: petition.asGiven } : {}),
      // The repeat match found at registration (basis, score, reason), only while its link is shown.
      ...(flags.repeatOf && petition.checks['repeat'] ? { repeat: petition.checks['repeat'] } : {}),
    };
    const base = { caseId, caseNumber: petition.caseNumber, access, reasons, facts };
    if (access === 'facts-only') return { ...base, access, withheld: WITHHELD };
    const dossier = await this.petitions.loadDossier(m, caseId);
    const person = await this.petitioners.load(m, petition.petitionerId);
    // The details registered with this case (a later registration never changes them), else the record's first ones.
    const contact = (petition.petitionerVersionId ? await this.petitioners.loadVersion(m, petition.petitionerVersionId) : null) ?? person;
    return {
      ...base,
      access,
      subject: dossier?.subject,
      content: dossier?.content,
      petitioner:
        person && contact
          ? {
              name: contact.name,
              idNumber: person.idNumber ? maskIdentifier(person.idNumber) : null,
              phone: maskPhone(contact.phone),
              address: maskAddress(contact.address),
              identity: identityView(petition.petitionerIdentity),
            }
          : undefined,
      representatives: (dossier?.representatives ?? []).map((r) => ({ name: r.name, phone: maskPhone(r.phone ?? null) })),
      accusedPerson: dossier?.accusedPerson ?? null,
      attachments: await this.attachments.list(m, caseId),
    };
  }

  /** One attachment's bytes: only with full access (an accusation's material never leaves the discipline chain). */
  async attachment(caseId: string, attachmentId: string, staff: StaffPrincipal) {
    const { access } = await this.open(this.dataSource.manager, caseId, staff);
    if (access !== 'full') throw CASE_NOT_FOUND;
    const found = await this.attachments.open(caseId, attachmentId);
    if (!found) throw CASE_NOT_FOUND;
    return found;
  }

  /** The registration's flags, without a link (repeat, final matter) to a case the viewer may not know of (a derived answer). */
  private async visibleFlags(m: EntityManager, flags: PetitionRecord['flags'], viewer: CaseViewer): Promise<PetitionRecord['flags']> {
    const { finalOf, ...others } = flags;
    const shown = finalOf && (await this.mayKnow(m, finalOf, viewer)) ? flags : others;
    if (!shown.repeatOf) return shown;
    if (await this.mayKnow(m, shown.repeatOf, viewer)) return shown;
    const { repeatOf: _hidden, ...rest } = shown;
    return rest;
  }

  private async mayKnow(m: EntityManager, caseId: string, viewer: CaseViewer): Promise<boolean> {
    const earlier = await this.replica.read(m, caseId);
    return earlier !== null && caseAccess(earlier.facts, viewer).access !== 'none';
  }
}

function identityView(how: PetitionerIdentity): IdentityView {
  return how === 'unverified' ? { status: 'unverified', how, note: UNVERIFIED_NOTE } : { status: 'verified', how };
}
