import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, type FieldCipher, maskIdentifier } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { PetitionerRepository } from '../core/petitioner.repository';
import { FIELD_CIPHER } from '../crypto/crypto.module';
import type { CitizenClient } from '../http/citizen-client.decorator';
import type { CaseKey } from './citizen.dto';
import { CitizenAccessService } from './citizen-access.service';

/** 个人信息副本 What the platform holds about the petitioner for one case (PIPL Art 45). */
export interface PersonalDataCopy {
  readonly caseNumber: string;
  readonly registeredAt: string;
  readonly petitioner: {
    readonly name: string;
    readonly idNumber: string | null;
    readonly phone: string | null;
    readonly address: string | null;
  };
  readonly subject: string | null;
  readonly content: string | null;
  readonly attachments: ReadonlyArray<{
    readonly fileName: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly uploadedAt: string;
  }>;
  readonly messages: ReadonlyArray<{
    readonly channel: string;
    readonly template: string;
    readonly recipient: string;
    readonly status: string;
    readonly sentAt: string;
  }>;
}

/**
 * 查阅、复制个人信息 (PIPL Art 45): the petitioner, with the case number and query code (CitizenAccessService: the same
 * answer and guess budget as every self-service call), gets a copy of the personal data held for the case: the contact
 * details registered with it (the ID number masked: shown in full only in person), the subject and content, the
 * attachments' names and the messages sent. Not the accused person or representatives (others' data). Each copy is
 * recorded in the audit trail (`petitioner-copy`).
 */
@Injectable()
export class PersonalDataCopyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CitizenAccessService,
    private readonly petitioners: PetitionerRepository,
    private readonly audit: AuditTrail,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async copy(key: CaseKey, client: CitizenClient): Promise<PersonalDataCopy> {
    const m = this.dataSource.manager;
    const petition = await this.access.open(m, key, client);
    const person = await this.petitioners.load(m, petition.petitionerId);
    const contact = petition.petitionerVersionId ? await this.petitioners.loadVersion(m, petition.petitionerVersionId) : null;
    const [dossier] = await m.query<Array<{ subject_enc: string; content_enc: string }>>(
      `SELECT subject_enc, content_enc FROM dossiers WHERE case_id = $1`,
      [petition.caseId],
    );
    const attachments = await m.query<Array<{ file_name_enc: string; content_type: string; size_bytes: number; uploaded_at: Date }>>(
      `SELECT file_name_enc, content_type, size_bytes, uploaded_at FROM attachments WHERE case_id = $1 ORDER BY uploaded_at, id`,
      [petition.caseId],
    );
    const messages = await m.query<
      Array<{ channel: string; template: string; recipient_masked: string; status: string; created_at: Date }>
    >(`SELECT channel, template, recipient_masked, status, created_at FROM citizen_messages WHERE case_id = $1 ORDER BY created_at, id`, [
      petition.caseId,
    ]);
    await this.audit.personalDataRead(undefined, petition.caseId, 'petitioner-copy', { via: 'self-service' });
    return {
      caseNumber: petition.caseNumber,
      registeredAt: petition.registeredAt.toISOString(),
      petitioner: {
        name: contact?.name ?? person?.name ?? '',
        idNumber: person?.idNumber ? maskIdentifier(person.idNumber) : null,
        phone: contact ? contact.phone : (person?.phone ?? null),
        address: contact ? contact.address : (person?.address ?? null),
      },
      subject: dossier ? this.cipher.decrypt(dossier.subject_enc) : null,
      content: dossier ? this.cipher.decrypt(dossier.content_enc) : null,
      attachments: attachments.map((a) => ({
        fileName: this.cipher.decrypt(a.file_name_enc),
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        uploadedAt: a.uploaded_at.toISOString(),
      })),
      messages: messages.map((x) => ({
        channel: x.channel,
        template: x.template,
        recipient: x.recipient_masked,
        status: x.status,
        sentAt: x.created_at.toISOString(),
      })),
    };
  }
}
