/** The message of whatever a client library threw (read by shape: an error from another realm fails `instanceof`). */
export function failureMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const cause =
      'cause' in error && typeof error.cause === 'object' && error.cause !== null && 'code' in error.cause
        ? ` (${String(error.cause.code)})`
        : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
