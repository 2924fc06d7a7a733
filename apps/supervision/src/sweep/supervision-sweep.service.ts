import { Injectable, Logger } from '@nestjs/common';

import { BacklogService } from '../backlog/backlog.service';
import { DueCheckService } from '../ledger/due-check.service';
import { EscalationService } from '../orders/escalation.service';

/** One pass of everything time moves: the ledger's notices, unanswered orders going up a level, cases turning 积案. */
@Injectable()
export class SupervisionSweepService {
  private readonly logger = new Logger(SupervisionSweepService.name);

  constructor(
    private readonly dueCheck: DueCheckService,
    private readonly escalation: EscalationService,
    private readonly backlog: BacklogService,
  ) {}

  async run(): Promise<void> {
    const raised = await this.dueCheck.scan();
    const escalated = await this.escalation.scan();
    const registered = await this.backlog.scan();
    if (raised + escalated + registered > 0) {
      this.logger.log(`sweep: ${raised} clock notices, ${escalated} escalations, ${registered} backlog registrations`);
    }
  }

  checkCase(caseId: string): Promise<number> {
    return this.dueCheck.checkCase(caseId);
  }
}
