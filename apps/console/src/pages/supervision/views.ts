import type { CaseStatus, PetitionType, Stage, SupervisionTrigger } from '@sunshine/contracts';

// What the supervision pages read from the supervision service's answers (success bodies not in its OpenAPI document
// yet; the shapes are the service's ClockListItem, OrderView, EscalationView, BacklogView, AlertView, LeaderCase,
// CityListItem).

export interface ClockRow {
  readonly clockId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly kind: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly article: string;
  readonly startAt: string;
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly status: string;
  readonly late: boolean | null;
  readonly stoppedAt: string | null;
}

export interface OrderRow {
  readonly orderId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly unitId: string;
  readonly byUnitId: string;
  readonly supervisingUnitId: string;
  readonly trigger: SupervisionTrigger;
  readonly reason: { readonly code: string; readonly text?: string };
  readonly issuedAt: string;
  readonly answerDueAt: string;
  readonly answerDueProvisional: boolean;
  readonly status: 'open' | 'answered' | 'overdue';
  readonly answeredAt: string | null;
  readonly answerSummary: string | null;
  readonly escalationStep: number;
  readonly reminders: number;
}

export interface EscalationRow {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly orderId: string | null;
  readonly unitId: string;
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly policyStep: number;
  readonly reasonCode: string;
  readonly escalatedAt: string;
}

export interface BacklogRow {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly caseStatus: string | null;
  readonly unitId: string;
  readonly status: 'registered' | 'cleared';
  readonly reasonCode: string;
  readonly plan: string | null;
  readonly planDueDate: string | null;
  readonly registeredAt: string;
  readonly clearedAt: string | null;
}

export interface AlertRow {
  readonly alertId: string;
  readonly kind: string;
  readonly level: string;
  readonly divisionCode: string;
  readonly category: string | null;
  readonly count: number;
  readonly threshold: number;
  readonly sensitivePeriod: string | null;
  readonly caseIds: string[];
  readonly raisedAt: string;
}

export interface CaseRow {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
  readonly registeredAt: string | null;
  readonly updatedAt: string;
  readonly overdue: boolean;
  readonly supervised: boolean;
  readonly leaderRef: string | null;
  readonly backlog: boolean;
  readonly subject?: string | null;
  readonly holdingUnitName?: string | null;
  readonly placeName?: string | null;
}

export interface LeaderRow extends CaseRow {
  readonly assignedAt: string;
  readonly assignedBy: string;
  readonly leaderUnitId: string;
}
