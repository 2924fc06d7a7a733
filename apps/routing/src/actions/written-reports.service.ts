import { Injectable } from '@nestjs/common';
import { assignmentOwedBy, CategoryTaxonomy, DecisionMessages } from '@sunshine/domain';
import { Clock, decisionException, DomainException, type ExpectedVersion, type StaffPrincipal } from '@sunshine/platform';

import { type ActionResult, CaseActionRunner, type CaseTx } from '../cases/case-action.runner';
import { DirectoryCache } from '../directory/directory.cache';
import { DocumentIssuer } from '../documents/document.issuer';
import type { DocumentKind } from '../documents/document-kinds';
import type { WrittenTextDto } from './unit-actions.dto';

const NOT_ASSIGNED = new DomainException('NOT_ASSIGNED_CASE', 'conflict', {
  zh: '该事项不是交办事项，或不是交给本单位的',
  en: 'the case was not assigned (交办) to this unit',
});

/** Written contributions that become numbered documents: 协办意见 (Art 27, 28) and the 办结报告 a 交办 case owes (Art 22). */
@Injectable()
export class WrittenReportsService {
  constructor(
    private readonly runner: CaseActionRunner,
    private readonly documents: DocumentIssuer,
    private readonly directory: DirectoryCache,
    private readonly clock: Clock,
  ) {}

  contributeAssist(caseId: string, staff: StaffPrincipal, dto: WrittenTextDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      const lead = tx.state.holdingUnitId ?? '';
      const doc = await this.issue(tx, 'assist-contribution', { text: dto.text, leadUnit: await this.nameOf(tx, lead) });
      const [event] = await tx.run({ name: 'contribute-assist', payload: { unitId: staff.unitId, documentRef: `routing:doc:${doc.id}` } });
      if (event) await this.documents.attachEvent(tx.m, doc.id, event.id);
    });
  }

  assignmentReport(caseId: string, staff: StaffPrincipal, dto: WrittenTextDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      const assignment = assignmentOwedBy(tx.state, staff.unitId);
      if (assignment === null) throw NOT_ASSIGNED;
      if (assignment === 'reported')
        throw decisionException({
          code: 'ALREADY_REPORTED',
          status: tx.state.status,
          command: 'submit-assignment-report',
          message: DecisionMessages.ALREADY_REPORTED,
        });
      const doc = await this.issue(tx, 'assignment-report', { text: dto.text, bureau: await this.nameOf(tx, assignment.bureauUnitId) });
      const [event] = await tx.run({
        name: 'submit-assignment-report',
        payload: { unitId: staff.unitId, reportRef: `routing:doc:${doc.id}` },
      });
      if (event) await this.documents.attachEvent(tx.m, doc.id, event.id);
    });
  }

  private async issue(tx: CaseTx, kind: DocumentKind, body: Record<string, unknown>): Promise<{ id: string }> {
    const s = tx.state;
    return this.documents.issue(tx.m, {
      caseId: s.caseId ?? '',
      stage: s.stage,
      kind,
      unitId: tx.staff.unitId,
      issuedAt: this.clock.now().toISOString(),
      body: { caseNumber: s.caseNumber, category: CategoryTaxonomy.label(s.category ?? ''), ...body },
    });
  }

  private async nameOf(tx: CaseTx, unitId: string): Promise<string> {
    return (await this.directory.current(tx.m)).get(unitId)?.name ?? unitId;
  }
}
