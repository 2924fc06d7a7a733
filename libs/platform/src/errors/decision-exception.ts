import type { DecisionError, DecisionErrorCode } from '@sunshine/domain';

import { DomainException, type ErrorKind } from './domain.exception';

/**
 * decide's refusals as HTTP, the same in every service: a malformed command 400; a unit acting on a case it may not act
 * on 403; a rule of the law that refuses 422; anything else meets the case in the wrong state: 409 (as does a stale
 * version, raised by the command runner). Not visible is 404 (the visibility rule), before decide is asked.
 */
const KIND: Readonly<Partial<Record<DecisionErrorCode, ErrorKind>>> = {
  INVALID_COMMAND: 'invalid',
  NOT_HOLDING_UNIT: 'forbidden',
  NOT_DECIDING_UNIT: 'forbidden',
  NOT_ASSISTING_UNIT: 'forbidden',
  EXTENSION_TOO_LONG: 'unprocessable',
  REPLY_NOT_APPROVED: 'unprocessable',
  OBJECTED_TWICE: 'unprocessable',
  WINDOW_EXPIRED: 'unprocessable',
  NOT_REVIEWABLE: 'unprocessable',
  NO_FURTHER_REVIEW: 'unprocessable',
  NOT_ASSIGNED_CASE: 'unprocessable',
};

export function decisionErrorKind(code: DecisionErrorCode): ErrorKind {
  return KIND[code] ?? 'conflict';
}

/** decide's refusal as the error a clerk reads: the domain's code and message, the status met and the specifics. */
export function decisionException(error: DecisionError): DomainException {
  return new DomainException(error.code, decisionErrorKind(error.code), error.message, {
    status: error.status,
    command: error.command,
    ...(error.details ? { reasons: error.details } : {}),
  });
}

/** The one answer for a case the caller may not see, exactly as for one that does not exist. */
export const CASE_NOT_FOUND = new DomainException('CASE_NOT_FOUND', 'not-found', {
  zh: '信访事项不存在或无权查看',
  en: 'no such case in your unit or territory',
});

/** The client acted on an older version of the case (If-Match / expectedVersion). */
export function versionConflict(expected: number, current: number): DomainException {
  return new DomainException(
    'VERSION_CONFLICT',
    'conflict',
    { zh: '该信访事项已被他人更新，请刷新后重试', en: 'the case changed since you read it: reload and retry' },
    { expectedVersion: expected, currentVersion: current },
  );
}
