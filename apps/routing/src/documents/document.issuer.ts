import { Injectable } from '@nestjs/common';
import type { AnyCaseEvent, EventOf, Stage } from '@sunshine/contracts';
import {
  type CaseClock,
  type CaseState,
  CategoryTaxonomy,
  ClaimRouteTaxonomy,
  clockHistory,
  handlingDeadline,
  type OrgDirectory,
  ProperChannelTaxonomy,
  ReplyOutcomeTaxonomy,
} from '@sunshine/domain';
import { CaseReplicaStore, DeadlineContextSource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { DirectoryCache } from '../directory/directory.cache';
import { type DocumentKind, documentNumber } from './document-kinds';
import { handlingRouteOf } from './route-wording';

export interface IssueInput {
  readonly caseId: string;
  readonly stage: Stage;
  readonly kind: DocumentKind;
  readonly unitId: string;
  readonly eventId?: string;
  readonly issuedAt: string;
  /** The facts printed, resolved when issued (names, labels, dates), so a document never changes afterwards. */
  readonly body: Record<string, unknown>;
}

type Body = Pick<IssueInput, 'kind' | 'unitId' | 'body'>;

/**
 * Issues the numbered documents a unit must give in writing, in the transaction of the event that requires them:
 * 转送单 / 交办单 (case.dispatched), 受理 / 不予受理告知书 (case.accepted / case.not-accepted), 处理意见书 (case.replied),
 * 延期告知书 (case.extension-approved: Art 34, the petitioner is told why). Numbers run per issuing unit, kind and year.
 * A date printed is a period's last day (the clock's `lastDay`), never its exclusive end instant. The addressee (信访人)
 * is not stored here: it is printed from intake's dossier when the document is read (DocumentsService).
 */
@Injectable()
export class DocumentIssuer {
  constructor(
    private readonly directory: DirectoryCache,
    private readonly deadlines: DeadlineContextSource,
    private readonly replica: CaseReplicaStore,
  ) {}

  async issue(m: EntityManager, input: IssueInput): Promise<{ id: string; number: string }> {
    const unitName = (await this.directory.current(m)).get(input.unitId)?.name ?? input.unitId;
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(input.issuedAt)));
    const [counter] = await m.query<Array<{ last: number }>>(
      `INSERT INTO document_counters (unit_id, kind, year, last) VALUES ($1, $2, $3, 1)
       ON CONFLICT (unit_id, kind, year) DO UPDATE SET last = document_counters.last + 1 RETURNING last`,
      [input.unitId, input.kind, year],
    );
    const id = uuidv7();
    const number = documentNumber(unitName, input.kind, input.stage, year, Number(counter?.last ?? 1));
    await m.query(
      `INSERT INTO case_documents (id, case_id, stage, kind, number, unit_id, event_id, body, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        input.caseId,
        input.stage,
        input.kind,
        number,
        input.unitId,
        input.eventId ?? null,
        JSON.stringify({ ...input.body, unitName }),
        input.issuedAt,
      ],
    );
    return { id, number };
  }

  async attachEvent(m: EntityManager, documentId: string, eventId: string): Promise<void> {
    await m.query(`UPDATE case_documents SET event_id = $2 WHERE id = $1`, [documentId, eventId]);
  }

  async onEvents(m: EntityManager, state: CaseState, events: readonly AnyCaseEvent[]): Promise<void> {
    for (const event of events) {
      const body = await this.bodyFor(m, state, event);
      if (!body || !state.caseId) continue;
      await this.issue(m, { caseId: state.caseId, stage: state.stage, eventId: event.id, issuedAt: event.occurredAt, ...body });
    }
  }

  private async bodyFor(m: EntityManager, state: CaseState, event: AnyCaseEvent): Promise<Body | null> {
    const directory = await this.directory.current(m);
    const common = {
      caseNumber: state.caseNumber,
      category: CategoryTaxonomy.label(state.category ?? ''),
      receivedAt: state.receivedAt,
      place: state.placeCode ? directory.placeLabel(state.placeCode) : null,
    };
    const route = handlingRouteOf(state);
    const due = () => dueOf(handlingDeadline(state, this.context(event.occurredAt)));
    switch (event.type) {
      case 'case.dispatched':
        return dispatchBody(event, directory, {
          ...common,
          feedbackLastDay: this.startedBy(state, event, 'assignment-feedback')?.lastDay ?? null,
        });
      case 'case.accepted':
        return {
          kind: 'acceptance-notice',
          unitId: event.payload.unitId,
          body: {
            ...common,
            claimRoute: event.payload.claimRoute ? ClaimRouteTaxonomy.label(event.payload.claimRoute) : null,
            route: route.code,
            reviewChain: route.reviewChain,
            due: due(),
            type: state.type,
          },
        };
      case 'case.not-accepted':
        return {
          kind: 'non-acceptance-notice',
          unitId: event.payload.unitId,
          body: {
            ...common,
            reason: event.payload.reason,
            properChannel: ProperChannelTaxonomy.label(event.payload.properChannel),
            channelUnit: event.payload.channelUnitId ? (directory.get(event.payload.channelUnitId)?.name ?? null) : null,
          },
        };
      case 'case.extension-approved':
        return {
          kind: 'extension-notice',
          unitId: event.payload.unitId,
          body: { ...common, days: event.payload.days, reason: event.payload.reason ?? (await this.requestedReason(m, state)), due: due() },
        };
      case 'case.replied':
        return this.replyBody(m, event, { ...common, route: route.code, reviewChain: route.reviewChain });
      default:
        return null;
    }
  }

  private context(asOf: string) {
    return { ...this.deadlines.current(), asOf };
  }

  /** The clock of `kind` the event started, as of the event. */
  private startedBy(state: CaseState, event: AnyCaseEvent, kind: string): CaseClock | null {
    return clockHistory(state, this.context(event.occurredAt)).find((c) => c.startEventId === event.id && c.kind === kind) ?? null;
  }

  /** Why the unit asked for the extension (the head may approve without a reason of their own). */
  private async requestedReason(m: EntityManager, state: CaseState): Promise<unknown> {
    if (!state.caseId) return null;
    const requests = await this.replica.history(m, state.caseId, ['case.extension-requested']);
    const payload = requests[requests.length - 1]?.payload;
    return typeof payload === 'object' && payload !== null && 'reason' in payload ? payload.reason : null;
  }

  private async replyBody(m: EntityManager, event: EventOf<'case.replied'>, common: Record<string, unknown>) {
    const replyId = event.payload.replyDocumentRef.replace(/^routing:reply:/, '');
    const [reply] = await m.query<Array<{ text: string; attachments: unknown; approved_at: Date | null }>>(
      `SELECT text, attachments, approved_at FROM replies WHERE id = $1`,
      [replyId],
    );
    return {
      kind: 'reply' as const,
      unitId: event.payload.unitId,
      body: {
        ...common,
        replyId,
        outcome: ReplyOutcomeTaxonomy.label(event.payload.outcome),
        text: reply?.text ?? '',
        attachments: reply?.attachments ?? [],
        approvedAt: reply?.approved_at ? new Date(reply.approved_at).toISOString() : event.occurredAt,
      },
    };
  }
}

/** The period a notice prints: its last day (inclusive), the clock's kind, label and article, the days of extension. */
function dueOf(clock: CaseClock | null) {
  return clock
    ? { kind: clock.kind, label: clock.label, article: clock.article, lastDay: clock.lastDay, extensionDays: clock.extensionDays }
    : null;
}

function dispatchBody(event: EventOf<'case.dispatched'>, directory: OrgDirectory, common: Record<string, unknown>): Body {
  const p = event.payload;
  return {
    kind: p.mode === 'assign' ? 'assignment' : 'transfer',
    unitId: p.fromUnitId,
    body: {
      ...common,
      toUnit: directory.get(p.toUnitId)?.name ?? p.toUnitId,
      toUnitId: p.toUnitId,
      reasons: p.reasons,
      feedbackDueAt: p.feedbackDueAt ?? null,
      hop: p.hop,
    },
  };
}
