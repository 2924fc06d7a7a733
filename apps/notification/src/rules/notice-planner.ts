import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { caseAccess, type CaseState, caseViewerOf, type CaseVisibilityFacts, divisionContains, type OrgDirectory } from '@sunshine/domain';
import type { StaffRole } from '@sunshine/platform';

import type { NoticeRule, RuleCondition, UnitTarget } from './notice-rule';

/** What a rule decided for one event: one notice to one recipient on one channel. */
export interface PlannedNotice {
  readonly rule: NoticeRule;
  readonly recipient:
    { readonly kind: 'unit'; readonly unitId: string; readonly roles: readonly StaffRole[] } | { readonly kind: 'petitioner' };
  readonly channel: NoticeRule['channels'][number];
}

/** The event as the planner reads it: its type and payload, and the case it is about (absent for an alert). */
export interface PlannedEvent {
  readonly type: string;
  readonly payload: unknown;
  readonly case?: { readonly state: CaseState; readonly facts: CaseVisibilityFacts };
  /** Alerts: the cases it counts, each with its visibility facts (a unit is told only if it may see every one). */
  readonly alertCases?: readonly CaseVisibilityFacts[];
}

const SUPERVISING_KINDS = ['petition-bureau', 'petition-office'];

/**
 * The notices one event calls for under a rule table. Pure: the rules, the event, the case and the directory decide.
 * A unit that may not see the case by the one visibility rule (caseAccess) is dropped, whatever the rule says: the
 * accused side of an accusation is never told anything.
 */
export function planNotices(rules: readonly NoticeRule[], event: PlannedEvent, directory: OrgDirectory): PlannedNotice[] {
  const planned: PlannedNotice[] = [];
  for (const rule of rules) {
    if (rule.event !== event.type || !(rule.when ?? []).every((c) => holds(c, event))) continue;
    if (rule.recipient.kind === 'petitioner') {
      if (!event.case) continue;
      for (const channel of rule.channels) planned.push({ rule, recipient: { kind: 'petitioner' }, channel });
      continue;
    }
    const roles = rule.recipient.roles;
    for (const unitId of unitsOf(rule.recipient.unit, event, directory)) {
      if (!maySee(unitId, event, directory)) continue;
      for (const channel of rule.channels) planned.push({ rule, recipient: { kind: 'unit', unitId, roles }, channel });
    }
  }
  return planned;
}

function holds(condition: RuleCondition, event: PlannedEvent): boolean {
  const [root, field] = condition.path.split('.') as ['payload' | 'case', string];
  const source = root === 'payload' ? event.payload : event.case?.state;
  const value = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[field] : undefined;
  return condition.in.some((v) => v === value);
}

function unitsOf(target: UnitTarget, event: PlannedEvent, directory: OrgDirectory): string[] {
  if (target.from === 'holding') return event.case?.state.holdingUnitId ? [event.case.state.holdingUnitId] : [];
  if (target.from === 'alert-division') {
    const division = field(event.payload, 'divisionCode');
    return typeof division === 'string' ? supervisorsOver(division, directory).map((u) => u.id) : [];
  }
  const value = field(event.payload, target.field);
  const ids = Array.isArray(value) ? value : [value];
  return [...new Set(ids.filter((v): v is string => typeof v === 'string'))];
}

/** The bureaus and petition offices whose territory holds the division (its own and every one above it). */
function supervisorsOver(division: string, directory: OrgDirectory): OrgUnitSnapshot[] {
  return directory.units.filter((u) => SUPERVISING_KINDS.includes(u.kind) && divisionContains(u.divisionCode, division));
}

function maySee(unitId: string, event: PlannedEvent, directory: OrgDirectory): boolean {
  const unit = directory.get(unitId);
  if (!unit) return false;
  const viewer = caseViewerOf(unitId, directory, unit.divisionCode);
  const facts = event.case ? [event.case.facts] : (event.alertCases ?? []);
  if (facts.length === 0) return false;
  return facts.every((f) => caseAccess(f, viewer).access !== 'none');
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
}
