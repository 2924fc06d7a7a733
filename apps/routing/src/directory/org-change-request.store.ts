import { Injectable } from '@nestjs/common';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import type { EntityManager } from 'typeorm';

import type { UnitChanges } from './org-admin.dto';
import type { ChangeRequestListQuery, ChangeRequestStatus } from './org-change-request.dto';
import type { UnitDraft } from './org-directory.service';

/** A recorded change request: who proposed what and why, who decided, and the unit before and after. */
export interface OrgChangeRequest {
  readonly id: string;
  readonly action: 'create' | 'update';
  readonly unitId: string;
  /** What was asked: the new unit (create) or the trust-bearing fields (update). */
  readonly changes: UnitDraft | UnitChanges;
  /** The unit when proposed (null for a new one). */
  readonly before: OrgUnitSnapshot | null;
  /** The unit as proposed; once applied, the snapshot published (with its revision). */
  readonly after: UnitDraft | OrgUnitSnapshot;
  readonly reason: string;
  readonly status: ChangeRequestStatus;
  readonly proposedBy: string;
  readonly proposedByUnit: string;
  readonly proposedAt: string;
  readonly decidedBy: string | null;
  readonly decidedByUnit: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly appliedRevision: number | null;
}

export type NewChangeRequest = Pick<
  OrgChangeRequest,
  'id' | 'action' | 'unitId' | 'changes' | 'before' | 'after' | 'reason' | 'proposedBy' | 'proposedByUnit'
>;

export interface Decision {
  readonly status: 'applied' | 'rejected';
  readonly by: string;
  readonly byUnit: string;
  readonly note: string | null;
  readonly after?: OrgUnitSnapshot;
}

interface Row {
  id: string;
  action: 'create' | 'update';
  unit_id: string;
  changes: UnitDraft | UnitChanges;
  before: OrgUnitSnapshot | null;
  after: UnitDraft | OrgUnitSnapshot;
  reason: string;
  status: ChangeRequestStatus;
  proposed_by: string;
  proposed_by_unit: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_by_unit: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  applied_revision: number | null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const toRequest = (r: Row): OrgChangeRequest => ({
  id: r.id,
  action: r.action,
  unitId: r.unit_id,
  changes: r.changes,
  before: r.before,
  after: r.after,
  reason: r.reason,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedByUnit: r.proposed_by_unit,
  proposedAt: new Date(r.proposed_at).toISOString(),
  decidedBy: r.decided_by,
  decidedByUnit: r.decided_by_unit,
  decidedAt: iso(r.decided_at),
  decisionNote: r.decision_note,
  appliedRevision: r.applied_revision,
});

/** The table `org_change_requests`. */
@Injectable()
export class OrgChangeRequestStore {
  async insert(m: EntityManager, r: NewChangeRequest): Promise<OrgChangeRequest> {
    const [row] = await m.query<Row[]>(
      `INSERT INTO org_change_requests (id, action, unit_id, changes, before, after, reason, proposed_by, proposed_by_unit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        r.id,
        r.action,
        r.unitId,
        JSON.stringify(r.changes),
        r.before ? JSON.stringify(r.before) : null,
        JSON.stringify(r.after),
        r.reason,
        r.proposedBy,
        r.proposedByUnit,
      ],
    );
    if (!row) throw new Error('change request not saved');
    return toRequest(row);
  }

  async get(m: EntityManager, id: string, forUpdate = false): Promise<OrgChangeRequest | null> {
    const [row] = await m.query<Row[]>(`SELECT * FROM org_change_requests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toRequest(row) : null;
  }

  async pendingFor(m: EntityManager, unitId: string): Promise<OrgChangeRequest | null> {
    const [row] = await m.query<Row[]>(`SELECT * FROM org_change_requests WHERE unit_id = $1 AND status = 'pending'`, [unitId]);
    return row ? toRequest(row) : null;
  }

  async decide(m: EntityManager, id: string, d: Decision): Promise<OrgChangeRequest> {
    const [rows] = await m.query<[Row[], number]>(
      `UPDATE org_change_requests SET status = $2, decided_by = $3, decided_by_unit = $4, decided_at = now(), decision_note = $5,
         after = coalesce($6::jsonb, after), applied_revision = $7
       WHERE id = $1 AND status = 'pending' RETURNING *`,
      [id, d.status, d.by, d.byUnit, d.note, d.after ? JSON.stringify(d.after) : null, d.after?.revision ?? null],
    );
    const updated = rows[0];
    if (!updated) throw new Error(`change request ${id} was not pending`);
    return toRequest(updated);
  }

  /** Newest first, by status and unit. */
  async list(m: EntityManager, q: ChangeRequestListQuery): Promise<{ items: OrgChangeRequest[]; total: number }> {
    const params: unknown[] = [];
    const add = (v: unknown): string => `$${params.push(v)}`;
    const where = ['true'];
    if (q.status) where.push(`status = ${add(q.status)}`);
    if (q.unitId) where.push(`unit_id = ${add(q.unitId)}`);
    const clause = where.join(' AND ');
    const [count] = await m.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM org_change_requests WHERE ${clause}`, params);
    const rows = await m.query<Row[]>(
      `SELECT * FROM org_change_requests WHERE ${clause} ORDER BY proposed_at DESC, id DESC LIMIT ${add(q.limit)} OFFSET ${add(q.offset)}`,
      params,
    );
    return { items: rows.map(toRequest), total: Number(count?.n ?? 0) };
  }
}
