import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainException } from '@sunshine/platform';

interface VersionedRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** Reads `If-Match: "7"` (or W/"7", 7) or the body's `expectedVersion`; null when neither is given. */
export function parseExpectedVersion(ifMatch: unknown, body: unknown): number | null {
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['expectedVersion'] : undefined;
  if (fromBody !== undefined) return Number.isInteger(fromBody) && (fromBody as number) >= 0 ? (fromBody as number) : NaN;
  if (typeof ifMatch !== 'string') return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : NaN;
}

/**
 * The case version the client acted on (optimistic concurrency): required on every unit action, so two clerks
 * acting on one case are serialised and the second gets 409 VERSION_CONFLICT instead of acting on a stale view.
 */
export const ExpectedVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  const request = ctx.switchToHttp().getRequest<VersionedRequest>();
  const version = parseExpectedVersion(request.headers['if-match'], request.body);
  if (version === null || Number.isNaN(version)) {
    throw new DomainException(
      'VERSION_REQUIRED',
      'invalid',
      { zh: '请提供该信访事项的版本号（If-Match 或 expectedVersion）', en: 'send the case version you acted on (If-Match or expectedVersion)' },
      { fields: [{ field: 'expectedVersion', reason: version === null ? 'required' : 'a whole number ≥ 0' }] },
    );
  }
  return version;
});
