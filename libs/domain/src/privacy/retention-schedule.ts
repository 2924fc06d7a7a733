import { z } from 'zod';

/** The records holding personal information that the retention job erases or de-identifies, each after its period. */
export const RetainedRecords = ['case', 'appointment', 'reception', 'hotline-order', 'notification-delivery'] as const;
export type RetainedRecord = (typeof RetainedRecords)[number];

/** The instant a period counts from. */
export type RetentionStart =
  /** the case became terminal (closed, finalized, withdrawn) and stayed so */
  | 'case-terminal'
  /** the leader's reception ended */
  | 'reception-end'
  /** the delivery ended (delivered, skipped or given up) */
  | 'delivery-end';

/** One line of the retention schedule (个人信息保存期限, 《个人信息保护法》第19条). */
export interface RetentionPeriod {
  readonly record: RetainedRecord;
  /** The service whose schema holds the records, which runs their step. */
  readonly heldBy: 'intake' | 'notification';
  readonly from: RetentionStart;
  readonly days: number;
  /** What goes, in the words of docs/privacy.md. */
  readonly what: string;
}

/** Periods are at least 30 days and at most 100 years. */
export const retentionDaysSchema = z.coerce.number().int().min(30).max(36500);

/**
 * 保存期限表 The retention schedule: the one place the periods are written down (defaults; a deployment overrides the
 * days per record, PII_RETENTION_DAYS / PII_RETENTION_PERIODS). Set them to what the local archive rules for petition
 * files prescribe.
 */
export const RETENTION_SCHEDULE: readonly RetentionPeriod[] = [
  {
    record: 'case',
    heldBy: 'intake',
    from: 'case-terminal',
    days: 1095,
    what: '信访人身份与联系方式、信访事项内容、附件、告知信息 petitioner, dossier, attachments, messages',
  },
  {
    record: 'appointment',
    heldBy: 'intake',
    from: 'reception-end',
    days: 365,
    what: '领导接待预约人姓名、电话、事由 the booker’s name, phone and subject (with its case, when it led to one)',
  },
  { record: 'reception', heldBy: 'intake', from: 'reception-end', days: 1095, what: '接待领导姓名 the receiving leader’s name' },
  { record: 'hotline-order', heldBy: 'intake', from: 'case-terminal', days: 1095, what: '12345工单编号 the hotline order number' },
  {
    record: 'notification-delivery',
    heldBy: 'notification',
    from: 'delivery-end',
    days: 180,
    what: '送达记录的地址（掩码）、模板参数、服务商回执 masked address, parameters, provider reply',
  },
];

/** The overrides a deployment may give: days per record (PII_RETENTION_PERIODS, JSON). */
export const retentionOverridesSchema = z.partialRecord(z.enum(RetainedRecords), retentionDaysSchema);
export type RetentionOverrides = z.infer<typeof retentionOverridesSchema>;

/** The schedule with a deployment's overrides applied, by record. */
export function retentionSchedule(overrides: RetentionOverrides = {}): ReadonlyMap<RetainedRecord, RetentionPeriod> {
  return new Map(RETENTION_SCHEDULE.map((p) => [p.record, { ...p, days: overrides[p.record] ?? p.days }]));
}

/** The instant a record's period must have started by to be due at `now`. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
