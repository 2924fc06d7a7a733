import { addUnique, evolverTable, patchFlags, updateStage } from './evolve-helpers';

/** How supervision's and notification's facts change a case: flags only, never the status. */
export const supervisionEvolvers = evolverTable({
  'case.deadline-warning': (state) => state,
  'case.overdue': (state, p) => {
    const seen = state.flags.overdue.some(
      (o) => o.clock === p.clock && o.stage === p.stage && o.unitId === p.unitId && o.dueAt === p.dueAt,
    );
    if (seen) return state;
    const mark = { clock: p.clock, stage: p.stage, unitId: p.unitId, dueAt: p.dueAt };
    return patchFlags(state, { overdue: [...state.flags.overdue, mark] });
  },
  'case.window-expired': (state, p) => updateStage(state, p.stage, (r) => ({ expiredWindows: addUnique(r.expiredWindows, p.window) })),
  'case.supervision-order-issued': (state, p) =>
    patchFlags(state, {
      supervised: true,
      openOrders: [...state.flags.openOrders.filter((o) => o.orderId !== p.orderId), { orderId: p.orderId, unitId: p.unitId }],
    }),
  'case.supervision-order-answered': (state, p) =>
    patchFlags(state, { openOrders: state.flags.openOrders.filter((o) => o.orderId !== p.orderId) }),
  'case.supervision-order-reminded': (state) => state,
  'case.escalated': (state, p) => patchFlags(state, { escalationStep: Math.max(state.flags.escalationStep, p.policyStep) }),
  'case.leader-assigned': (state, p) => patchFlags(state, { leaderRef: p.leaderRef }),
  'case.backlog-registered': (state) => patchFlags(state, { backlog: true }),
  'case.backlog-cleared': (state) => patchFlags(state, { backlog: false }),
  'case.reported-up': (state) => patchFlags(state, { reportedUp: true }),
  'case.notice-delivered': (state) => state,
  'case.notice-failed': (state) => state,
});
