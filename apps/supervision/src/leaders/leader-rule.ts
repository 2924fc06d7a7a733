import type { CaseAccessLevel } from '@sunshine/domain';
import { DomainException } from '@sunshine/platform';

import type { StaffUserRecord } from './routing-staff.client';

const refuse = (code: string, zh: string, en: string, details: Record<string, unknown>) =>
  new DomainException(code, 'unprocessable', { zh, en }, details);

/**
 * Why `subject` cannot be the leader in charge (包案) of a case, or null: a registered, active staff user with the
 * leader role (党政领导), of a unit in the directory that may know of the case (on an accusation, only the discipline
 * chain reads it: Art 30). `unitAccess` is what the leader's unit may know of the case (null: not in the directory).
 */
export function leaderRefusal(subject: string, user: StaffUserRecord | null, unitAccess: CaseAccessLevel | null): DomainException | null {
  if (user === null) {
    return refuse('LEADER_NOT_STAFF', `包案领导（${subject}）不在工作人员名册中`, `the leader ${subject} is no registered staff user`, {
      leaderRef: subject,
    });
  }
  if (!user.active) {
    return refuse('LEADER_INACTIVE', `包案领导（${subject}）已停用`, `the leader ${subject} is no longer active`, { leaderRef: subject });
  }
  if (!user.roles.includes('leader')) {
    return refuse('LEADER_ROLE_REQUIRED', `被指定人员（${subject}）不是领导干部`, `${subject} does not hold the leader role`, {
      leaderRef: subject,
    });
  }
  if (unitAccess === null) {
    return refuse(
      'LEADER_UNIT_UNKNOWN',
      `包案领导所在单位（${user.unitId}）不在单位目录中`,
      `the leader's unit ${user.unitId} is not in the directory`,
      { unitId: user.unitId },
    );
  }
  if (unitAccess === 'none') {
    return refuse(
      'LEADER_UNIT_CANNOT_SEE_CASE',
      `包案领导所在单位（${user.unitId}）无权知悉本信访事项`,
      `the leader's unit ${user.unitId} may not know of this case`,
      { unitId: user.unitId },
    );
  }
  return null;
}
