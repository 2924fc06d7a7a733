export type DeadlineErrorCode =
  | 'UNKNOWN_CLOCK'
  | 'AMOUNT_REQUIRED'
  | 'AMOUNT_FIXED'
  | 'EXTENSION_NOT_ALLOWED'
  | 'EXTENSION_EXCEEDS_MAX'
  | 'OPEN_PAUSE_NEEDS_AS_OF'
  | 'INVALID_POLICY';

/** A deadline that cannot be computed as asked; services map the code to a 4xx or a dead letter. */
export class DeadlineError extends Error {
  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeadlineError';
  }
}
