import type { SendResult } from '../channel';

/** What nodemailer's SMTP transport throws: an error code and, when the server answered, its reply code. */
export interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly message: string;
}

/**
 * An SMTP failure as a channel outcome: a permanent reply (5xx: unknown mailbox, refused sender) → rejected; a
 * temporary one (4xx: greylisting, a full queue) and no answer at all (connection, timeout, TLS) → retry.
 */
export function smtpOutcome(failure: SmtpFailure): SendResult {
  // A server's reply often names the recipient; the reason is stored with the delivery, so the address is masked.
  const message = failure.message.replace(/[^\s<>"':;,]+@([^\s<>"':;,]+)/g, (_, domain: string) => `***@${domain}`);
  const reason = `${failure.code ?? 'SMTP'}${failure.responseCode ? ` ${failure.responseCode}` : ''}: ${message}`;
  if (failure.responseCode !== undefined && failure.responseCode >= 500) return { outcome: 'rejected', reason };
  if (failure.code === 'EENVELOPE' && failure.responseCode === undefined) return { outcome: 'rejected', reason };
  return { outcome: 'retry', reason };
}
