import { DomainException } from '../errors/domain.exception';
import { headerParam, type HeaderRequest } from './header-param.decorator';

export const IF_MATCH_HEADER = 'If-Match';

/** Reads `If-Match: "7"` (or W/"7", 7) or the body's `expectedVersion` (which wins); null when neither is given. */
export function parseExpectedVersion(ifMatch: unknown, body: unknown): number | null {
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['expectedVersion'] : undefined;
  if (fromBody !== undefined) return Number.isInteger(fromBody) && (fromBody as number) >= 0 ? (fromBody as number) : NaN;
  if (typeof ifMatch !== 'string') return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : NaN;
}

/**
 * The version a client sent with an action, or why it is missing. Read before the handler runs, checked by the action
 * (`requireVersion`, CaseCommands) after the case's visibility: a case the caller may not see answers 404 first.
 */
export type ExpectedVersion = number | MissingVersion;

/** No usable version was sent: `required` (none) or the rule a malformed one broke. */
export class MissingVersion {
  constructor(readonly reason: 'required' | 'a whole number ≥ 0') {}
}

/** The version, or 400 VERSION_REQUIRED naming the field. */
export function requireVersion(version: ExpectedVersion): number {
  if (typeof version === 'number') return version;
  throw new DomainException(
    'VERSION_REQUIRED',
    'invalid',
    {
      zh: '请提供该信访事项的版本号（If-Match 或 expectedVersion）',
      en: 'send the case version you acted on (If-Match or expectedVersion)',
    },
    { fields: [{ field: 'expectedVersion', reason: version.reason }] },
  );
}

function expectedVersion(request: HeaderRequest): ExpectedVersion {
  const version = parseExpectedVersion(request.headers['if-match'], request.body);
  if (version === null) return new MissingVersion('required');
  return Number.isNaN(version) ? new MissingVersion('a whole number ≥ 0') : version;
}

/**
 * The case version the client acted on (optimistic concurrency), from `If-Match` or the body's `expectedVersion`:
 * 400 VERSION_REQUIRED when missing or malformed (from the action, once the case is known to be visible: 404 first); a
 * stale one gets 409 VERSION_CONFLICT from the action. Documented as
 * the If-Match header (and, by buildOpenApiDocument, as `expectedVersion` in the body).
 */
export const IfMatchVersion = headerParam('IfMatchVersion', expectedVersion, {
  name: IF_MATCH_HEADER,
  required: false,
  description:
    '该信访事项的版本号（取自 GET 的 ETag），或在请求体中给出 expectedVersion；缺少时 400 VERSION_REQUIRED，已过时 409 VERSION_CONFLICT / ' +
    'the case version you acted on (the ETag of GET), or `expectedVersion` in the body; missing: 400 VERSION_REQUIRED, stale: 409 VERSION_CONFLICT',
  schema: { type: 'string', example: '"7"' },
});
