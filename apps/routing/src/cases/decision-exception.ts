import type { DecisionError, DecisionErrorCode } from '@sunshine/domain';
import { DomainException } from '@sunshine/platform';

// A rule of the law or a malformed command: 422. Everything else conflicts with the case's current state: 409.
const UNPROCESSABLE: readonly DecisionErrorCode[] = [
  'INVALID_COMMAND',
  'EXTENSION_TOO_LONG',
  'REPLY_NOT_APPROVED',
  'OBJECTED_TWICE',
  'WINDOW_EXPIRED',
  'NOT_REVIEWABLE',
  'NO_FURTHER_REVIEW',
];

/** decide's refusal as the error a clerk reads: the domain's code and message, the status met and specifics. */
export function decisionException(error: DecisionError): DomainException {
  return new DomainException(error.code, UNPROCESSABLE.includes(error.code) ? 'unprocessable' : 'conflict', error.message, {
    status: error.status,
    command: error.command,
    ...(error.details ? { reasons: error.details } : {}),
  });
}
