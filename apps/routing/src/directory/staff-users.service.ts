import { Injectable } from '@nestjs/common';
import { DomainException, type StaffRole } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

export interface StaffUser {
  readonly subject: string;
  readonly unitId: string;
  readonly roles: readonly StaffRole[];
  readonly active: boolean;
  readonly updatedAt: string;
}

type Row = { subject: string; unit_id: string; roles: StaffRole[]; active: boolean; updated_at: Date };
const toUser = (r: Row): StaffUser => ({
  subject: r.subject,
  unitId: r.unit_id,
  roles: r.roles,
  active: r.active,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Staff users and their unit (the identity provider's subject, never a name): who may be named handler (经办人) of a
 * unit's case. Tokens still carry the roles; this registry is what a unit's head picks from.
 */
@Injectable()
export class StaffUsersService {
  async get(m: EntityManager, subject: string): Promise<StaffUser | null> {
    const [row] = await m.query<Row[]>(`SELECT * FROM staff_users WHERE subject = $1`, [subject]);
    return row ? toUser(row) : null;
  }

  async ofUnit(m: EntityManager, unitId: string): Promise<StaffUser[]> {
    return (await m.query<Row[]>(`SELECT * FROM staff_users WHERE unit_id = $1 AND active ORDER BY subject`, [unitId])).map(toUser);
  }

  async put(
    m: EntityManager,
    user: { subject: string; unitId: string; roles: readonly StaffRole[]; active: boolean },
    by: string,
  ): Promise<StaffUser> {
    const [row] = await m.query<Row[]>(
      `INSERT INTO staff_users (subject, unit_id, roles, active, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject) DO UPDATE SET unit_id = $2, roles = $3, active = $4, updated_by = $5, updated_at = now() RETURNING *`,
      [user.subject, user.unitId, [...user.roles], user.active, by],
    );
    if (!row) throw new Error('staff user not saved');
    return toUser(row);
  }

  /** A registered handler must belong to the unit (an unregistered subject is taken as the identity provider vouches for it). */
  async assertMember(m: EntityManager, subject: string, unitId: string): Promise<void> {
    const user = await this.get(m, subject);
    if (user && (user.unitId !== unitId || !user.active)) {
      throw new DomainException(
        'HANDLER_NOT_IN_UNIT',
        'unprocessable',
        { zh: '经办人不属于本单位', en: 'the handler is not staff of this unit' },
        { handlerId: subject },
      );
    }
  }
}
