import type { CaseState } from '@sunshine/domain';

/** The next due of the case's holder, stored in `case_replica.due_at` for sorting inboxes (bound by services that sort). */
export abstract class CaseDueResolver {
  abstract dueOf(state: CaseState): { readonly dueAt: string; readonly provisional: boolean } | null;
}
