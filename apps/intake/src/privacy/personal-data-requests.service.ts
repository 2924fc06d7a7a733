import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataRequestKind, PersonalDataRequestOutcome } from '@sunshine/contracts';
import { caseAccess, isTerminalStatus } from '@sunshine/domain';
import {
  AuditTrail,
  type BlindIndexer,
  CASE_NOT_FOUND,
  CaseVisibility,
  Clock,
  DomainException,
  type FieldCipher,
  type RetentionDb,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { PetitionerRepository } from '../core/petitioner.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import { BLIND_INDEXER, FIELD_CIPHER } from '../crypto/crypto.module';
import { ATTACHMENT_STORE, type AttachmentStore } from '../dossier/attachment-store';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { callerKeyValues } from '../repeat/repeat-detector.service';
import { deidentifyCase, terminalCasesDue } from '../retention/pii-retention';
import { CitizenAccessService } from '../self-service/citizen-access.service';
import type {
  CaseRequests,
  CorrectableContact,
  DecidedRequest,
  DecideRequestDto,
  FiledRequest,
  FileRequestDto,
} from './personal-data-request.dto';

/** 409 CASE_OPEN: why a deletion is refused while the case is handled (the petitioner is told the same). */
export const CASE_OPEN_REASON = '信访事项尚在办理中，依法须保存办理所需的个人信息；办结后可再次申请删除（《个人信息保护法》第四十七条）';

interface RequestRow {
  id: string;
  case_id: string;
  kind: PersonalDataRequestKind;
  changes_enc: string | null;
  reason_enc: string | null;
  status: 'pending' | PersonalDataRequestOutcome;
  filed_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decision_code: string | null;
}

/** The transaction's own pg connection, for the retention rule's SQL (deidentifyCase). */
async function connectionOf(m: EntityManager): Promise<RetentionDb> {
  if (!m.queryRunner) throw new Error('not in a transaction');
  return (await m.queryRunner.connect()) as PoolClient;
}

/**
 * 个人信息更正、删除 (PIPL Art 46, 47). The petitioner files a request with the case number and query code (the same
 * access rule and guess budget as every self-service call); one pending request per kind and case. The petition bureau
 * that manages the registration decides it (RegistrationCommands: locked, visible, by its managing unit):
 * - a correction granted replaces the name, phone or address in the petitioner's record and in the contact version the
 *   case carries, sealed again with the current key, and the caller keys (blind indexes) of the case;
 * - a deletion granted de-identifies the case's personal data now, by the retention job's own rule (deidentifyCase);
 *   only for a terminal case: while the case is handled its data is kept, and the request is refused with CASE_OPEN;
 * - a refusal changes nothing.
 * Each decision is recorded on the request, in the audit trail, and as `petition.personal-data-request-decided` on the
 * case log (no personal data), from which notification tells the petitioner.
 */
@Injectable()
export class PersonalDataRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CitizenAccessService,
    private readonly registrations: RegistrationCommands,
    private readonly petitioners: PetitionerRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly visibility: CaseVisibility,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(BLIND_INDEXER) private readonly blindIndexer: BlindIndexer,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  file(dto: FileRequestDto, client: CitizenClient): Promise<FiledRequest> {
    return this.dataSource.transaction(async (m) => {
      const petition = await this.access.open(m, dto, client);
      await m.query(`SELECT 1 FROM petitions WHERE case_id = $1 FOR UPDATE`, [petition.caseId]);
      const [pending] = await m.query<Array<{ id: string }>>(
        `SELECT id FROM personal_data_requests WHERE case_id = $1 AND kind = $2 AND status = 'pending'`,
        [petition.caseId, dto.kind],
      );
      if (pending) {
        throw new DomainException('REQUEST_PENDING', 'conflict', {
          zh: '该事项已有一项同类申请正在处理，请等待处理结果',
          en: 'a request of this kind is already pending for the case',
        });
      }
      const id = uuidv7();
      const now = this.clock.now();
      await m.query(
        `INSERT INTO personal_data_requests (id, case_id, kind, changes_enc, reason_enc, status, filed_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)`,
        [
          id,
          petition.caseId,
          dto.kind,
          dto.kind === 'correction' ? this.cipher.encrypt(JSON.stringify(dto.changes)) : null,
          dto.reason ? this.cipher.encrypt(dto.reason) : null,
          now,
        ],
      );
      return { requestId: id, caseNumber: petition.caseNumber, kind: dto.kind, status: 'pending' as const, filedAt: now.toISOString() };
    });
  }

  /** The case's requests for the petition bureau (visible and managed as for a registration change); a recorded read. */
  async list(caseId: string, staff: StaffPrincipal): Promise<CaseRequests> {
    const { rows, access } = await this.registrations.change(caseId, staff, async (tx) => ({
      // The one visibility rule: a bureau that may know an accusation only by its facts (the registering bureau, once
      // dispatched) sees that requests exist and how they stand, never the accuser's asked-for name, phone or words.
      access: caseAccess(tx.current.facts, await this.visibility.viewer(staff, tx.m)).access,
      rows: await tx.m.query<RequestRow[]>(`SELECT * FROM personal_data_requests WHERE case_id = $1 ORDER BY filed_at, id`, [caseId]),
    }));
    const full = access === 'full';
    if (full) await this.audit.personalDataRead(staff, caseId, 'personal-data-requests');
    return {
      access: full ? 'full' : 'facts-only',
      items: rows.map((r) => ({
        requestId: r.id,
        kind: r.kind,
        changes: full && r.changes_enc ? (JSON.parse(this.cipher.decrypt(r.changes_enc)) as CorrectableContact) : null,
        reason: full && r.reason_enc ? this.cipher.decrypt(r.reason_enc) : null,
        status: r.status,
        filedAt: r.filed_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
        decidedBy: r.decided_by,
        decisionCode: r.decision_code,
      })),
    };
  }

  async decide(requestId: string, dto: DecideRequestDto, staff: StaffPrincipal): Promise<DecidedRequest> {
    const [found] = await this.dataSource.query<Array<{ case_id: string }>>(`SELECT case_id FROM personal_data_requests WHERE id = $1`, [
      requestId,
    ]);
    if (!found) throw requestNotFound();
    const decided = await this.registrations.change(found.case_id, staff, async (tx) => {
      const m = tx.m;
      const [request] = await m.query<RequestRow[]>(`SELECT * FROM personal_data_requests WHERE id = $1 FOR UPDATE`, [requestId]);
      if (!request) throw requestNotFound();
      if (request.status !== 'pending') {
        throw new DomainException('REQUEST_DECIDED', 'conflict', {
          zh: '该申请已处理',
          en: `the request was already decided (${request.status})`,
        });
      }
      const now = this.clock.now();
      let outcome: PersonalDataRequestOutcome = 'refused';
      let code: string | null = dto.code ?? null;
      let reasonZh: string | null = null;
      const storageKeys: string[] = [];
      if (dto.decision === 'grant' && request.kind === 'correction') {
        await this.correct(m, request);
        outcome = 'corrected';
      } else if (dto.decision === 'grant' && !(tx.current.state.status && isTerminalStatus(tx.current.state.status))) {
        code = 'CASE_OPEN';
        reasonZh = CASE_OPEN_REASON;
      } else if (dto.decision === 'grant') {
        const db = await connectionOf(m);
        const [due] = await terminalCasesDue(db, now, 1, request.case_id);
        // Already de-identified (by the retention job or an earlier request): nothing is left to delete.
        if (due) storageKeys.push(...(await deidentifyCase(db, this.cipher, request.case_id, due.since, now, request.id)).storageKeys);
        else code = 'ALREADY_DEIDENTIFIED';
        outcome = 'deleted';
      }
      const payload = { requestId, kind: request.kind, outcome, ...(code ? { code } : {}) };
      const [event] = await tx.run({ name: 'decide-personal-data-request', payload });
      const eventId = event?.id ?? '';
      await m.query(
        `UPDATE personal_data_requests SET status = $2, decided_at = $3, decided_by = $4, decided_by_unit = $5, decision_code = $6, event_id = $7 WHERE id = $1`,
        [requestId, outcome, now, staff.subject, staff.unitId, code, eventId],
      );
      // The bytes go before the commit, as in the retention job: a failure leaves the request pending.
      for (const key of storageKeys) await this.store.delete(key);
      return { requestId, caseId: request.case_id, kind: request.kind, outcome, code, reasonZh, eventId, decidedAt: now.toISOString() };
    });
    await this.audit.action(
      'ops-action',
      staff,
      { what: 'personal-data-request', requestId, kind: decided.kind, outcome: decided.outcome, code: decided.code },
      decided.caseId,
    );
    return decided;
  }

  /** The asked-for values replace the old ones in the petitioner's record, the case's contact version and its caller keys. */
  private async correct(m: EntityManager, request: RequestRow): Promise<void> {
    const changes = (request.changes_enc ? JSON.parse(this.cipher.decrypt(request.changes_enc)) : {}) as CorrectableContact;
    const [petition] = await m.query<Array<{ petitioner_id: string; petitioner_version_id: string | null }>>(
      `SELECT petitioner_id, petitioner_version_id FROM petitions WHERE case_id = $1`,
      [request.case_id],
    );
    if (!petition) throw requestNotFound();
    const person = await this.petitioners.load(m, petition.petitioner_id);
    const version = petition.petitioner_version_id ? await this.petitioners.loadVersion(m, petition.petitioner_version_id) : null;
    const seal = (v: string | null | undefined): string | null => (v ? this.cipher.encrypt(v) : null);
    const name = changes.name ?? version?.name ?? person?.name ?? '';
    const phone = changes.phone ?? version?.phone ?? person?.phone ?? null;
    const address = changes.address ?? version?.address ?? person?.address ?? null;
    await m.query(`UPDATE petitioners SET name_enc = $2, phone_enc = $3, address_enc = $4 WHERE id = $1`, [
      petition.petitioner_id,
      this.cipher.encrypt(changes.name ?? person?.name ?? name),
      seal(changes.phone ?? person?.phone),
      seal(changes.address ?? person?.address),
    ]);
    if (petition.petitioner_version_id) {
      await m.query(`UPDATE petitioner_versions SET name_enc = $2, phone_enc = $3, address_enc = $4 WHERE id = $1`, [
        petition.petitioner_version_id,
        this.cipher.encrypt(name),
        seal(phone),
        seal(address),
      ]);
    }
    const keys = callerKeyValues({ name, ...(phone ? { phone } : {}) });
    await m.query(`UPDATE petitions SET phone_index = $2, name_index = $3${changes.phone ? ', phone_enc = $4' : ''} WHERE case_id = $1`, [
      request.case_id,
      keys.phone ? this.blindIndexer.index(keys.phone) : null,
      this.blindIndexer.index(keys.name),
      ...(changes.phone ? [this.cipher.encrypt(changes.phone)] : []),
    ]);
  }
}

/** A missing request answers as a case the caller cannot see (RegistrationCommands): nothing tells them apart. */
function requestNotFound(): DomainException {
  return CASE_NOT_FOUND;
}
