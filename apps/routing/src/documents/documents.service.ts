import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Stage } from '@sunshine/contracts';
import { DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { CaseAccess } from '../cases/case-access.service';
import { type CaseDocument, renderDocumentHtml } from './document-html';
import type { DocumentKind } from './document-kinds';
import { IntakeDossierClient } from './intake-dossier.client';

interface DocumentRow {
  id: string;
  case_id: string;
  kind: DocumentKind;
  stage: Stage;
  number: string;
  unit_id: string;
  issued_at: Date;
  body: Record<string, unknown>;
}

const TO_PETITIONER: ReadonlySet<DocumentKind> = new Set(['acceptance-notice', 'non-acceptance-notice', 'extension-notice', 'reply']);

const NOT_FOUND = new DomainException('DOCUMENT_NOT_FOUND', 'not-found', { zh: '文书不存在', en: 'no such document' });

/**
 * Reads a case's documents for whoever may see the case — a confidential case's only with full access (the discipline
 * chain). No service reads them (service tokens: 403 STAFF_ONLY at the guard).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly dossier: IntakeDossierClient,
  ) {}

  async list(caseId: string, staff: StaffPrincipal): Promise<CaseDocument[]> {
    await this.access.readWritten(this.dataSource.manager, staff, caseId);
    const rows = await this.dataSource.query<DocumentRow[]>(`SELECT * FROM case_documents WHERE case_id = $1 ORDER BY issued_at, number`, [
      caseId,
    ]);
    return rows.map(toDocument);
  }

  async get(caseId: string, documentId: string, staff: StaffPrincipal): Promise<CaseDocument> {
    await this.access.readWritten(this.dataSource.manager, staff, caseId);
    const [row] = await this.dataSource.query<DocumentRow[]>(`SELECT * FROM case_documents WHERE case_id = $1 AND id = $2`, [
      caseId,
      documentId,
    ]);
    if (!row) throw NOT_FOUND;
    return toDocument(row);
  }

  /** For print: the addressee (信访人) of a notice to the petitioner is read from intake now, as the reader may see it. */
  async html(caseId: string, documentId: string, staff: StaffPrincipal): Promise<string> {
    const doc = await this.get(caseId, documentId, staff);
    const addressee = TO_PETITIONER.has(doc.kind) ? await this.dossier.addressee(caseId, staff.token) : '';
    return renderDocumentHtml(doc, addressee);
  }
}

function toDocument(r: DocumentRow): CaseDocument {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    stage: r.stage,
    number: r.number,
    unitId: r.unit_id,
    issuedAt: new Date(r.issued_at).toISOString(),
    body: r.body,
  };
}
