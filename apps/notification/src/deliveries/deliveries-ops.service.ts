import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseReplicaStore, CaseVisibility, Clock, DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { NOTICE_TEMPLATES } from '../templates/notice-templates';
import { DeliveryRepository } from './delivery.repository';
import { DELIVERY_COLUMNS, deliveryOf, type DeliveryRow, type DeliveryStatus } from './delivery-row';

const NOT_FOUND = new DomainException('DELIVERY_NOT_FOUND', 'not-found', { zh: '投递记录不存在', en: 'no such delivery' });
const PARAMS_REDACTED = {
  zh: '通知参数仅向有权完整查阅该信访事项的人员显示',
  en: 'the notice’s parameters are shown only to those with full access to the case',
} as const;

export type DeliveryView = Omit<DeliveryRow, 'params'> & {
  /** The notice kind's Chinese name (its template's), null for a kind without a template. */
  readonly kindName: string | null;
  readonly params: DeliveryRow['params'] | null;
  readonly redaction?: { readonly zh: string; readonly en: string };
};

/**
 * Ops over deliveries: list by status (`sending`: in doubt, with `updatedAt` since when), show one with the actions
 * taken, replay a dead (or skipped) one with a reason. A delivery's parameters (case number, unit names, reasons) show
 * only to a caller with full access to its case.
 */
@Injectable()
export class DeliveriesOpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly cases: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly clock: Clock,
  ) {}

  async list(
    staff: StaffPrincipal,
    q: { status?: DeliveryStatus; channel?: string; before?: string; limit: number },
  ): Promise<DeliveryView[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR channel = $2)
         AND ($3::uuid IS NULL OR id < $3) ORDER BY id DESC LIMIT $4`,
      [q.status ?? null, q.channel ?? null, q.before ?? null, q.limit],
    );
    return Promise.all(rows.map((r) => this.view(staff, deliveryOf(r))));
  }

  async show(staff: StaffPrincipal, id: string) {
    const d = await this.deliveries.get(this.dataSource.manager, id);
    if (!d) throw NOT_FOUND;
    const actions = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT action, reason, actor, actor_unit, at FROM delivery_actions WHERE delivery_id = $1 ORDER BY at`,
      [id],
    );
    return {
      ...(await this.view(staff, d)),
      actions: actions.map((a) => ({
        action: String(a['action']),
        reason: String(a['reason']),
        actor: String(a['actor']),
        actorUnit: String(a['actor_unit']),
        at: new Date(a['at'] as string).toISOString(),
      })),
    };
  }

  /** A dead or skipped delivery goes out again (attempts start over), recorded with who asked and why. */
  async replay(staff: StaffPrincipal, id: string, reason: string): Promise<DeliveryView> {
    const now = this.clock.now();
    const d = await this.dataSource.transaction(async (m) => {
      const found = await this.deliveries.get(m, id, true);
      if (!found) throw NOT_FOUND;
      if (found.status !== 'dead' && found.status !== 'skipped') {
        throw new DomainException(
          'DELIVERY_NOT_DEAD',
          'conflict',
          {
            zh: `该投递状态为${found.status}，只能重放失败或跳过的投递`,
            en: `the delivery is ${found.status}: only dead or skipped ones are replayed`,
          },
          { status: found.status },
        );
      }
      await this.deliveries.requeue(m, id, now, now);
      await m.query(
        `INSERT INTO delivery_actions (id, delivery_id, action, reason, actor, actor_unit, at) VALUES ($1, $2, 'replay', $3, $4, $5, $6)`,
        [uuidv7(), id, reason, staff.subject, staff.unitId, now],
      );
      return { ...found, status: 'pending' as const, attempts: 0, updatedAt: now.toISOString() };
    });
    return this.view(staff, d);
  }

  private async view(staff: StaffPrincipal, row: DeliveryRow): Promise<DeliveryView> {
    const d = { ...row, kindName: NOTICE_TEMPLATES[row.kind]?.name ?? null };
    if (!d.caseId) return d;
    const found = await this.cases.read(this.dataSource.manager, d.caseId);
    const full = found !== null && (await this.visibility.access(staff, found.facts)) === 'full';
    return full ? d : { ...d, params: null, redaction: PARAMS_REDACTED };
  }
}
