/** How a domain error maps onto a transport: HTTP status here, retry/dead-letter in the consumer. */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'not-found' | 'forbidden' | 'conflict' | 'too-large' | 'unprocessable' | 'rate-limited' | 'unavailable';

export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * Services throw this, never HTTP exceptions: a stable code, a bilingual message and optional details.
 * One filter per transport maps the kind to a status.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly localized: LocalizedMessage,
    readonly details?: unknown,
  ) {
    super(`${code}: ${localized.en}`);
  }
}
