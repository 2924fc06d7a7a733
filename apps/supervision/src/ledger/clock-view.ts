import type { Stage } from '@sunshine/contracts';

import type { ClockRow, ClockStatus } from './clock-row';

/** A clock of the ledger as the API shows it (a case's clocks, the overdue lists). */
export interface ClockView {
  readonly clockId: string;
  readonly kind: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly article: string;
  readonly startAt: string;
  readonly dueAt: string;
  readonly lastDay: string;
  /** Counted on a year whose holidays are not published yet: recounted when they are. */
  readonly provisional: boolean;
  readonly status: ClockStatus;
  /** Satisfied after its due. */
  readonly late: boolean | null;
  readonly stoppedAt: string | null;
}

export function clockViewOf(row: ClockRow): ClockView {
  return {
    clockId: row.id,
    kind: row.kind,
    stage: row.stage,
    unitId: row.unitId,
    article: row.article,
    startAt: row.startAt,
    dueAt: row.dueAt,
    lastDay: row.lastDay,
    provisional: row.provisional,
    status: row.status,
    late: row.late,
    stoppedAt: row.stoppedAt,
  };
}
