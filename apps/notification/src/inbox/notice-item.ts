/** One in-app notice as staff read it (and as the stream pushes it). */
export interface NoticeItem {
  readonly id: string;
  readonly unitId: string;
  readonly roles: readonly string[];
  readonly kind: string;
  readonly caseId: string | null;
  readonly eventType: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly read: boolean;
}

/** The NOTIFY channel of a schema's in-app notices. */
export function noticeChannel(schema: string): string {
  return `sunshine_notices_${schema}`.slice(0, 63);
}
