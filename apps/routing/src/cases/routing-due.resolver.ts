import { Injectable, Logger } from '@nestjs/common';
import { type CaseState, inboxDue } from '@sunshine/domain';
import { CaseDueResolver, Clock, DeadlineContextSource } from '@sunshine/platform';

/**
 * The replica's `due_at` in routing: the next duty the holding unit must meet (dispatch, the acceptance decision,
 * handling, 交办 feedback, an order's answer), from the domain's clocks of the case on the replicated calendar and
 * policies. The inbox and the desk sort and filter by it.
 */
@Injectable()
export class RoutingDueResolver extends CaseDueResolver {
  private readonly logger = new Logger(RoutingDueResolver.name);

  constructor(
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  dueOf(state: CaseState): { readonly dueAt: string; readonly provisional: boolean } | null {
    try {
      const due = inboxDue(state, { ...this.deadlines.current(), asOf: this.clock.now() });
      return due ? { dueAt: due.dueAt, provisional: due.provisional } : null;
    } catch (error) {
      // A clock that cannot be computed (e.g. a policy error) leaves the case unsorted rather than failing the event.
      this.logger.warn(`no due for case ${state.caseId ?? '-'}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
