import type { DecisionError, DecisionErrorCode } from '@sunshine/domain';
import { DomainException, type ErrorKind, type StaffPrincipal } from '@sunshine/platform';

/**
 * The one answer for a missing case, a wrong query code and a case the caller may not see: nothing tells them apart.
 */
export function caseNotFound(): DomainException {
  return new DomainException('CASE_NOT_FOUND', 'not-found', {
    zh: '未找到该信访事项，或信访件编号、查询码不正确',
    en: 'no such case, or the case number or query code is wrong',
  });
}

/** A registered fact that does not fit (unknown division, unit …): 422 naming the field. */
export function unprocessableField(code: string, field: string, zh: string, en: string): DomainException {
  return new DomainException(code, 'unprocessable', { zh, en }, { fields: [{ field, reason: `${zh} / ${en}` }] });
}

export function forbidden(code: string, zh: string, en: string): DomainException {
  return new DomainException(code, 'forbidden', { zh, en });
}

export function requireStaff(staff: StaffPrincipal | undefined): StaffPrincipal {
  if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
  return staff;
}

const KIND: Partial<Record<DecisionErrorCode, ErrorKind>> = {
  ILLEGAL_TRANSITION: 'conflict',
  ALREADY_RATED: 'conflict',
  REVIEW_REQUESTED: 'conflict',
  INVALID_COMMAND: 'invalid',
};

/** A refusal of the domain's decide as an HTTP answer: 409 for a state conflict, else 422, with decide's message. */
export function refusal(error: DecisionError, details?: Record<string, unknown>): DomainException {
  return new DomainException(error.code, KIND[error.code] ?? 'unprocessable', error.message, {
    status: error.status,
    ...(error.details ? { reasons: error.details } : {}),
    ...details,
  });
}
