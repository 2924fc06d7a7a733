import type { Answer } from '../../api/answer';
import type { paths as SupervisionPaths } from '../../api/generated/supervision';

// What the supervision pages read from the supervision service's answers: the generated types of the success bodies
// it documents (clocks, orders, escalations, backlog, the city list, the leader's list, the alerts).

/** GET /api/supervision/clocks (one clock of the ledger, with its case). */
export type ClockRow = Answer<SupervisionPaths, '/clocks', 'get'>[number];

/** GET /api/supervision/supervision-orders (one order, 督办单). */
export type OrderRow = Answer<SupervisionPaths, '/supervision-orders', 'get'>[number];

/** GET /api/supervision/escalations (one escalation, 提级督办). */
export type EscalationRow = Answer<SupervisionPaths, '/escalations', 'get'>[number];

/** GET /api/supervision/backlog (one entry of the register, 积案台账). */
export type BacklogRow = Answer<SupervisionPaths, '/backlog', 'get'>[number];

/** GET /api/supervision/alerts (one early warning of the caller's territory, 预警). */
export type AlertRow = Answer<SupervisionPaths, '/alerts', 'get'>[number];

/** GET /api/supervision/cases (one case of the city list). */
export type CaseRow = Answer<SupervisionPaths, '/cases', 'get'>['items'][number];

/** GET /api/supervision/leader/cases (one case the caller is the leader in charge of). */
export type LeaderRow = Answer<SupervisionPaths, '/leader/cases', 'get'>[number];
