import { type AssertTrue, caseCoreSchema, type ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import { clockViewSchema } from '../ledger/clock-view.response';
import type { CaseListItem } from './case-list-item';
import type { CityListItem } from './city-list-item';
import type { CaseView } from './city-view.service';

/** One case in a list of the city view (CaseListItem). */
export const caseListItemSchema = caseCoreSchema.extend({
  registeredAt: z.string().nullable(),
  updatedAt: z.string().describe('最近一次事件时间 / the last event’s instant'),
  overdue: z.boolean().describe('有期限已超期 / a clock ran out'),
  supervised: z.boolean().describe('督办过 / a supervision order was issued'),
  leaderRef: z.string().nullable().describe('包案领导 / the leader in charge'),
  backlog: z.boolean().describe('积案 / on the backlog register'),
});

/** One case of the city list: its subject where the reader may read it, names instead of codes. */
export const cityListItemSchema = caseListItemSchema.extend({
  subject: z.string().nullable().describe('事由，仅可阅全文者可见 / subject, full access only'),
  holdingUnitName: z.string().nullable(),
  placeName: z.string().nullable().describe('问题发生地名称 / the place in words'),
});

/** GET /cases: one page and the total. */
export const cityListPageSchema = z.object({ items: z.array(cityListItemSchema), total: z.number().int() });

/** GET /cases/{caseId}: status, holding unit, flags, clocks and timeline. */
export const caseViewSchema = caseCoreSchema.extend({
  heldBy: z.array(z.string()).describe('曾承办单位 / every unit that held it'),
  flags: z.record(z.string(), z.unknown()).describe('标记（督办、包案、积案、越级…） / the case’s flags'),
  clocks: z.array(clockViewSchema),
  timeline: z.array(
    z.object({
      eventId: z.uuid(),
      type: z.string(),
      producer: z.string(),
      status: z.string().nullable().describe('事件后的状态 / status after the event'),
      stage: z.string(),
      holdingUnitId: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
});

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type CaseListItemDocumented = AssertTrue<ResponseMatches<CaseListItem, typeof caseListItemSchema>>;
export type CityListDocumented = AssertTrue<ResponseMatches<{ items: CityListItem[]; total: number }, typeof cityListPageSchema>>;
export type CaseViewDocumented = AssertTrue<ResponseMatches<CaseView, typeof caseViewSchema>>;
