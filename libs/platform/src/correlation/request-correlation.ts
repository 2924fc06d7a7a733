import type { IncomingMessage } from 'node:http';

/** The correlation id the hook chose for each raw request, for code that sees only Node's request (the trace span). */
const chosen = new WeakMap<object, string>();

export function rememberRequestCorrelation(request: IncomingMessage, correlationId: string): void {
  chosen.set(request, correlationId);
}

/** The id of a request the hook saw; undefined for any other object (an outgoing ClientRequest). */
export function requestCorrelation(request: object): string | undefined {
  return chosen.get(request);
}
