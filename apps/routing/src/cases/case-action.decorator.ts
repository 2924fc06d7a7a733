import { type StaffRole, StaffRoute } from '@sunshine/platform';

/**
 * One act on a case (`POST …/<path>`, the version read given as If-Match): answers 200 with the case's new version and
 * the events the act emitted (ActionResult), to callers holding one of `roles` (else 403 ROLE_REQUIRED, or `code`);
 * `summary` names the act and its event for OpenAPI.
 */
export function CaseAction(path: string, roles: readonly StaffRole[], summary: string, code?: string): MethodDecorator {
  return StaffRoute('POST', path, { roles, summary, code, status: 200 });
}

/** The refusal code of an act that is the head's decision (审签: approving a reply, deciding not to accept), for any other role. */
export const HEAD_DECISION = 'HEAD_DECISION_REQUIRED';
