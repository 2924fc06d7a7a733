import { z } from 'zod';

// RFC 3339's offset, and the widest the world uses (UTC−12:00 … UTC+14:00): PostgreSQL refuses ±16:00 and beyond.
const OFFSET = /(?:([+-])(\d{2}):?(\d{2})|Z)$/i;
const MAX_OFFSET_MINUTES = 14 * 60;

function instantProblem(value: string): string | null {
  const m = OFFSET.exec(value);
  if (m?.[1] && Number(m[2]) * 60 + Number(m[3]) > MAX_OFFSET_MINUTES) return 'the UTC offset must lie within ±14:00';
  const year = new Date(value).getUTCFullYear();
  // PostgreSQL has no year 0 and toISOString() writes years past 9999 in a form it does not read.
  if (!(year >= 1 && year <= 9999)) return 'the instant must lie between the years 0001 and 9999 (UTC)';
  return null;
}

/**
 * An instant in a query or body: ISO 8601 with an offset, within ±14:00 and the years 0001–9999 (else 400 with the
 * reason), handed on as UTC (`2025-05-01T16:00:00.000Z`), so SQL and `Date` read it the same way.
 */
export const isoInstantSchema = z.iso
  .datetime({ offset: true })
  .superRefine((value, ctx) => {
    const problem = instantProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => new Date(value).toISOString());
