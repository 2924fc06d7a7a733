import { performance } from 'node:perf_hooks';

import {
  clockHistory,
  deadlineFor,
  DEFAULT_ROUTING_RULE_SET,
  defaultWorkingCalendar,
  type EvolvableEvent,
  fold,
  routePetition,
} from '@sunshine/domain';
import { loadDemoOrg } from '@sunshine/platform';

/**
 * Throughput of the pure rules every service runs on its hot path: routing decisions over the real demo directory
 * (1,280 units), deadline computations on the holiday calendar, and folds of a case's events. Prints figures; asserts
 * nothing (speed is shown here, never in tests).
 */
function measure(name: string, iterations: number, work: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(1000, iterations); i++) work(i); // warm-up
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) work(i);
  const ms = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  process.stdout.write(
    `${name.padEnd(44)} ${iterations.toString().padStart(8)} ops  ${((ms / iterations) * 1000).toFixed(1).padStart(9)} µs/op  ${Math.round(
      iterations / (ms / 1000),
    )
      .toString()
      .padStart(9)} ops/s  heap Δ ${heapMb.toFixed(1)} MB\n`,
  );
}

async function main(): Promise<void> {
  const org = await loadDemoOrg();
  const categories = ['labour', 'demolition', 'environment', 'education', 'health', 'transport', 'land-resources'];
  const townships = org.units.filter((u) => u.level === 'township' && u.divisionCode.startsWith('410726')).map((u) => u.divisionCode);
  measure('routePetition (county bureau, demo city)', 20000, (i) =>
    routePetition({
      facts: {
        type: 'claim',
        category: categories[i % categories.length] ?? 'other',
        placeCode: townships[i % townships.length] ?? '410726000000',
        receivingUnitId: '410726000000:petition-bureau',
        channel: 'visit',
      },
      currentUnitId: '410726000000:petition-bureau',
      directory: org.directory,
      ruleSet: DEFAULT_ROUTING_RULE_SET,
    }),
  );
  const start = Date.parse('2025-01-20T02:00:00Z');
  measure('deadlineFor objection (5 working days)', 50000, (i) =>
    deadlineFor('objection', { startAt: new Date(start + (i % 400) * 86400000) }),
  );
  measure('deadlineFor handling (60 days + extension)', 50000, (i) =>
    deadlineFor('handling', { startAt: new Date(start + (i % 400) * 86400000), extensionDays: i % 31 }),
  );
  const events: EvolvableEvent[] = [
    {
      type: 'petition.registered',
      version: 1,
      id: 'e1',
      occurredAt: '2025-01-20T02:00:00.000Z',
      caseId: 'c',
      payload: {
        caseNumber: '410726-2025-000001',
        channel: 'visit',
        form: { kind: 'individual' },
        type: 'claim',
        category: 'labour',
        placeCode: '410726101000',
        receivingUnitId: '410726000000:petition-bureau',
        receivedAt: '2025-01-20T01:00:00.000Z',
        registeredAt: '2025-01-20T02:00:00.000Z',
        petitionerRef: '0190f3c4-0000-7000-8000-000000000001',
        flags: { skipLevel: false, confidential: false, lawsuit: false },
        attachmentCount: 0,
      },
    },
    {
      type: 'case.dispatched',
      version: 1,
      id: 'e2',
      occurredAt: '2025-01-20T03:00:00.000Z',
      caseId: 'c',
      payload: {
        stage: 'original',
        fromUnitId: '410726000000:petition-bureau',
        toUnitId: '410726000000:dept-hrss',
        mode: 'forward',
        rule: { id: 'territory-competence-level', version: 1 },
        reasons: ['属地'],
        hop: 1,
      },
    },
  ];
  measure('fold (registered + dispatched)', 50000, () => fold(events));
  const answered: EvolvableEvent[] = [
    ...events,
    {
      type: 'case.signed',
      version: 1,
      id: 'e3',
      occurredAt: '2025-01-21T02:00:00.000Z',
      caseId: 'c',
      payload: { unitId: '410726000000:dept-hrss' },
    },
    {
      type: 'case.accepted',
      version: 1,
      id: 'e4',
      occurredAt: '2025-01-22T02:00:00.000Z',
      caseId: 'c',
      payload: { unitId: '410726000000:dept-hrss', claimRoute: 'petition' },
    },
    {
      type: 'case.replied',
      version: 1,
      id: 'e5',
      occurredAt: '2025-02-20T02:00:00.000Z',
      caseId: 'c',
      payload: {
        unitId: '410726000000:dept-hrss',
        stage: 'original',
        outcome: 'supported',
        replyDocumentRef: 'routing:reply:1',
        approvedBy: 'head-1',
      },
    },
    {
      type: 'case.reply-served',
      version: 1,
      id: 'e6',
      occurredAt: '2025-02-21T02:00:00.000Z',
      caseId: 'c',
      payload: {
        unitId: '410726000000:dept-hrss',
        servedAt: '2025-02-21T02:00:00.000Z',
        method: 'post',
      },
    },
  ];
  const state = fold(answered).state;
  const ctx = { calendar: defaultWorkingCalendar(), policies: [], asOf: '2025-03-01T00:00:00.000Z' };
  measure('fold (answered and served, 6 events)', 20000, () => fold(answered));
  measure('clockHistory (answered and served, 6 clocks)', 20000, () => clockHistory(state, ctx));
}

void main();
