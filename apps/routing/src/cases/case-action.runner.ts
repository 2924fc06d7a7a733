import { Injectable } from '@nestjs/common';
import type { CaseStatus, Stage } from '@sunshine/contracts';
import { CaseCommands, type CaseTx, type ExpectedVersion, type StaffPrincipal } from '@sunshine/platform';

export type { CaseTx } from '@sunshine/platform';

/** What a unit action answers: the case's new version (for the next If-Match) and the events it emitted. */
export interface ActionResult {
  readonly caseId: string;
  readonly version: number;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly holdingUnitId: string | null;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string }>;
}

/**
 * A unit action through the platform's CaseCommands (lock, visibility 404, If-Match version 409, the work in one
 * transaction, relay poke), answered as routing's clients read it.
 */
@Injectable()
export class CaseActionRunner {
  constructor(private readonly commands: CaseCommands) {}

  async act(
    caseId: string,
    staff: StaffPrincipal,
    expectedVersion: ExpectedVersion,
    work: (tx: CaseTx) => Promise<void>,
  ): Promise<ActionResult> {
    const { tx } = await this.commands.act(caseId, staff, { expectedVersion }, work);
    const s = tx.state;
    return {
      caseId,
      version: tx.current.revision,
      status: s.status,
      stage: s.stage,
      holdingUnitId: s.holdingUnitId,
      events: tx.events.map((e) => ({ id: e.id, type: e.type })),
    };
  }
}
