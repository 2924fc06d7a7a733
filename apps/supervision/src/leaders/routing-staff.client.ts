import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException } from '@sunshine/platform';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

/** A staff user as routing's register knows it (the identity provider's subject, its unit and roles). */
export interface StaffUserRecord {
  readonly subject: string;
  readonly unitId: string;
  readonly roles: readonly string[];
  readonly active: boolean;
}

const TIMEOUT_MS = 3000;

export const STAFF_REGISTER_UNAVAILABLE = new DomainException('STAFF_REGISTER_UNAVAILABLE', 'unavailable', {
  zh: '暂时无法核对工作人员名册，请稍后再试',
  en: 'the staff register cannot be checked right now: try again later',
});

/**
 * Routing's staff register (`GET /org/users/:subject`), read with the caller's own token: who a named staff member is
 * and which unit they belong to. Null when routing does not know the subject.
 */
@Injectable()
export class RoutingStaffClient {
  private readonly logger = new Logger(RoutingStaffClient.name);

  constructor(@Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig) {}

  async user(subject: string, token: string): Promise<StaffUserRecord | null> {
    let res: Response;
    try {
      res = await fetch(`${this.config.routingUrl}/org/users/${encodeURIComponent(subject)}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn(`staff user ${subject}: routing unreachable (${error instanceof Error ? error.name : 'error'})`);
      throw STAFF_REGISTER_UNAVAILABLE;
    }
    if (res.status === 404) return null;
    if (res.status !== 200) {
      this.logger.warn(`staff user ${subject}: routing answered ${res.status}`);
      throw STAFF_REGISTER_UNAVAILABLE;
    }
    const body = (await res.json()) as Partial<StaffUserRecord>;
    if (typeof body.unitId !== 'string' || !Array.isArray(body.roles)) throw STAFF_REGISTER_UNAVAILABLE;
    return { subject, unitId: body.unitId, roles: body.roles, active: body.active !== false };
  }
}
