/**
 * A timestamp column as an ISO-8601 UTC string, milliseconds kept. node-postgres returns timestamptz as Date
 * (String(date) would drop the milliseconds and the order of events within a second).
 */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
