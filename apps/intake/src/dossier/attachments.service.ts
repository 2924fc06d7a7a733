import { basename } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEmitter, CaseReplicaStore, Clock, type FieldCipher, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { caseNotFound, unprocessableField } from '../core/intake-errors';
import { PetitionRepository } from '../core/petition.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import { FIELD_CIPHER } from '../crypto/crypto.module';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import type { CaseKey } from '../self-service/citizen.dto';
import { CitizenAccessService } from '../self-service/citizen-access.service';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store';
import { ATTACHMENT_TYPES, sniffAttachmentType } from './attachment-types';
import type { Upload } from './read-upload';

export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: string;
}

/** What the petitioner is told of an attachment added to their case. */
export interface PetitionerAttachment extends AttachmentView {
  readonly caseNumber: string;
}

interface Checked {
  readonly fileName: string;
  readonly data: Buffer;
  readonly contentType: string;
}

type Correction = { changes: { attachmentCount: number }; reason: { code: 'attachment-added' } };

interface AttachmentRow {
  id: string;
  file_name_enc: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_at: Date;
}

/**
 * The dossier's attachments: type checked by content, size and count limited, bytes and file names sealed with the
 * FieldCipher. Adding one corrects the registration's attachment count (petition.corrected, who and why); the unit that
 * registered the case adds them (even to an accusation, of which it keeps only the bare facts: it adds, it does not read),
 * and so does the petitioner with the case number and query code (网上信访).
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationCommands,
    private readonly petitions: PetitionRepository,
    private readonly clock: Clock,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly access: CitizenAccessService,
    private readonly replica: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
  ) {}

  async add(caseId: string, upload: Upload, staff: StaffPrincipal): Promise<AttachmentView> {
    const checked = this.check(upload);
    return this.registrations.change(caseId, staff, (tx) =>
      this.addIn(tx.m, caseId, checked, staff.subject, async (changes) => {
        await tx.run({ name: 'correct', payload: changes });
      }),
    );
  }

  /**
   * 网上信访的附件: the petitioner adds one to their own case, opened with the case number and query code (the same
   * access, guess budget and 404 as every citizen act); the same checks, sealing and correction as a clerk's.
   */
  async addByPetitioner(key: CaseKey, upload: Upload, client: CitizenClient): Promise<PetitionerAttachment> {
    const checked = this.check(upload);
    const added = await this.dataSource.transaction(async (m) => {
      const petition = await this.access.open(m, key, client);
      let current = await this.replica.lock(m, petition.caseId);
      if (!current) throw caseNotFound();
      const actor = { kind: 'citizen' as const, id: `petitioner:${petition.petitionerId}` };
      const view = await this.addIn(m, petition.caseId, checked, actor.id, async (changes) => {
        if (!current) throw caseNotFound();
        current = (await this.emitter.emit(m, petition.caseId, current, { name: 'correct', payload: changes }, { actor })).case;
      });
      return { caseNumber: petition.caseNumber, ...view };
    });
    this.emitter.poke();
    return added;
  }

  /** The type by content (422 ATTACHMENT_TYPE otherwise) and a file name without any path. */
  private check(upload: Upload): Checked {
    const contentType = sniffAttachmentType(upload.data);
    if (contentType === null) {
      throw unprocessableField(
        'ATTACHMENT_TYPE',
        'file',
        `附件类型仅限 ${ATTACHMENT_TYPES.join('、')}`,
        `accepted types: ${ATTACHMENT_TYPES.join(', ')}`,
      );
    }
    return { fileName: basename(upload.fileName || 'attachment').slice(0, 100), data: upload.data, contentType };
  }

  private async addIn(
    m: EntityManager,
    caseId: string,
    upload: Checked,
    uploadedBy: string,
    correct: (changes: Correction) => Promise<void>,
  ): Promise<AttachmentView> {
    const count = await this.count(m, caseId);
    if (count >= this.config.attachments.maxFiles) {
      throw unprocessableField(
        'TOO_MANY_ATTACHMENTS',
        'file',
        `每件附件不超过${this.config.attachments.maxFiles}个`,
        `at most ${this.config.attachments.maxFiles} attachments`,
      );
    }
    const id = uuidv7();
    const now = this.clock.now();
    await correct({ changes: { attachmentCount: count + 1 }, reason: { code: 'attachment-added' } });
    const storageKey = `${caseId}/${id}`;
    await m.query(
      `INSERT INTO attachments (id, case_id, file_name_enc, content_type, size_bytes, storage_key, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, caseId, this.cipher.encrypt(upload.fileName), upload.contentType, upload.data.length, storageKey, uploadedBy, now],
    );
    await this.petitions.setAttachmentCount(m, caseId, count + 1);
    // Written last: a failed write rolls the rows back; a failed commit leaves an unreferenced sealed file at worst.
    await this.store.put(storageKey, Buffer.from(this.cipher.encrypt(upload.data.toString('base64')), 'utf8'));
    return { id, fileName: upload.fileName, contentType: upload.contentType, sizeBytes: upload.data.length, uploadedAt: now.toISOString() };
  }

  async list(m: EntityManager, caseId: string): Promise<AttachmentView[]> {
    const rows = await m.query<AttachmentRow[]>(`SELECT * FROM attachments WHERE case_id = $1 ORDER BY uploaded_at`, [caseId]);
    return rows.map((r) => ({
      id: r.id,
      fileName: this.cipher.decrypt(r.file_name_enc),
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      uploadedAt: r.uploaded_at.toISOString(),
    }));
  }

  /** The bytes of one attachment (the caller has decided the reader may see it). */
  async open(caseId: string, attachmentId: string): Promise<{ view: AttachmentView; data: Buffer } | null> {
    const rows = await this.dataSource.query<AttachmentRow[]>(`SELECT * FROM attachments WHERE case_id = $1 AND id = $2`, [
      caseId,
      attachmentId,
    ]);
    const row = rows[0];
    if (!row) return null;
    const sealed = (await this.store.get(row.storage_key)).toString('utf8');
    return {
      view: {
        id: row.id,
        fileName: this.cipher.decrypt(row.file_name_enc),
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        uploadedAt: row.uploaded_at.toISOString(),
      },
      data: Buffer.from(this.cipher.decrypt(sealed), 'base64'),
    };
  }

  private async count(m: EntityManager, caseId: string): Promise<number> {
    const [row] = await m.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM attachments WHERE case_id = $1`, [caseId]);
    return Number(row?.n ?? 0);
  }
}
