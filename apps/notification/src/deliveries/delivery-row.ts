import type { ChannelName } from '../channels/channel';
import type { NoticeParams } from '../templates/notice-params';

/** `sending`: an attempt is calling the provider (or was, when it crashed or got no answer): the next one is in doubt. */
export const DELIVERY_STATUSES = ['pending', 'queued', 'sending', 'delivered', 'skipped', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One delivery as notification keeps it: no address in clear, ever (only `addressMasked`). */
export interface DeliveryRow {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  /** `unit:<unit id>` or `petitioner:<case id>`. */
  readonly recipient: string;
  readonly channel: ChannelName;
  readonly kind: string;
  readonly caseId: string | null;
  readonly unitId: string | null;
  readonly roles: readonly string[];
  readonly legalKind: string | null;
  readonly urgent: boolean;
  readonly ruleVersion: number;
  readonly params: NoticeParams;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly notBefore: string;
  readonly addressMasked: string | null;
  readonly providerId: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  /** The last change (for a `sending` one: since when it has been in doubt). */
  readonly updatedAt: string;
  readonly deliveredAt: string | null;
}

/** The NOTIFY channel that wakes the queue feeder when deliveries commit (one per schema). */
export function deliveryChannel(schema: string): string {
  return `sunshine_deliveries_${schema}`.slice(0, 63);
}

export const DELIVERY_COLUMNS = `id, event_id, event_type, recipient, channel, kind, case_id, unit_id, roles, legal_kind, urgent, rule_version,
  params, status, attempts, not_before, address_masked, provider_id, last_error, created_at, updated_at, delivered_at`;

export function deliveryOf(r: Record<string, unknown>): DeliveryRow {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: String(r['id']),
    eventId: String(r['event_id']),
    eventType: String(r['event_type']),
    recipient: String(r['recipient']),
    channel: r['channel'] as ChannelName,
    kind: String(r['kind']),
    caseId: (r['case_id'] as string | null) ?? null,
    unitId: (r['unit_id'] as string | null) ?? null,
    roles: (r['roles'] as string[] | null) ?? [],
    legalKind: (r['legal_kind'] as string | null) ?? null,
    urgent: Boolean(r['urgent']),
    ruleVersion: Number(r['rule_version']),
    params: (r['params'] as NoticeParams | null) ?? {},
    status: r['status'] as DeliveryStatus,
    attempts: Number(r['attempts']),
    notBefore: iso(r['not_before']) ?? '',
    addressMasked: (r['address_masked'] as string | null) ?? null,
    providerId: (r['provider_id'] as string | null) ?? null,
    lastError: (r['last_error'] as string | null) ?? null,
    createdAt: iso(r['created_at']) ?? '',
    updatedAt: iso(r['updated_at']) ?? '',
    deliveredAt: iso(r['delivered_at']),
  };
}
